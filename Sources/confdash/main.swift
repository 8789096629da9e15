import ConfDashCLI

ConfdashCommand.main()
