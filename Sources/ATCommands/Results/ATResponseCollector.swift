/// Turns a modem's byte stream into responses, URCs and prompts for the command pending
/// (ITU-T V.250 §5.7; 3GPP TS 27.005 §3.4.1, §3.5.1). A value-type state machine: modemd
/// tells it which command it wrote and feeds it bytes; no I/O, no clocks (timeouts are the
/// caller's: it calls `abandonCommand()`).
///
/// Rules, in order, for each line:
/// 1. The line after a `+CMGR:`/`+CMGL:` header of the pending command, or after a `+CMT:` /
///    PDU-mode `+CDS:` URC header, is that header's body (PDU or text), whatever it says.
/// 2. The echo of the command line (and of a PDU body) is dropped.
/// 3. A whole-line final result code ends the pending command (or, with none, is a stray).
/// 4. A known URC is reported as such, even in the middle of a response — except a line
///    named like the pending command (`+CREG:` answers `AT+CREG?`).
/// 5. Any other line is an information line of the pending command, or, with none pending,
///    an unrecognised URC. Lines with control characters are reported as garbled.
public struct ATResponseCollector: Sendable, Hashable {
    private struct Pending: Sendable, Hashable {
        var command: ATCommandLine
        var text: String
        var names: Set<String>
        var expectsPrompt: Bool
        var bodyEcho: String?
        var lines: [String] = []
    }

    private enum BodyOwner: Sendable, Hashable {
        case response(header: String)
        case unsolicited(header: String)
    }

    private var framer: ATLineFramer
    private var pending: Pending?
    private var awaitingBody: BodyOwner?

    public init(maximumLineLength: Int = 4096) {
        framer = ATLineFramer(maximumLineLength: maximumLineLength)
    }

    /// True while a command waits for its final result.
    public var isAwaitingResponse: Bool { pending != nil }

    /// Records that `command` was written; a command still pending is abandoned.
    public mutating func commandSent(_ command: ATCommand) {
        commandSent(command.line, expectsPrompt: command.expectsPrompt)
    }

    /// Records that `line` was written. `expectsPrompt` for `AT+CMGS`/`AT+CMGW`.
    public mutating func commandSent(_ line: ATCommandLine, expectsPrompt: Bool = false) {
        if case .response = awaitingBody { awaitingBody = nil }
        pending = Pending(command: line, text: line.text.uppercased(), names: Set(line.commands.map(\.name)),
                          expectsPrompt: expectsPrompt)
    }

    /// Records that the body `hex` was written after the prompt, so its echo is dropped.
    public mutating func bodySent(_ hex: String) {
        pending?.bodyEcho = hex.uppercased()
    }

    /// Gives up the pending command (its timeout expired); returns the lines gathered so far.
    /// A final result that arrives later is reported as `.strayResult`.
    @discardableResult
    public mutating func abandonCommand() -> [String] {
        let lines = pending?.lines ?? []
        pending = nil
        if case .response = awaitingBody { awaitingBody = nil }
        return lines
    }

    /// Feeds bytes as they arrive; returns the events they complete.
    public mutating func receive<Bytes: Sequence>(_ bytes: Bytes) -> [ATEvent] where Bytes.Element == UInt8 {
        var events: [ATEvent] = []
        for frame in framer.feed(bytes) { receive(frame, into: &events) }
        return events
    }

    /// Feeds one frame (for callers that frame themselves).
    public mutating func receive(_ frame: ATFrame) -> [ATEvent] {
        var events: [ATEvent] = []
        receive(frame, into: &events)
        return events
    }

    private mutating func receive(_ frame: ATFrame, into events: inout [ATEvent]) {
        switch frame {
        case .prompt:
            events.append(pending?.expectsPrompt == true ? .prompt : .garbled(lines: ["> "], reason: .unexpectedPrompt))
        case .overlongLine(let count):
            events.append(.garbled(lines: [], reason: .overlongLine(byteCount: count)))
        case .line(let line):
            receive(line: line, into: &events)
        }
    }

    private mutating func receive(line: String, into events: inout [ATEvent]) {
        if let owner = awaitingBody {
            awaitingBody = nil
            switch owner {
            case .response:
                pending?.lines.append(line)
            case .unsolicited(let header):
                do {
                    events.append(.unsolicited(try ATUnsolicitedParser.parse(header: header, body: line), lines: [header, line]))
                } catch {
                    events.append(.garbled(lines: [header, line], reason: .unparsable(error)))
                }
            }
            return
        }
        if let pending, line.uppercased() == pending.text || line.uppercased() == pending.bodyEcho {
            return
        }
        if ATResponseCollector.hasControlCharacters(line) {
            events.append(.garbled(lines: [line], reason: .controlCharacters))
            return
        }
        if let result = ATFinalResult(line: line) {
            if let finished = pending {
                pending = nil
                events.append(.response(ATResponse(command: finished.command, lines: finished.lines, result: result)))
            } else {
                events.append(.unsolicited(.strayResult(result), lines: [line]))
            }
            return
        }
        switch ATUnsolicitedParser.recognize(line, pendingNames: pending?.names ?? []) {
        case .needsBody:
            awaitingBody = .unsolicited(header: line)
        case .complete:
            do {
                events.append(.unsolicited(try ATUnsolicitedParser.parse(line), lines: [line]))
            } catch {
                events.append(.garbled(lines: [line], reason: .unparsable(error)))
            }
        case nil:
            guard pending != nil else {
                events.append(.unsolicited(.unrecognized(line), lines: [line]))
                return
            }
            pending?.lines.append(line)
            if let name = ATInformationLine(line)?.name, name == "+CMGR" || name == "+CMGL", pending?.names.contains(name) == true {
                awaitingBody = .response(header: line)
            }
        }
    }

    /// C0 controls other than tab, DEL and C1 controls: never part of a well-formed line.
    static func hasControlCharacters(_ line: String) -> Bool {
        line.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar.value != 0x09) || (0x7F...0x9F).contains(scalar.value)
        }
    }
}
