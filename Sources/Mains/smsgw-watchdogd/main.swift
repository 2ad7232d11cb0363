import WatchdogdDaemon

await WatchdogdCommand.main()
