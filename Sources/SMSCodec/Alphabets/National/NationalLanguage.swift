/// A national language of 3GPP TS 23.038 §6.2.1.2.4 whose shift tables (annex A) this codec
/// carries. The raw value is the national language identifier sent in the user data header
/// elements 0x24 (single shift) and 0x25 (locking shift) of 3GPP TS 23.040 §9.2.3.24.15/16.
public enum NationalLanguage: UInt8, Sendable, Hashable, CaseIterable, Comparable {
    case turkish = 0x01
    case spanish = 0x02
    case portuguese = 0x03

    /// The ISO 639-1 code operators write (`tr`, `es`, `pt`).
    public var code: String {
        switch self {
        case .turkish: "tr"
        case .spanish: "es"
        case .portuguese: "pt"
        }
    }

    /// The language's English name, as annex A titles its tables.
    public var name: String {
        switch self {
        case .turkish: "Turkish"
        case .spanish: "Spanish"
        case .portuguese: "Portuguese"
        }
    }

    /// The language with ISO 639-1 `code` (case-insensitive), nil when none is carried.
    public init?(code: String) {
        let lowered = code.lowercased()
        guard let language = Self.allCases.first(where: { $0.code == lowered }) else { return nil }
        self = language
    }

    /// True when annex A defines a locking shift table for the language (A.3.2, Spanish, is
    /// void: a locking shift to Spanish leaves the default alphabet in force).
    public var hasLockingShiftTable: Bool { lockingShiftTable != nil }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The locking shift table (3GPP TS 23.038 annex A.3), indexed by septet; nil when void.
    var lockingShiftTable: [Unicode.Scalar]? {
        switch self {
        case .turkish: NationalLockingShiftTables.turkish
        case .spanish: nil
        case .portuguese: NationalLockingShiftTables.portuguese
        }
    }

    /// The single shift table (3GPP TS 23.038 annex A.2): code after ESC to character.
    var singleShiftTable: [Int: Unicode.Scalar] {
        switch self {
        case .turkish: NationalSingleShiftTables.turkish
        case .spanish: NationalSingleShiftTables.spanish
        case .portuguese: NationalSingleShiftTables.portuguese
        }
    }
}
