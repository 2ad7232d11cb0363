import ArgumentParser

struct SMSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sms",
        abstract: "Encode and decode SMS PDUs (3GPP TS 23.040).",
        subcommands: [SMSEncodeCommand.self, SMSDecodeCommand.self]
    )
}
