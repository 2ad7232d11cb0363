import Foundation
import GatewayCore
import GatewayIPC
import GatewayStore

/// modemd's side of the queue box: kill it (`kill -9`), start it again, call it directly; and
/// multipart messages.
extension QueuedBox {
    /// SIGKILL of modemd: sends it was writing end without an answer to queued.
    func killModemd() {
        guard let process = processes["modemd"] else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func startModemd() async throws {
        try? FileManager.default.removeItem(atPath: "\(runtime)/modemd.sock")
        processes["modemd"] = try launch("smsgw-modemd", ["--config", configPath], log: "modemd", append: true)
        try await waitFor("modemd again") { FileManager.default.fileExists(atPath: "\(self.runtime)/modemd.sock") }
    }

    func callModemd(_ request: ModemdProtocol.Request) async throws -> ModemdProtocol.Response {
        let client = try await IPCClient<ModemdProtocol>.connect(to: "\(runtime)/modemd.sock", retryingFor: .seconds(5))
        defer { Task { await client.close() } }
        return try await client.call(request, timeout: .seconds(10))
    }

    /// A `parts`-part 8-bit SMS-SUBMIT to `destination` with a concatenation header (3GPP TS
    /// 23.040 §9.2.3.24.1: IEI 00, reference, total, sequence), status report requested when `report`.
    static func multipart(to destination: String, parts: Int, reference: Int, report: Bool) -> NewMessage {
        let digits = Array(destination.dropFirst())
        var nibbles = digits
        if nibbles.count % 2 == 1 { nibbles.append("F") }
        var address = ""
        for index in stride(from: 0, to: nibbles.count, by: 2) { address += "\(nibbles[index + 1])\(nibbles[index])" }
        // TP-MTI submit + TP-UDHI (0x40), TP-SRR (0x20) when a report is wanted; DCS 04 (8-bit);
        // UD: the 6-octet UDH, then "hi".
        let first = report ? "61" : "41"
        let tpdus = (1...parts).map { seq in
            first + "00" + String(format: "%02X", digits.count) + "91" + address + "0004" + "08"
                + String(format: "050003%02X%02X%02X", reference, parts, seq) + "6869"
        }
        return NewMessage(account: "acme", source: "ACME", destination: destination, messageClass: .transactional,
                          text: String(repeating: "hi", count: parts), encoding: .binary, partsHex: tpdus,
                          expiresAt: now + .seconds(3600), registeredDelivery: report)
    }
}
