import ArgumentParser
import ConfDashCore
import ConfDashUI

struct KeysCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print every key and : command of the dashboard, as Markdown tables.",
        discussion: """
        The same table the dashboard's help overlay (?) and status bar are built from; \
        docs/user-guide.md carries this output.

        Examples:
          confdash keys
          confdash keys --lang fr
        """
    )

    @Option(name: .long, help: "Language of the descriptions: en or fr.")
    var lang: Language?

    func execute(io: CommandIO) throws {
        io.out(KeyMap.standard.markdown(lang ?? Language.fromEnvironment(io.environment)))
    }
}
