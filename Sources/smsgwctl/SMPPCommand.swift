import ArgumentParser

struct SMPPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smpp",
        abstract: "Decode SMPP 3.4 PDUs.",
        subcommands: []
    )
}
