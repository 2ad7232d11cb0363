import ArgumentParser

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the box's configuration and hash the secrets it stores.",
        subcommands: [ConfigCheckCommand.self, ConfigHashSecretCommand.self]
    )
}
