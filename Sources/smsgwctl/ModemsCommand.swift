import ArgumentParser
import GatewayCore
import GatewayIPC
import SMSCodec

/// `smsgwctl modems`: what smsgw-modemd says about each modem, and a direct send through one
/// modem (a lab tool: it bypasses the queue, its routing and the SIM limits).
struct ModemsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modems",
        abstract: "Show the modems smsgw-modemd supervises, or send through one of them.",
        subcommands: [ModemsStatusCommand.self, ModemsSendCommand.self],
        defaultSubcommand: ModemsStatusCommand.self
    )
}

/// Where modemd listens: `--socket`, else `modemd.sock` in the configuration's runtime directory.
extension DaemonSocketOptions {
    /// One request to smsgw-modemd.
    func call(_ request: ModemdProtocol.Request, timeout: Duration) async throws -> ModemdProtocol.Response {
        try await call(request, on: "modemd", protocol: ModemdProtocol.self, timeout: timeout)
    }
}

struct ModemsStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "One line per modem (the default).")

    @OptionGroup var daemon: DaemonSocketOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        guard case .status(let modems) = try await daemon.call(.status, timeout: .seconds(5)) else {
            throw InputError("smsgw-modemd answered status with something else")
        }
        if json {
            try printJSON(modems)
            return
        }
        let rows = [["MODEM", "STATE", "SIGNAL", "OPERATOR", "SLOT", "ICCID", "SENT", "LAST ERROR"]]
            + modems.map { modem in
                [
                    modem.id, modem.sending ? "\(modem.state)+sending" : modem.state,
                    modem.signal.map(SignalBars.text) ?? "-", modem.operatorName ?? "-", "\(modem.slot)",
                    modem.iccid ?? "-", "\(modem.counters["sends_succeeded"] ?? 0)", modem.lastError ?? "",
                ]
            }
        StandardStreams.writeOutput(TextTable.render(rows))
    }
}

struct ModemsSendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send a text through one modem now, bypassing the queue (for the lab)."
    )

    @OptionGroup var daemon: DaemonSocketOptions

    @Option(help: "The modem's id in the configuration.")
    var modem: String

    @Option(help: "Destination number (+ and digits for international).")
    var to: String

    @Option(help: "The text; GSM 7-bit when it fits, else UCS-2.")
    var text: String

    @Flag(help: "Ask for a status report.")
    var requestReport = false

    func run() async throws {
        let parts: [ModemdSendRequest.Part]
        do {
            let request = SubmitRequest(
                destination: try SMSAddress(parsing: to, field: .destination), text: text,
                requestStatusReport: requestReport)
            // TP-MR 0 in every part: the modem assigns its own and +CMGS reports it.
            let encoded = try SubmitEncoder.encode(request, concatenationReference: UInt16.random(in: 0...0xFF))
            parts = encoded.parts.map { ModemdSendRequest.Part(pdu: $0.hex, tpduLength: $0.tpduLength) }
        } catch {
            throw InputError(error.description)
        }
        let answer = try await daemon.call(.send(ModemdSendRequest(modem: modem, parts: parts)), timeout: .seconds(180))
        guard case .sent(let result) = answer else { throw InputError("smsgw-modemd answered send with something else") }
        let references = result.references.map(String.init).joined(separator: ",")
        switch result.outcome {
        case .sent:
            StandardStreams.writeOutput("sent: \(parts.count) part(s), TP-MR \(references)\n")
        case .failed, .unknown:
            let part = result.partIndex.map { " at part \($0 + 1)" } ?? ""
            let reason = [result.errorCategory, result.error].compactMap { $0 }.joined(separator: ": ")
            StandardStreams.writeOutput("\(result.outcome.rawValue)\(part): \(reason)\n")
            throw ExitCode(1)
        }
    }
}

/// `+CSQ` RSSI as bars an operator reads at a glance (27.007 §8.5: 0 ≤ -113 dBm … 31 ≥ -51 dBm).
enum SignalBars {
    static func text(_ rssi: Int) -> String {
        guard (0...31).contains(rssi) else { return "?" }
        let bars = rssi >= 20 ? 4 : rssi >= 15 ? 3 : rssi >= 10 ? 2 : rssi >= 2 ? 1 : 0
        return String(repeating: "▮", count: bars) + String(repeating: "▯", count: 4 - bars) + " \(rssi)"
    }
}

/// Left-aligned columns separated by two spaces, without trailing blanks.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        var widths: [Int] = []
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index == widths.count { widths.append(0) }
                widths[index] = max(widths[index], cell.count)
            }
        }
        let lines = rows.map { row in
            var line = ""
            for (index, cell) in row.enumerated() {
                if index > 0 { line += "  " }
                line += cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            while line.last == " " { line.removeLast() }
            return line
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
