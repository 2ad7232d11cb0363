import QueuedDaemon

await QueuedCommand.main()
