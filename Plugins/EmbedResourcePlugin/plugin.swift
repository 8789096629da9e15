import Foundation
import PackagePlugin

/// Turns the files listed below (top-level `Resources/`) into Swift string constants at build time.
/// The JSON stays the single source of truth; the generated source is never committed.
@main
struct EmbedResourcePlugin: BuildToolPlugin {
    /// Resource file name → Swift constant name in the generated `EmbeddedResources` enum.
    static let embedded: [(file: String, constant: String)] = [
        ("wco-events.json", "wcoEventsJSON"),
        ("world-1deg.txt", "worldMap1DegText"),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let resources = context.package.directoryURL.appending(path: "Resources")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        let inputs = Self.embedded.map { resources.appending(path: $0.file) }
        var arguments = [output.path(percentEncoded: false)]
        for (input, item) in zip(inputs, Self.embedded) {
            arguments += [item.constant, input.path(percentEncoded: false)]
        }
        return [
            .buildCommand(
                displayName: "Embedding \(Self.embedded.map(\.file).joined(separator: ", "))",
                executable: try context.tool(named: "EmbedResourceTool").url,
                arguments: arguments,
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
