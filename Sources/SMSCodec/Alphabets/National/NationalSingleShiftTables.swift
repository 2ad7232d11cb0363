/// The national language single shift tables of 3GPP TS 23.038 annex A.2 (V18.0.0): code
/// after ESC (0x1B) to character. Each holds the default extension table's characters
/// (§6.2.1.1: form feed ^ { } \ [ ~ ] | €) at their usual codes plus the language's own.
enum NationalSingleShiftTables {
    /// The characters every single shift table of A.2.1–A.2.3 shares with §6.2.1.1.
    private static let common: [Int: Unicode.Scalar] = [
        0x0A: "\u{0C}", 0x14: "^", 0x28: "{", 0x29: "}", 0x2F: "\\",
        0x3C: "[", 0x3D: "~", 0x3E: "]", 0x40: "|", 0x65: "\u{20AC}",
    ]

    /// A.2.1 Turkish: Ğ İ Ş ç ğ ı ş.
    static let turkish: [Int: Unicode.Scalar] = common.merging([
        0x47: "\u{11E}", 0x49: "\u{130}", 0x53: "\u{15E}", 0x63: "\u{E7}",
        0x67: "\u{11F}", 0x69: "\u{131}", 0x73: "\u{15F}",
    ]) { _, national in national }

    /// A.2.2 Spanish: ç Á Í Ó Ú á í ó ú.
    static let spanish: [Int: Unicode.Scalar] = common.merging([
        0x09: "\u{E7}", 0x41: "\u{C1}", 0x49: "\u{CD}", 0x4F: "\u{D3}", 0x55: "\u{DA}",
        0x61: "\u{E1}", 0x69: "\u{ED}", 0x6F: "\u{F3}", 0x75: "\u{FA}",
    ]) { _, national in national }

    /// A.2.3 Portuguese: accented vowels and ç, and the Greek capitals Φ Γ Ω Π Ψ Σ Θ (which the
    /// Portuguese locking shift table gives up).
    static let portuguese: [Int: Unicode.Scalar] = common.merging([
        0x05: "\u{EA}", 0x09: "\u{E7}", 0x0B: "\u{D4}", 0x0C: "\u{F4}", 0x0E: "\u{C1}", 0x0F: "\u{E1}",
        0x12: "\u{3A6}", 0x13: "\u{393}", 0x15: "\u{3A9}", 0x16: "\u{3A0}", 0x17: "\u{3A8}",
        0x18: "\u{3A3}", 0x19: "\u{398}", 0x1F: "\u{CA}",
        0x41: "\u{C0}", 0x49: "\u{CD}", 0x4F: "\u{D3}", 0x55: "\u{DA}", 0x5B: "\u{C3}", 0x5C: "\u{D5}",
        0x61: "\u{C2}", 0x69: "\u{ED}", 0x6F: "\u{F3}", 0x75: "\u{FA}", 0x7B: "\u{E3}", 0x7C: "\u{F5}",
        0x7F: "\u{E2}",
    ]) { _, national in national }
}
