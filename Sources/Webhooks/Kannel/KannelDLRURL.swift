import GatewayTime
import HexCoding

/// Kannel-style dlr-url callbacks: the URL upstream gave with its message, its % placeholders
/// replaced by the report's values (Kannel user guide, "Parameters (escape codes)"), each value
/// URL-encoded (RFC 3986 §2.1: every octet but the unreserved set of §2.3 as `%XX`), then
/// fetched with GET.
public enum KannelDLRURL {
    /// `template` with each known `%x` replaced; `%%` is one `%`; an unknown `%x` and a lone
    /// trailing `%` stay as written (so a URL that was already percent-encoded passes through).
    public static func expand(_ template: String, with values: KannelCallbackValues) -> String {
        var words = Words(values.text)
        var out = ""
        var scalars = template.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "%" else { out.unicodeScalars.append(scalar); continue }
            guard let code = scalars.next() else { out += "%"; break }
            if code == "%" { out += "%"; continue }
            if let value = value(of: code, values, words: &words) {
                out += value
            } else {
                out += "%"
                out.unicodeScalars.append(code)
            }
        }
        return out
    }

    /// The encoded value of placeholder `code`, or nil when Kannel has no such placeholder
    /// (or it does not apply to a delivery report here: %u, %D, %m, %M and the like stay empty).
    private static func value(of code: Unicode.Scalar, _ values: KannelCallbackValues, words: inout Words) -> String? {
        switch code {
        case "d": String(values.reportType.rawValue)
        case "A": encode(values.smscReply)
        case "T": String(floorSeconds(values.time.millisecondsSince1970))
        case "t": encode(kannelTime(values.time.millisecondsSince1970))
        case "p": encode(values.sender)
        case "P": encode(values.receiver)
        case "q": encode(plusForDoubleZero(values.sender))
        case "Q": encode(plusForDoubleZero(values.receiver))
        case "i": encode(values.smscID)
        case "I": encode(values.messageID)
        case "F": encode(values.foreignID)
        case "n": encode(values.username)
        case "o": encode(values.account)
        case "B": encode(values.billing)
        case "c": String(values.coding)
        case "C": encode(["GSM", "binary", "UTF-16BE"][min(max(values.coding, 0), 2)])
        case "a": encode(words.all)
        case "b": encode(values.text)
        case "k": encode(words.keyword)
        case "s": encode(words.next())
        // %S: the next word with '*' turned into '~' and not encoded (as Kannel does).
        case "S": words.next().replacingStars()
        case "r": encode(words.rest)
        case "u", "D", "m", "M", "O", "f", "R": ""
        default: nil
        }
    }

    /// Percent-encodes every UTF-8 octet outside RFC 3986 §2.3's unreserved set.
    public static func encode(_ text: String) -> String {
        var out = [UInt8]()
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), HexDigits.digit(byte >> 4), HexDigits.digit(byte)]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `%q`/`%Q`: a leading `00` replaced by `+`.
    static func plusForDoubleZero(_ number: String) -> String {
        number.hasPrefix("00") ? "+" + number.dropFirst(2) : number
    }

    /// `%t`: `YYYY-MM-DD HH:MM` in UTC.
    static func kannelTime(_ milliseconds: Int64) -> String {
        String(RFC3339.format(.init(millisecondsSince1970: milliseconds)).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    private static func floorSeconds(_ milliseconds: Int64) -> Int64 {
        milliseconds >= 0 ? milliseconds / 1_000 : (milliseconds - 999) / 1_000
    }

    /// The text's words (split on white space, squeezed), read the way `%k`, `%s`, `%r` do:
    /// `%k` the first, each `%s` the next one after it, `%r` those no `%s` took.
    struct Words {
        let list: [String]
        var cursor = 1

        init(_ text: String) {
            list = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        }

        var keyword: String { list.first ?? "" }
        var all: String { list.joined(separator: " ") }
        var rest: String { cursor < list.count ? list[cursor...].joined(separator: " ") : "" }

        mutating func next() -> String {
            guard cursor < list.count else { return "" }
            defer { cursor += 1 }
            return list[cursor]
        }
    }
}

private extension String {
    func replacingStars() -> String { String(map { $0 == "*" ? "~" : $0 }) }

    func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
