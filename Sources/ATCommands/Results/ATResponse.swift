/// A command's complete response: the information lines between the command and its final
/// result code (ITU-T V.250 §5.7.2), URCs and echo already taken out.
public struct ATResponse: Sendable, Hashable {
    /// The command line this answers.
    public var command: ATCommandLine
    /// Information lines, in order; for `+CMGR`/`+CMGL` each header is followed by its body line.
    public var lines: [String]
    public var result: ATFinalResult

    public init(command: ATCommandLine, lines: [String], result: ATFinalResult) {
        self.command = command
        self.lines = lines
        self.result = result
    }

    /// The information lines named `name` (`+CSQ`), for answers to chained commands.
    public func lines(named name: String) -> [String] {
        lines.filter { ATInformationLine($0)?.name == name.uppercased() }
    }

    /// Throws the modem's error unless the result is `OK` or `CONNECT`.
    public func requireSuccess() throws(ATCommandFailure) {
        guard result.isSuccess else { throw ATCommandFailure(command: command.text, result: result) }
    }
}

/// A command that ended in a final result other than `OK`: the command and the result.
public struct ATCommandFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var command: String
    public var result: ATFinalResult

    /// What to do about it: from the CMS/CME table, `permanent` for a plain `ERROR`
    /// (the modem refuses the command as written) and `temporary` for call results.
    public var category: ATErrorCategory {
        switch result {
        case .modemError(let error): error.category
        case .error: .permanent
        case .ok, .connect, .noCarrier, .busy, .noAnswer, .noDialtone: .temporary
        }
    }

    public var description: String { "\(command) failed: \(result.line)" }
}
