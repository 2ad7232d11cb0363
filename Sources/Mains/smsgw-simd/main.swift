import SimdDaemon

await SimdCommand.main()
