import ATCommands
import GatewayCore

/// One modem's supervisor as a value-type state machine: events in, actions out (docs/modemd.md,
/// `smsgw-modemd`). It owns the AT dialogue (3GPP TS 27.007, 27.005) with one command in flight
/// at a time, each with its own timeout; a busy modem queues commands and sends; URCs are
/// handled whenever they arrive, in the middle of a send too. It never reads a clock, sleeps or
/// does I/O: the daemon feeds it bytes and time and performs the actions it returns.
public struct ModemSession: Sendable {
    public let settings: SessionSettings
    /// What `status` shows.
    public internal(set) var status = ModemStatus()

    var phase: SessionPhase = .stopped
    var collector = ATResponseCollector()
    var inFlight: InFlight?
    var commands: [QueuedCommand] = []
    var sendQueue: [SendJob] = []
    var activeSend: ActiveSend?
    var initProgress: InitProgress?
    var rung: LadderRung = .none
    /// The ladder began with `AT+CMGS` unanswered after its PDU: an unanswered probe then goes
    /// straight to the power cycle (`ModemSession+Ladder`).
    var silentAfterPDU = false
    /// The ladder's probe skipped one late answer to the timed-out command: the next final
    /// result is the probe's (`ModemSession+LateAnswer`).
    var lateAnswerSkipped = false
    /// The module refused `AT+CMEE=1` at init: it may not know `AT+CMEE?` either, so the probe
    /// is a bare `AT` for it (a late answer then cannot be told from the probe's).
    var errorReportingRefused = false
    /// Times the module failed in a row (the ladder ran out); 0 once it recovers.
    var failuresInARow = 0
    var nextPollAt: Duration = .zero
    var slotSwitch: SlotSwitchRequest?
    var ussd: USSDRequest?
    /// When the current trouble began (the first timeout), for the time-to-recover log line.
    var troubleSince: Duration?
    var actions: [SessionAction] = []

    public init(settings: SessionSettings) {
        self.settings = settings
    }

    /// Handles `event` at `now`; returns what to do, in order.
    public mutating func handle(_ event: SessionEvent, now: Duration) -> [SessionAction] {
        switch event {
        case .start: start(now: now)
        case .received(let bytes): receive(bytes, now: now)
        case .tick: tick(now: now)
        case .send(let job): enqueue(job, now: now)
        case .switchSlot(let slot, let requestID): requestSlot(slot, requestID: requestID, now: now)
        case .ussd(let code, let timeout, let requestID): requestUSSD(code, timeout: timeout, requestID: requestID)
        case .powerCycle: operatorPowerCycle(now: now)
        case .lineFailed(let reason): lineFailed(reason, now: now)
        case .stop: stop()
        }
        pump(now: now)
        publishState()
        defer { actions = [] }
        return actions
    }

    /// The next time `tick` has something to do; nil when only an event can move the session.
    public var nextDeadline: Duration? {
        var times: [Duration] = []
        if let inFlight { times.append(inFlight.deadline) }
        if let answerDeadline = ussd?.answerDeadline { times.append(answerDeadline) }
        switch phase {
        case .poweredOff(let until): times.append(until)
        case .booting(let until, _): times.append(until)
        case .probing(let deadline): if inFlight == nil { times.append(deadline) }
        case .failed(let retryAt): times.append(retryAt)
        case .initializing: if let paused = initProgress?.pausedUntil { times.append(paused) }
        case .ready: if inFlight == nil, commands.isEmpty, activeSend == nil { times.append(nextPollAt) }
        case .stopped, .checking, .resetting: break
        }
        return times.min()
    }

    // MARK: Events

    /// How long the answer to the ESC sent at start may take before the first `AT` probe.
    static let escapeSettle: Duration = .milliseconds(300)

    private mutating func start(now: Duration) {
        guard phase == .stopped else { return }
        log(.info, "starting")
        // A previous run may have died between AT+CMGS and the PDU, leaving the module at its
        // `> ` prompt, where every command is taken as PDU text. ESC cancels the prompt
        // (3GPP TS 27.005 §3.5.1); the module's answer to it arrives before the first probe
        // and, with no command pending, is dropped as a stray result.
        actions.append(.write([0x1B]))
        if settings.hasPowerControl {
            actions.append(.setPower(on: true))
            phase = .booting(until: now + settings.timings.bootWait, probeDeadline: now + settings.timings.bootTimeout)
        } else {
            phase = .booting(until: now + Self.escapeSettle, probeDeadline: now + settings.timings.bootTimeout)
        }
    }

    private mutating func receive(_ bytes: [UInt8], now: Duration) {
        // One byte at a time: an answer may change what the collector waits for (a probe
        // re-armed after a late answer, a PDU written at the prompt) before the next line in
        // the same read is framed.
        for byte in bytes {
            receive(events: collector.receive(CollectionOfOne(byte)), now: now)
        }
    }

    private mutating func receive(events: [ATEvent], now: Duration) {
        for event in events {
            switch event {
            case .response(let response):
                guard let finished = inFlight else { continue }
                inFlight = nil
                logResponse(response)
                handleResponse(response, purpose: finished.purpose, now: now)
            case .prompt:
                guard var current = inFlight, let body = current.body else { continue }
                current.body = nil
                current.deadline = now + settings.timings.sendTimeout
                inFlight = current
                // From the body on, the part may go out (3GPP TS 27.005 §3.5.1): a send cut
                // later is `unknown`; one whose prompt never came was not attempted.
                if current.purpose == .sendPart, var active = activeSend {
                    active.partWritten = true
                    activeSend = active
                }
                collector.bodySent(body)
                actions.append(.write(ATCommand.pduBody(body)))
                log(.trace, "> \(body)<Ctrl-Z>")
            case .unsolicited(let urc, let lines):
                handleUnsolicited(urc, lines: lines, now: now)
            case .garbled(let lines, let reason):
                count(.garbled)
                log(.debug, "garbled input skipped (\(reason)): \(lines)")
            }
        }
    }

