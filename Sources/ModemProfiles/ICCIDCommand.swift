/// One way a module reads the SIM's ICCID: the command invocation and how the answer looks.
/// `AT+CCID` is not in 3GPP TS 27.007; each vendor has its own (SIMCom `AT+CCID` and
/// `AT+CICCID`, Quectel `AT+QCCID`, Huawei `AT^ICCID?`).
public struct ICCIDCommand: Sendable, Hashable {
    /// How the command is invoked.
    public enum Invocation: Sendable, Hashable {
        /// `AT+CCID`.
        case execute
        /// `AT^ICCID?`.
        case read
    }

    /// Upper-cased command name with its prefix: `+CCID`, `+QCCID`, `^ICCID`.
    public var name: String
    public var invocation: Invocation
    /// The answer's prefix before the digits (`+QCCID: `), empty for a bare line of digits.
    public var answerPrefix: String
    /// Quoted digits (`+CCID: "8931…"`).
    public var quoted: Bool
    /// Digits in the SIM's nibble-swapped file order (Huawei `^ICCID`: `98…`).
    public var nibbleSwapped: Bool

    public init(name: String, invocation: Invocation = .execute, answerPrefix: String = "", quoted: Bool = false, nibbleSwapped: Bool = false) {
        self.name = name.uppercased()
        self.invocation = invocation
        self.answerPrefix = answerPrefix
        self.quoted = quoted
        self.nibbleSwapped = nibbleSwapped
    }

    /// The command line text (`AT+QCCID`).
    public var commandText: String { "AT" + name + (invocation == .read ? "?" : "") }

    /// The answer line for `iccid` (decimal digits, possibly ending in `F`).
    public func answer(for iccid: String) -> String {
        var digits = iccid
        if nibbleSwapped { digits = ICCIDCommand.swapNibbles(iccid) }
        return answerPrefix + (quoted ? "\"" + digits + "\"" : digits)
    }

    /// Reads the ICCID out of an answer line of this command; nil when the line is not one.
    public func parse(_ line: String) -> String? {
        guard line.hasPrefix(answerPrefix) else { return nil }
        var digits = String(line.dropFirst(answerPrefix.count)).filter { $0 != " " }
        if quoted {
            guard digits.count >= 2, digits.first == "\"", digits.last == "\"" else { return nil }
            digits = String(digits.dropFirst().dropLast())
        }
        guard (18...20).contains(digits.count), digits.allSatisfy({ $0.isHexDigit }) else { return nil }
        return nibbleSwapped ? ICCIDCommand.swapNibbles(digits) : digits
    }

    /// Swaps each pair of digits, padding an odd count with `F` (3GPP TS 31.102 §4.2.46 EF ICCID).
    public static func swapNibbles(_ digits: String) -> String {
        var characters = Array(digits)
        if characters.count % 2 == 1 { characters.append("F") }
        var swapped: [Character] = []
        var index = 0
        while index + 1 < characters.count {
            swapped.append(characters[index + 1])
            swapped.append(characters[index])
            index += 2
        }
        return String(swapped)
    }
}
