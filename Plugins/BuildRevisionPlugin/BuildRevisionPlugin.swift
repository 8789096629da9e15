import Foundation
import PackagePlugin

/// Writes the git revision the package is built from into `BuildRevision.swift`, so that
/// `confdash --version` names the exact source of a binary. A prebuild command (it runs before
/// every build, cheaply: one `git rev-parse` and one `git diff --quiet`) and not a build command,
/// because the revision is not a file the build system could watch. The script only rewrites
/// the file when the revision changed, so an unchanged tree recompiles nothing.
///
/// Builds from a tarball have no `.git`: the script then reads `.git-archive-revision` (filled
/// in by `git archive` through export-subst) or reports the revision as unknown; the build never
/// fails for want of git. Packagers can set `CONFDASH_REVISION` to state it themselves.
@main
struct BuildRevisionPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        let script = package.appending(path: "scripts/build-revision.sh")
        return [
            .prebuildCommand(
                displayName: "Recording the git revision",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [
                    script.path(percentEncoded: false),
                    package.path(percentEncoded: false),
                    output.appending(path: "BuildRevision.swift").path(percentEncoded: false),
                    ProcessInfo.processInfo.environment["CONFDASH_REVISION"] ?? "",
                ],
                outputFilesDirectory: output
            )
        ]
    }
}
