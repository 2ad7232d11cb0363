import ATCommands
import GatewayCore
import ModemSession

/// Drives a `ModemSession` with a manual clock: time moves only when a test says so.
struct SessionHarness {
    var session: ModemSession
    var now: Duration = .zero
    /// Every action returned so far, in order.
    var log: [SessionAction] = []

    init(_ settings: SessionSettings) {
        session = ModemSession(settings: settings)
    }

    @discardableResult
    mutating func handle(_ event: SessionEvent) -> [SessionAction] {
        let actions = session.handle(event, now: now)
        log += actions
        return actions
    }

    @discardableResult
    mutating func advance(by duration: Duration) -> [SessionAction] {
        now += duration
        return handle(.tick)
    }

    /// Moves the clock to the session's next deadline and ticks.
    @discardableResult
    mutating func advanceToDeadline() -> [SessionAction] {
        guard let deadline = session.nextDeadline else { return [] }
        now = max(now, deadline)
        return handle(.tick)
    }

    /// The modem answers with these lines, each framed `<CR><LF>line<CR><LF>` (V.250 §5.7.1).
    @discardableResult
    mutating func modem(_ lines: [String]) -> [SessionAction] {
        handle(.received(Array(lines.map { "\r\n\($0)\r\n" }.joined().utf8)))
    }

    @discardableResult
    mutating func modem(_ lines: String...) -> [SessionAction] { modem(lines) }

    /// Feeds `text` one byte at a time (framing must not depend on how reads split).
    @discardableResult
    mutating func drip(_ text: String) -> [SessionAction] {
        var actions: [SessionAction] = []
        for byte in text.utf8 { actions += handle(.received([byte])) }
        return actions
    }

    /// The text of the last write (command lines without their `<CR>`).
    var lastWrite: String? { Self.writes(in: log).last }

    static func writes(in actions: [SessionAction]) -> [String] {
        actions.compactMap {
            guard case .write(let bytes) = $0 else { return nil }
            return String(decoding: bytes, as: UTF8.self).replacing("\r", with: "")
        }
    }

    static func logLines(in actions: [SessionAction]) -> [String] {
        actions.compactMap {
            guard case .log(let entry) = $0 else { return nil }
            return entry.message
        }
    }

    var outcomes: [UInt64: SendOutcome] {
        var result: [UInt64: SendOutcome] = [:]
        for case .sendFinished(let id, let outcome) in log { result[id] = outcome }
        return result
    }

    /// Answers every command with `responder` until the session is ready or failed (or `limit`
    /// commands).
    /// Returns the dialogue: each command and its answer lines.
    @discardableResult
    mutating func answerUntilReady(_ responder: FakeModem = FakeModem(), limit: Int = 60) -> [(String, [String])] {
        var dialogue: [(String, [String])] = []
        var answered = 0
        while session.status.state != .ready, session.status.state != .offline, answered < limit {
            guard let command = lastWrite else { return dialogue }
            let answer = responder.answer(command)
            dialogue.append((command, answer))
            let before = log.count
            modem(answer)
            answered += 1
            if session.status.state == .ready || session.status.state == .offline { break }
            if log.count == before || Self.writes(in: Array(log[before...])).isEmpty {
                // Nothing new was written: the session waits for time (a retry pause).
                advanceToDeadline()
            }
        }
        return dialogue
    }
}

/// A scripted modem for unit tests: a fixed answer per command line.
struct FakeModem {
    var answers: [String: [String]] = [
        "AT": ["OK"], "ATE0": ["OK"], "AT+CMEE=1": ["OK"], "AT+CMEE?": ["+CMEE: 1", "OK"],
        "AT+CPIN?": ["+CPIN: READY", "OK"], "AT+CMGF=0": ["OK"], "AT+CNMI=2,1,0,1,0": ["OK"],
        "AT+CPMS=\"SM\",\"SM\",\"SM\"": ["+CPMS: 0,30,0,30,0,30", "OK"],
        "AT+CGMM": ["SIMCOM_SIM800", "OK"], "AT+CGSN": ["866123456789012", "OK"],
        "AT+CIMI": ["001010123456789", "OK"], "AT+CCID": ["+CCID: 8901001234567890123", "OK"],
        "AT+CREG?": ["+CREG: 0,1", "OK"], "AT+CSQ": ["+CSQ: 21,0", "OK"],
        "AT+COPS?": ["+COPS: 0,0,\"Test Network\"", "OK"], "AT+CMGL=4": ["OK"],
        "AT+CPMS?": ["+CPMS: \"SM\",0,30,\"SM\",0,30,\"SM\",0,30", "OK"],
    ]

    func answer(_ command: String) -> [String] {
        answers[command] ?? ["ERROR"]
    }
}

extension SessionSettings {
    /// A modem with a power line and short, round timings.
    static func test(power: Bool = true, slots: Int = 1, slotSwitch: SlotSwitch = .fixed) -> SessionSettings {
        SessionSettings(
            modemID: "m1", slots: slots, slotSwitch: slotSwitch, hasPowerControl: power, sendQueueLimit: 4,
            timings: SessionTimings(
                commandTimeout: .seconds(5), sendTimeout: .seconds(30), probeTimeout: .seconds(2), bootWait: .seconds(4),
                bootTimeout: .seconds(20), powerOffTime: .seconds(3), pollInterval: .seconds(10),
                simReadyTimeout: .seconds(10), registrationTimeout: .seconds(30), retryInterval: .seconds(1),
                failedBackoff: .seconds(30), failedBackoffLimit: .seconds(120)))
    }
}
