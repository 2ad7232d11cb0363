/// Normalises verbose error texts for lookup: modems spell them with varying case, spacing
/// and punctuation ("SIM not inserted", "(U)SIM not inserted", "sim not inserted.").
enum ATErrorText {
    /// Lower-case letters and digits only.
    static func key(_ text: some StringProtocol) -> String {
        String(text.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    /// The lookup keys of one table text: as written, and with "(U)SIM" also as "SIM" and "USIM".
    static func keys(for text: String) -> [String] {
        guard text.contains("(U)SIM") else { return [key(text)] }
        return [
            key(text),
            key(text.replacing("(U)SIM", with: "SIM")),
            key(text.replacing("(U)SIM", with: "USIM")),
        ]
    }
}