    private mutating func tick(now: Duration) {
        if let current = inFlight, now >= current.deadline {
            inFlight = nil
            collector.abandonCommand()
            commandTimedOut(current, now: now)
        }
        tickUSSD(now: now)
        switch phase {
        case .poweredOff(let until) where now >= until:
            actions.append(.setPower(on: true))
            log(.info, "power on")
            phase = .booting(until: now + settings.timings.bootWait, probeDeadline: now + settings.timings.bootTimeout)
        case .booting(let until, let deadline) where now >= until:
            phase = .probing(deadline: deadline)
            issue(ATCommand.attention.line, .bootProbe, timeout: settings.timings.probeTimeout, now: now)
        case .probing(let deadline) where inFlight == nil:
            if now >= deadline {
                if rung == .none { rung = .probe }
                escalate("no answer to AT after boot", now: now)
            } else {
                issue(ATCommand.attention.line, .bootProbe, timeout: settings.timings.probeTimeout, now: now)
            }
        case .initializing:
            if let paused = initProgress?.pausedUntil, now >= paused, inFlight == nil {
                initProgress?.pausedUntil = nil
                runInitStep(now: now)
            }
        case .ready where now >= nextPollAt && inFlight == nil && commands.isEmpty && activeSend == nil:
            nextPollAt = now + settings.timings.pollInterval
            commands.append(contentsOf: PollQuery.allCases.map { QueuedCommand(line: $0.command.line, purpose: .poll($0)) })
        case .failed(let retryAt) where now >= retryAt:
            retryFailed(now: now)
        default:
            break
        }
    }

    /// modemd stops: the send whose `AT+CMGS` is out is `unknown`, every other waiting send is
    /// `notAttempted`, a SIM switch fails; nothing more is written.
    private mutating func stop() {
        guard phase != .stopped else { return }
        log(.info, "stopping")
        abandonSends("modemd is shutting down")
        finishSlotSwitch(succeeded: false, detail: "modemd is shutting down")
        finishUSSD(.failed("modemd is shutting down"))
        commands.removeAll()
        initProgress = nil
        inFlight = nil
        collector.abandonCommand()
        phase = .stopped
    }

    /// Noted only: the timeout of the command in flight, or of the next one, starts the ladder
    /// (`SessionEvent.lineFailed`).
    private mutating func lineFailed(_ reason: String, now: Duration) {
        status.lastError = "serial line: \(reason)"
        log(.error, "serial line failed: \(reason)")
    }

    // MARK: Queues

    /// Writes the next queued command or send part when nothing is in flight.
    mutating func pump(now: Duration) {
        guard phase == .ready, inFlight == nil else { return }
        if var request = slotSwitch, !request.started, activeSend == nil {
            request.started = true
            slotSwitch = request
            beginSlotSwitch(request, now: now)
            return
        }
        if !commands.isEmpty {
            let next = commands.removeFirst()
            issue(next.line, next.purpose, timeout: settings.timings.commandTimeout, now: now)
            return
        }
        if pumpUSSD(now: now) { return }
        if activeSend == nil, slotSwitch == nil, !sendQueue.isEmpty {
            activeSend = ActiveSend(job: sendQueue.removeFirst())
        }
        if let active = activeSend {
            let part = active.job.parts[active.partIndex]
            issue(ATCommand.sendPDU(length: part.tpduLength).line, .sendPart,
                  timeout: settings.timings.commandTimeout, now: now, body: part.hex)
        }
    }

    /// Writes `line` and remembers it as the command in flight.
    mutating func issue(_ line: ATCommandLine, _ purpose: CommandPurpose, timeout: Duration, now: Duration,
                        body: String? = nil) {
        collector.commandSent(line, expectsPrompt: body != nil)
        inFlight = InFlight(line: line, purpose: purpose, deadline: now + timeout, body: body)
        actions.append(.write(line.bytes))
        log(.trace, "> \(line.text)")
    }

    /// Queues `line` unless the same command already waits or is in flight.
    mutating func enqueueOnce(_ line: ATCommandLine, _ purpose: CommandPurpose) {
        guard inFlight?.purpose != purpose, !commands.contains(where: { $0.purpose == purpose }) else { return }
        commands.append(QueuedCommand(line: line, purpose: purpose))
    }

    // MARK: Output helpers

    mutating func log(_ level: SessionLogEntry.Level, _ message: String) {
        actions.append(.log(SessionLogEntry(level, message)))
    }

    mutating func count(_ counter: SessionCounter) {
        status.counters[counter, default: 0] += 1
        actions.append(.count(counter))
    }

    private mutating func logResponse(_ response: ATResponse) {
        for line in response.lines { log(.trace, "< \(line)") }
        log(.trace, "< \(response.result.line)")
    }

    private mutating func publishState() {
        status.isSending = activeSend != nil
        status.queuedSends = sendQueue.count
        let state = phase.modemState
        if state != status.state {
            status.state = state
            actions.append(.stateChanged(state))
        }
    }
}
