import SmsgwctlCommands

await Smsgwctl.main()
