/// The id one submit of a message the ESME split itself is answered with: each part it sent
/// in its own submit_sm (UDH or SAR) gets one, as an SMSC gives each submit_sm its own
/// message_id, while the parts go out as ONE stored message from one SIM. The text is
/// `<message id>-<part number>` ("42-2"): unique (one part row per message and number), the
/// same when the part is sent again, and it names the message it belongs to. A message
/// submitted whole (or split by the box) keeps its plain decimal id.
public struct SubmitID: Sendable, Hashable, CustomStringConvertible {
    /// The stored message the part belongs to.
    public var messageID: Int64
    /// The part's number in that message, 1...255.
    public var part: Int

    public init(messageID: Int64, part: Int) {
        (self.messageID, self.part) = (messageID, part)
    }

    /// Reads `<message id>-<part number>` exactly as ``description`` writes it: ASCII digits
    /// without leading zeros, a positive message id, a part 1...255. Anything else is nil.
    public init?(_ text: String) {
        let halves = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard halves.count == 2,
              let message = Self.number(halves[0], maximumDigits: 19), message > 0,
              let part = Self.number(halves[1], maximumDigits: 3), (1...255).contains(part)
        else { return nil }
        self.init(messageID: message, part: Int(part))
    }

    public var description: String { "\(messageID)-\(part)" }

    private static func number(_ digits: Substring.UTF8View, maximumDigits: Int) -> Int64? {
        guard (1...maximumDigits).contains(digits.count), digits.first != UInt8(ascii: "0"),
              digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return Int64(String(decoding: digits, as: UTF8.self))
    }
}
