/// What the response collector makes of the modem's output.
public enum ATEvent: Sendable, Hashable {
    /// The pending command's complete response.
    case response(ATResponse)
    /// An unsolicited result code (or a line with no command pending), with its raw lines.
    case unsolicited(ATUnsolicited, lines: [String])
    /// The `> ` prompt of the pending `AT+CMGS`: write the body now.
    case prompt
    /// Input that was skipped: to be logged, never fatal.
    case garbled(lines: [String], reason: ATGarbledReason)
}

/// Why input was skipped as garbled.
public enum ATGarbledReason: Sendable, Hashable {
    /// A URC of known name whose parameters do not parse.
    case unparsable(ATParseError)
    /// Control characters in a line (line noise, a baud-rate mismatch, a module rebooting).
    case controlCharacters
    /// A line longer than the framer's limit, dropped.
    case overlongLine(byteCount: Int)
    /// A `> ` prompt with no `AT+CMGS` pending.
    case unexpectedPrompt
}
