import SmsgwctlCommands

@main extension Smsgwctl {}
