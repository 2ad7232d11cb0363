import Foundation

/// A minimal SMPP 3.4 transceiver for the `up` test, bytes by hand (§4.1.5 bind_transceiver,
/// §4.4.1 submit_sm with registered_delivery 1, §4.6.1 deliver_sm): binds as the demo account,
/// submits one text and waits for its delivery receipt.
final class SMPPProbe {
    private let connection: BlockingTCPConnection
    private var received: [UInt8] = []
    private var sequence: UInt32 = 0
    /// Receipts read while waiting for something else.
    private var early: [String] = []

    init(port: Int) throws { connection = try BlockingTCPConnection(port: port) }

    func bind(systemID: String, password: String) throws {
        let body = cString(systemID) + cString(password) + cString("") + [0x34, 0, 0] + cString("")
        let (command, status, _, _) = try call(0x09, body)
        guard command == 0x8000_0009, status == 0 else { throw UpBoxError("bind_transceiver_resp status \(status)") }
    }

    /// The message id from submit_sm_resp.
    func submit(to destination: String, text: String) throws -> String {
        var body = cString("") + [5, 0] + cString("Shop") + [1, 1] + cString(destination)
        body += [0, 0, 0] + cString("") + cString("") + [1, 0, 0, 0, UInt8(text.utf8.count)] + Array(text.utf8)
        let (command, status, _, answer) = try call(0x04, body)
        guard command == 0x8000_0004, status == 0 else { throw UpBoxError("submit_sm_resp status \(status)") }
        return String(decoding: answer.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// Reads PDUs (answering deliver_sm and enquire_link) until a receipt whose text contains
    /// `id:<messageID>`; the receipt's text.
    func receipt(for messageID: String, seconds: Double) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let (command, _, number, body) = try readPDU()
            if command == 0x15 { try write(0x8000_0015, number, []) }
            guard command == 0x05 else { continue }
            try write(0x8000_0005, number, cString(""))
            let text = String(decoding: body, as: UTF8.self)
            if text.contains("id:\(messageID) ") { return text }
        }
        throw UpBoxError("no receipt for \(messageID)")
    }

    /// Reads PDUs until every one of `messageIDs` has its receipt (those read while submitting
    /// included) or `seconds` pass; id → receipt text, for those that came.
    func receipts(for messageIDs: Set<String>, seconds: Double) throws -> [String: String] {
        let deadline = Date().addingTimeInterval(seconds)
        var found: [String: String] = [:]
        func match() {
            for id in messageIDs where found[id] == nil {
                if let text = early.first(where: { $0.contains("id:\(id) ") }) { found[id] = text }
            }
        }
        match()
        while found.count < messageIDs.count, Date() < deadline {
            guard let (command, _, number, body) = try? readPDU() else { continue }
            if command == 0x15 { try write(0x8000_0015, number, []) }
            guard command == 0x05 else { continue }
            try write(0x8000_0005, number, cString(""))
            early.append(String(decoding: body, as: UTF8.self))
            match()
        }
        return found
    }

    private func call(_ command: UInt32, _ body: [UInt8]) throws -> (UInt32, UInt32, UInt32, [UInt8]) {
        sequence += 1
        try write(command, sequence, body)
        while true {
            let answer = try readPDU()
            if answer.2 == sequence, answer.0 & 0x8000_0000 != 0 { return answer }
            // A receipt that comes while we wait: answered and kept for `receipts`.
            if answer.0 == 0x05 {
                try write(0x8000_0005, answer.2, cString(""))
                early.append(String(decoding: answer.3, as: UTF8.self))
            }
        }
    }

    private func write(_ command: UInt32, _ number: UInt32, _ body: [UInt8]) throws {
        try connection.write(word(UInt32(16 + body.count)) + word(command) + word(0) + word(number) + body)
    }

    private func readPDU() throws -> (UInt32, UInt32, UInt32, [UInt8]) {
        while true {
            if received.count >= 16 {
                let length = Int(read(0))
                if received.count >= length {
                    let pdu = (read(4), read(8), read(12), Array(received[16..<length]))
                    received.removeFirst(length)
                    return pdu
                }
            }
            let more = try connection.read()
            guard !more.isEmpty else { throw UpBoxError("SMPP connection closed") }
            received += more
        }
    }

    private func read(_ offset: Int) -> UInt32 {
        received[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private func word(_ value: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
    private func cString(_ text: String) -> [UInt8] { Array(text.utf8) + [0] }
}
