/// An information response line `+NAME: parameters` (ITU-T V.250 §5.7.2; 27.007 §4.1),
/// split into its name and its parameter text.
public struct ATInformationLine: Sendable, Hashable {
    /// The name with its prefix character, upper-cased: `+CREG`, `^SIMST`, `$QCSIMSTAT`.
    public var name: String
    /// Everything after the colon, leading spaces removed.
    public var parameters: Substring

    /// Splits `line`; nil when it is not of the form `<prefix>NAME:` (prefix one of + ^ $ % * #).
    public init?(_ line: String) {
        guard let first = line.first, "+^$%*#".contains(first), let colon = line.firstIndex(of: ":") else {
            return nil
        }
        let name = line[..<colon]
        guard name.count >= 2, name.dropFirst().allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            return nil
        }
        self.name = name.uppercased()
        var rest = line[line.index(after: colon)...]
        while rest.first == " " { rest = rest.dropFirst() }
        self.parameters = rest
    }

    /// The fields of `line` when its name is `name` (case-insensitive); throws a typed error
    /// naming the line otherwise.
    static func fields(of line: String, named name: String) throws(ATParseError) -> [ATField] {
        guard let info = ATInformationLine(line), info.name == name else {
            throw ATParseError(.missingPrefix(name + ":"), line: line)
        }
        do {
            return try ATFieldList.parse(info.parameters)
        } catch {
            throw error.on(line)
        }
    }
}
