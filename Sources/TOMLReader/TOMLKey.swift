// Keys as the parser reads them: one part per dotted component, each with its position.

/// One component of a dotted key (TOML 1.0, "Keys": bare, basic-quoted or literal-quoted).
struct TOMLKeyPart: Sendable, Equatable {
    var name: String
    var position: TOMLPosition
}

/// A whole key: at least one part; `a."b c".d` has three.
struct TOMLKey: Sendable {
    var first: TOMLKeyPart
    var rest: [TOMLKeyPart]

    var parts: [TOMLKeyPart] { [first] + rest }
    var last: TOMLKeyPart { rest.last ?? first }
    var prefix: ArraySlice<TOMLKeyPart> { parts.dropLast() }

    /// The key as a reader would write it, quoting parts that are not bare keys.
    var display: String { Self.display(parts.map(\.name)) }

    static func display(_ names: some Sequence<String>) -> String {
        names.map(displayPart).joined(separator: ".")
    }

    static func displayPart(_ name: String) -> String {
        if !name.isEmpty, name.utf8.allSatisfy(\.isBareKeyCharacter) { return name }
        var quoted = "\""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    quoted += "\\u" + TOMLCursor.scalarName(scalar.value).dropFirst(2)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}
