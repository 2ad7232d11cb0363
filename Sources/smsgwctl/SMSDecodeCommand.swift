import ArgumentParser
import SMSCodec

/// `smsgwctl sms decode`: a PDU as +CMGR gives it, decoded.
struct SMSDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode an SMS PDU (SMS-DELIVER, SMS-SUBMIT, SMS-STATUS-REPORT) given in hex."
    )

    @Argument(help: "The PDU in hex, with the SMSC address first as +CMGR gives it.")
    var hex: String

    @Flag(help: "The hex is the TPDU alone, without the SMSC address.")
    var withoutSmsc = false

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let pdu: SMSPDU
        do {
            pdu = try PDUDecoder.decode(hex: hex, includesServiceCentre: !withoutSmsc)
        } catch {
            throw InputError(error.description)
        }
        let output = SMSDecodeOutput(pdu)
        if json {
            try printJSON(output)
        } else {
            StandardStreams.writeOutput(output.humanReadable)
        }
    }
}
