/// A `+CMS ERROR` (3GPP TS 27.005 §3.2.5) or `+CME ERROR` (3GPP TS 27.007 §9.2) final result,
/// in numeric (`AT+CMEE=1`) or verbose (`AT+CMEE=2`) form, mapped through one table each.
public struct ModemError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which family the error belongs to.
    public enum Family: String, Sendable, Hashable {
        /// `+CMS ERROR`: message service failures (27.005).
        case cms
        /// `+CME ERROR`: mobile equipment failures (27.007).
        case cme
    }

    /// `+CMS ERROR` or `+CME ERROR`.
    public let family: Family
    /// The numeric code, when the modem sent one or when its verbose text is in the table.
    public let code: Int?
    /// The text: the table's for a numeric code, the modem's for a verbose one.
    public let text: String
    /// What modemd should do about it.
    public let category: ATErrorCategory
    /// True when the code or text is in the standard table (else it is manufacturer specific).
    public let isStandard: Bool

    /// A numeric error. Codes outside the table are manufacturer specific (27.005: 512 and up)
    /// or reserved; both are classified `temporary`, so they are retried a bounded number of times.
    public init(family: Family, code: Int) {
        self.family = family
        self.code = code
        if let entry = ModemError.table(family).byCode[code] {
            text = entry.text
            category = entry.category
            isStandard = true
        } else {
            text = family == .cms && code >= 512 ? "manufacturer specific" : "unknown"
            category = .temporary
            isStandard = false
        }
    }

    /// A verbose error; unknown texts keep the modem's wording and are classified `temporary`.
    public init(family: Family, text: String) {
        self.family = family
        if let entry = ModemError.table(family).byText[ATErrorText.key(text)] {
            code = entry.code
            category = entry.category
            isStandard = true
        } else {
            code = nil
            category = .temporary
            isStandard = false
        }
        self.text = text
    }

    /// Parses the value after `+CMS ERROR:` / `+CME ERROR:`: a number, or a text (quoted or not).
    init(family: Family, value: Substring) {
        var trimmed = value.drop(while: { $0 == " " })
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        if trimmed.count >= 2, trimmed.first == "\"", trimmed.last == "\"" {
            trimmed = trimmed.dropFirst().dropLast()
        }
        if !trimmed.isEmpty, trimmed.count <= 9, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }), let code = Int(trimmed) {
            self.init(family: family, code: code)
        } else {
            self.init(family: family, text: String(trimmed))
        }
    }

    public var description: String {
        let prefix = family == .cms ? "+CMS ERROR" : "+CME ERROR"
        if let code { return "\(prefix): \(code) (\(text), \(category.rawValue))" }
        return "\(prefix): \(text) (\(category.rawValue))"
    }

    private static func table(_ family: Family) -> (byCode: [Int: CMSErrorTable.Entry], byText: [String: CMSErrorTable.Entry]) {
        switch family {
        case .cms: (CMSErrorTable.byCode, CMSErrorTable.byText)
        case .cme: (CMEErrorTable.byCode, CMEErrorTable.byText)
        }
    }
}
