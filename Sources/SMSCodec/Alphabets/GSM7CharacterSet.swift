/// The tables a GSM 7 bit message is written with: a locking shift table in place of the
/// default alphabet and a single shift table in place of its extension (3GPP TS 23.038
/// §6.2.1, §6.2.1.1 and annex A). Without national languages it is the default alphabet.
public struct GSM7CharacterSet: Sendable, Hashable {
    /// The language whose locking shift table replaces the default alphabet; nil (or a
    /// language whose table is void, A.3.2 Spanish) keeps the default alphabet.
    public var lockingShift: NationalLanguage?
    /// The language whose single shift table replaces the default extension table.
    public var singleShift: NationalLanguage?

    public init(lockingShift: NationalLanguage? = nil, singleShift: NationalLanguage? = nil) {
        self.lockingShift = lockingShift
        self.singleShift = singleShift
    }

    /// The default alphabet and its extension table.
    public static let `default` = GSM7CharacterSet()

    /// True when no national table is in use.
    public var isDefault: Bool { lockingShift == nil && singleShift == nil }

    /// The user data header elements that announce these tables (3GPP TS 23.040
    /// §9.2.3.24.15/16): locking shift first, then single shift.
    public var headerElements: [InformationElement] {
        var elements: [InformationElement] = []
        if let lockingShift { elements.append(.nationalLanguageLockingShift(lockingShift)) }
        if let singleShift { elements.append(.nationalLanguageSingleShift(singleShift)) }
        return elements
    }

    /// The septets that encode `scalar`: one from the locking (or default) table, two (ESC,
    /// code) from the single shift (or extension) table; nil when neither holds it.
    public func septets(for scalar: Unicode.Scalar) -> [UInt8]? {
        if let code = Self.basicCodes(lockingShift)[scalar] { return [code] }
        if let code = Self.extensionCodes(singleShift)[scalar] { return [GSM7Alphabet.escape, code] }
        return nil
    }

    /// Decodes unpacked septets. An escape followed by a code the single shift table does not
    /// define shows the locking (or default) table's character of that code (3GPP TS 23.038
    /// §6.2.1.1); ESC ESC shows a space; a lone escape at the very end is dropped.
    public func decode(_ septets: some Sequence<UInt8>) -> String {
        let basic = Self.basicTable(lockingShift)
        let extensionTable = singleShift?.singleShiftTable ?? GSM7Alphabet.extensionTable
        var scalars = String.UnicodeScalarView()
        var escaped = false
        for septet in septets {
            let code = Int(septet & 0x7F)
            if escaped {
                escaped = false
                if let scalar = extensionTable[code] {
                    scalars.append(scalar)
                    continue
                }
                if code == Int(GSM7Alphabet.escape) {
                    // ESC ESC: reserved for a further extension table; shown as a space.
                    scalars.append(" ")
                    continue
                }
            } else if code == Int(GSM7Alphabet.escape) {
                escaped = true
                continue
            }
            scalars.append(basic[code])
        }
        return String(scalars)
    }

    private static func basicTable(_ language: NationalLanguage?) -> [Unicode.Scalar] {
        language?.lockingShiftTable ?? GSM7Alphabet.defaultTable
    }

    private static func basicCodes(_ language: NationalLanguage?) -> [Unicode.Scalar: UInt8] {
        guard let language, language.hasLockingShiftTable else { return GSM7Alphabet.defaultCodes }
        return lockingCodes[language] ?? GSM7Alphabet.defaultCodes
    }

    private static func extensionCodes(_ language: NationalLanguage?) -> [Unicode.Scalar: UInt8] {
        guard let language else { return GSM7Alphabet.extensionCodes }
        return singleShiftCodes[language] ?? GSM7Alphabet.extensionCodes
    }

    /// Character to septet for every locking shift table; 0x1B is never a character and a
    /// character listed twice takes its lower code.
    private static let lockingCodes: [NationalLanguage: [Unicode.Scalar: UInt8]] = {
        var all: [NationalLanguage: [Unicode.Scalar: UInt8]] = [:]
        for language in NationalLanguage.allCases {
            guard let table = language.lockingShiftTable else { continue }
            var codes: [Unicode.Scalar: UInt8] = [:]
            for (code, scalar) in table.enumerated().reversed() where code != Int(GSM7Alphabet.escape) {
                codes[scalar] = UInt8(code)
            }
            all[language] = codes
        }
        return all
    }()

    private static let singleShiftCodes: [NationalLanguage: [Unicode.Scalar: UInt8]] = {
        var all: [NationalLanguage: [Unicode.Scalar: UInt8]] = [:]
        for language in NationalLanguage.allCases {
            var codes: [Unicode.Scalar: UInt8] = [:]
            for (code, scalar) in language.singleShiftTable.sorted(by: { $0.key > $1.key }) {
                codes[scalar] = UInt8(code)
            }
            all[language] = codes
        }
        return all
    }()
}
