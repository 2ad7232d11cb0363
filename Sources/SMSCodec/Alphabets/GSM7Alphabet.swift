/// The GSM 7 bit default alphabet and its extension table (3GPP TS 23.038 §6.2.1 and
/// §6.2.1.1): septet values to Unicode scalars and back. An extension character is sent as
/// the escape septet 0x1B followed by its code, so it costs two septets.
public enum GSM7Alphabet {
    /// The escape to the extension table (3GPP TS 23.038 §6.2.1, code 0x1B).
    public static let escape: UInt8 = 0x1B

    /// The septets that encode `scalar`: one for the default table, two (ESC, code) for the
    /// extension table, nil when the default alphabet cannot represent it.
    public static func septets(for scalar: Unicode.Scalar) -> [UInt8]? {
        if let code = defaultCodes[scalar] { return [code] }
        if let code = extensionCodes[scalar] { return [escape, code] }
        return nil
    }

    /// How many septets `scalar` costs (1 or 2), nil when it is not representable.
    public static func septetCount(of scalar: Unicode.Scalar) -> Int? {
        if defaultCodes[scalar] != nil { return 1 }
        if extensionCodes[scalar] != nil { return 2 }
        return nil
    }

    /// Decodes unpacked septets with the default tables (see `GSM7CharacterSet.decode`): an
    /// escape followed by a code the extension table does not define shows the default-table
    /// character of that code (3GPP TS 23.038 §6.2.1.1); a lone escape at the end is dropped.
    public static func decode(_ septets: some Sequence<UInt8>) -> String {
        GSM7CharacterSet.default.decode(septets)
    }

    /// The default table (3GPP TS 23.038 §6.2.1), indexed by septet. Entry 0x1B (escape) is
    /// never looked up as a character and holds a non-breaking space as its displayed form.
    static let defaultTable: [Unicode.Scalar] = [
        "@", "\u{A3}", "$", "\u{A5}", "\u{E8}", "\u{E9}", "\u{F9}", "\u{EC}",
        "\u{F2}", "\u{C7}", "\n", "\u{D8}", "\u{F8}", "\r", "\u{C5}", "\u{E5}",
        "\u{394}", "_", "\u{3A6}", "\u{393}", "\u{39B}", "\u{3A9}", "\u{3A0}", "\u{3A8}",
        "\u{3A3}", "\u{398}", "\u{39E}", "\u{A0}", "\u{C6}", "\u{E6}", "\u{DF}", "\u{C9}",
        " ", "!", "\"", "#", "\u{A4}", "%", "&", "'",
        "(", ")", "*", "+", ",", "-", ".", "/",
        "0", "1", "2", "3", "4", "5", "6", "7",
        "8", "9", ":", ";", "<", "=", ">", "?",
        "\u{A1}", "A", "B", "C", "D", "E", "F", "G",
        "H", "I", "J", "K", "L", "M", "N", "O",
        "P", "Q", "R", "S", "T", "U", "V", "W",
        "X", "Y", "Z", "\u{C4}", "\u{D6}", "\u{D1}", "\u{DC}", "\u{A7}",
        "\u{BF}", "a", "b", "c", "d", "e", "f", "g",
        "h", "i", "j", "k", "l", "m", "n", "o",
        "p", "q", "r", "s", "t", "u", "v", "w",
        "x", "y", "z", "\u{E4}", "\u{F6}", "\u{F1}", "\u{FC}", "\u{E0}",
    ]

    /// The extension table (3GPP TS 23.038 §6.2.1.1): code after ESC to character.
    static let extensionTable: [Int: Unicode.Scalar] = [
        0x0A: "\u{0C}", 0x14: "^", 0x28: "{", 0x29: "}", 0x2F: "\\",
        0x3C: "[", 0x3D: "~", 0x3E: "]", 0x40: "|", 0x65: "\u{20AC}",
    ]

    static let defaultCodes: [Unicode.Scalar: UInt8] = {
        var codes: [Unicode.Scalar: UInt8] = [:]
        for (code, scalar) in defaultTable.enumerated() where code != Int(escape) {
            codes[scalar] = UInt8(code)
        }
        return codes
    }()

    static let extensionCodes: [Unicode.Scalar: UInt8] = {
        var codes: [Unicode.Scalar: UInt8] = [:]
        for (code, scalar) in extensionTable { codes[scalar] = UInt8(code) }
        return codes
    }()
}
