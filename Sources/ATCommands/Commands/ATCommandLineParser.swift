/// The scanner behind `ATCommandLine(parsing:)` (ITU-T V.250 §5.3 basic syntax, §5.4 extended).
struct ATCommandLineParser {
    let characters: [Character]
    var index: Int

    private var current: Character? { index < characters.count ? characters[index] : nil }

    mutating func parseCommands() throws(ATCommandLineError) -> [ATCommandInvocation] {
        var commands: [ATCommandInvocation] = []
        while let character = current {
            if character == " " || character == ";" {
                index += 1
                continue
            }
            if "+^$%!*#".contains(character) {
                commands.append(try extended())
            } else if character == "&" {
                index += 1
                guard let letter = current, letter.isASCII, letter.isLetter else {
                    throw ATCommandLineError(.unexpectedCharacter(current ?? "&", offset: index))
                }
                index += 1
                commands.append(basic(name: "&" + String(letter)))
            } else if character == "D" || character == "d" {
                index += 1
                let dial = String(characters[index...])
                index = characters.count
                commands.append(ATCommandInvocation("D", .set([.bare(dial)])))
            } else if character == "S" || character == "s", index + 1 < characters.count, characters[index + 1].isASCII, characters[index + 1].isNumber {
                commands.append(try register())
            } else if character.isASCII, character.isLetter {
                index += 1
                commands.append(basic(name: String(character)))
            } else {
                throw ATCommandLineError(.unexpectedCharacter(character, offset: index))
            }
        }
        return commands
    }

    /// A basic command's optional number (V.250 §5.3.1): `E0`, `V1`, `&F`, `Z`.
    private mutating func basic(name: String) -> ATCommandInvocation {
        var digits = ""
        while let character = current, character.isASCII, character.isNumber {
            digits.append(character)
            index += 1
        }
        return ATCommandInvocation(name, digits.isEmpty ? .execute : .set([.bare(digits)]))
    }

    /// `Sn?` or `Sn=value` (V.250 §5.3.2).
    private mutating func register() throws(ATCommandLineError) -> ATCommandInvocation {
        var name = "S"
        index += 1
        while let character = current, character.isASCII, character.isNumber {
            name.append(character)
            index += 1
        }
        // The value of an S-register is a number, so another basic command may follow it.
        if current == "=", index + 1 < characters.count, characters[index + 1] != "?" {
            index += 1
            return basic(name: name).withEmptyValue()
        }
        return try suffix(name: name)
    }

    /// `+NAME` and what follows it (V.250 §5.4.1: name characters A–Z 0–9 ! % - . / : _).
    private mutating func extended() throws(ATCommandLineError) -> ATCommandInvocation {
        var name = String(characters[index])
        index += 1
        while let character = current, character.isASCII,
              character.isLetter || character.isNumber || "!%-./:_".contains(character) {
            name.append(character)
            index += 1
        }
        guard name.count > 1 else { throw ATCommandLineError(.unexpectedCharacter(name.first ?? "+", offset: index - 1)) }
        return try suffix(name: name)
    }

    /// `?`, `=?`, `=<args>` or nothing, up to the next `;` outside quotes.
    private mutating func suffix(name: String) throws(ATCommandLineError) -> ATCommandInvocation {
        switch current {
        case "?":
            index += 1
            return ATCommandInvocation(name, .read)
        case "=":
            index += 1
            if current == "?" {
                index += 1
                return ATCommandInvocation(name, .test)
            }
            let start = index
            var quoted = false
            while let character = current, quoted || character != ";" {
                if character == "\"" { quoted.toggle() }
                index += 1
            }
            let text = String(characters[start..<index])
            do {
                return ATCommandInvocation(name, .set(try ATFieldList.parse(text)))
            } catch {
                throw ATCommandLineError(.invalidArguments(text))
            }
        default:
            return ATCommandInvocation(name, .execute)
        }
    }
}

extension ATCommandInvocation {
    /// `Sn=` with no digits sets the register to 0 (V.250 §5.3.2); keep it as an empty value.
    fileprivate func withEmptyValue() -> ATCommandInvocation {
        kind == .execute ? ATCommandInvocation(name, .set([.omitted])) : self
    }
}
