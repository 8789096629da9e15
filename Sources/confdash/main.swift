import ConfDashCLI
import Foundation

exit(ConfdashCLI.run(Array(CommandLine.arguments.dropFirst()), io: .standard()))
