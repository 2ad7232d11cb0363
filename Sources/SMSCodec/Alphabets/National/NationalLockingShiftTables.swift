/// The national language locking shift tables of 3GPP TS 23.038 annex A.3 (V18.0.0), indexed
/// by septet. A locking shift table replaces the default alphabet (§6.2.1) for the whole
/// message. Entry 0x1B is the escape to the single shift table, never a character; it holds a
/// no-break space like `GSM7Alphabet.defaultTable`. Checked cell by cell against the annex as
/// transcribed by two independent public sources (see the tests' spot vectors).
enum NationalLockingShiftTables {
    /// A.3.1 Turkish: the default alphabet with € ı Ğ ğ Ş ş İ ç in place of è ì Ø ø Æ æ ¡ ¿.
    static let turkish: [Unicode.Scalar] = [
        "@", "\u{A3}", "$", "\u{A5}", "\u{20AC}", "\u{E9}", "\u{F9}", "\u{131}",
        "\u{F2}", "\u{C7}", "\n", "\u{11E}", "\u{11F}", "\r", "\u{C5}", "\u{E5}",
        "\u{394}", "_", "\u{3A6}", "\u{393}", "\u{39B}", "\u{3A9}", "\u{3A0}", "\u{3A8}",
        "\u{3A3}", "\u{398}", "\u{39E}", "\u{A0}", "\u{15E}", "\u{15F}", "\u{DF}", "\u{C9}",
        " ", "!", "\"", "#", "\u{A4}", "%", "&", "'",
        "(", ")", "*", "+", ",", "-", ".", "/",
        "0", "1", "2", "3", "4", "5", "6", "7",
        "8", "9", ":", ";", "<", "=", ">", "?",
        "\u{130}", "A", "B", "C", "D", "E", "F", "G",
        "H", "I", "J", "K", "L", "M", "N", "O",
        "P", "Q", "R", "S", "T", "U", "V", "W",
        "X", "Y", "Z", "\u{C4}", "\u{D6}", "\u{D1}", "\u{DC}", "\u{A7}",
        "\u{E7}", "a", "b", "c", "d", "e", "f", "g",
        "h", "i", "j", "k", "l", "m", "n", "o",
        "p", "q", "r", "s", "t", "u", "v", "w",
        "x", "y", "z", "\u{E4}", "\u{F6}", "\u{F1}", "\u{FC}", "\u{E0}",
    ]

    /// A.3.3 Portuguese: accented vowels, ª º ∞ and the default table's extension characters
    /// ^ \ € | ~ ` as single septets.
    static let portuguese: [Unicode.Scalar] = [
        "@", "\u{A3}", "$", "\u{A5}", "\u{EA}", "\u{E9}", "\u{FA}", "\u{ED}",
        "\u{F3}", "\u{E7}", "\n", "\u{D4}", "\u{F4}", "\r", "\u{C1}", "\u{E1}",
        "\u{394}", "_", "\u{AA}", "\u{C7}", "\u{C0}", "\u{221E}", "^", "\\",
        "\u{20AC}", "\u{D3}", "|", "\u{A0}", "\u{C2}", "\u{E2}", "\u{CA}", "\u{C9}",
        " ", "!", "\"", "#", "\u{BA}", "%", "&", "'",
        "(", ")", "*", "+", ",", "-", ".", "/",
        "0", "1", "2", "3", "4", "5", "6", "7",
        "8", "9", ":", ";", "<", "=", ">", "?",
        "\u{CD}", "A", "B", "C", "D", "E", "F", "G",
        "H", "I", "J", "K", "L", "M", "N", "O",
        "P", "Q", "R", "S", "T", "U", "V", "W",
        "X", "Y", "Z", "\u{C3}", "\u{D5}", "\u{DA}", "\u{DC}", "\u{A7}",
        "~", "a", "b", "c", "d", "e", "f", "g",
        "h", "i", "j", "k", "l", "m", "n", "o",
        "p", "q", "r", "s", "t", "u", "v", "w",
        "x", "y", "z", "\u{E3}", "\u{F5}", "`", "\u{FC}", "\u{E0}",
    ]
}
