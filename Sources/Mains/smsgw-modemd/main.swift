import ModemdDaemon

await ModemdCommand.main()
