import ArgumentParser
import SMPPCodec

struct SMPPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smpp",
        abstract: "Decode and encode SMPP 3.4 PDUs.",
        subcommands: [SMPPDecodeCommand.self, SMPPEncodeCommand.self]
    )
}

struct SMPPDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode one SMPP 3.4 PDU given in hex (header included)."
    )

    @Argument(help: "The PDU in hex; spaces are ignored.")
    var hex: String

    @Flag(help: "Print JSON: command, command_id, status, sequence, fields, tlvs.")
    var json = false

    func run() throws {
        let bytes = try SMPPHexText.parse(hex, what: "the PDU")
        let pdu: PDU
        do {
            pdu = try PDU(decoding: bytes)
        } catch {
            throw InputError("not a valid SMPP 3.4 PDU: \(error)")
        }
        if json {
            try printJSON(SMPPJSONMapping.json(of: pdu))
        } else {
            StandardStreams.writeOutput(SMPPTextOutput.text(of: pdu))
        }
    }
}

struct SMPPEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode one SMPP 3.4 PDU from the JSON `smpp decode --json` prints; print it in hex."
    )

    @Argument(help: "The PDU as JSON; read from standard input when left out.")
    var json: String?

    func run() throws {
        let text = try json ?? SMPPStandardInput.readAll()
        let pdu = try SMPPJSONParsing.pdu(from: SMPPJSONValue.parse(text))
        do {
            StandardStreams.writeOutput(SMPPHexText.format(try pdu.encoded()) + "\n")
        } catch {
            throw InputError("cannot encode: \(error)")
        }
    }
}
