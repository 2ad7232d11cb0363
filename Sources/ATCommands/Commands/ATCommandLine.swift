/// A command line as a DTE sends it: `AT`, then one or more commands, extended ones separated
/// by `;` (ITU-T V.250 §5.2.1, §5.4.4), e.g. smstools' `AT+CMEE=1;+CREG=2` or `ATE0V1`.
///
/// Parsing goes both ways: modemd renders typed commands into lines; the modem simulator
/// parses what drivers send it.
public struct ATCommandLine: Sendable, Hashable {
    public var commands: [ATCommandInvocation]

    public init(_ commands: [ATCommandInvocation]) {
        self.commands = commands
    }

    /// The line without its terminating `<CR>`: `AT` alone for an empty line.
    public var text: String {
        var text = "AT"
        for (position, command) in commands.enumerated() {
            if position > 0, command.isExtended || commands[position - 1].isExtended { text += ";" }
            text += command.text
        }
        return text
    }

    /// The bytes to write: the text and `<CR>` (V.250 §6.2.1 S3).
    public var bytes: [UInt8] { Array((text + "\r").utf8) }

    /// Parses a command line; trailing `<CR>`/`<LF>` and spaces between commands are ignored.
    public init(parsing line: some StringProtocol) throws(ATCommandLineError) {
        var characters = Array(String(line))
        while let last = characters.last, last == "\r" || last == "\n" || last == " " { characters.removeLast() }
        while let first = characters.first, first == " " { characters.removeFirst() }
        guard characters.count >= 2, characters[0] == "A" || characters[0] == "a", characters[1] == "T" || characters[1] == "t" else {
            throw ATCommandLineError(.missingPrefix, line: String(line))
        }
        var parser = ATCommandLineParser(characters: characters, index: 2)
        do {
            commands = try parser.parseCommands()
        } catch {
            throw ATCommandLineError(error.reason, line: String(line))
        }
    }
}

/// Why a command line could not be parsed, and the line.
public struct ATCommandLineError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The line does not start with `AT`.
        case missingPrefix
        /// A character that starts no command, at this offset.
        case unexpectedCharacter(Character, offset: Int)
        /// Arguments that do not parse (unclosed parenthesis, stray quote).
        case invalidArguments(String)
    }

    public var reason: Reason
    public var line: String

    public init(_ reason: Reason, line: String = "") {
        self.reason = reason
        self.line = line
    }

    public var description: String {
        let what = switch reason {
        case .missingPrefix: "command line does not start with AT"
        case .unexpectedCharacter(let character, let offset): "unexpected \(String(reflecting: character)) at offset \(offset)"
        case .invalidArguments(let text): "invalid arguments \(String(reflecting: text))"
        }
        return "\(what) in \(String(reflecting: line))"
    }
}
