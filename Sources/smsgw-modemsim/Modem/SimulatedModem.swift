import ATCommands
import ModemProfiles
import SMSCodec

/// One simulated modem module as a value-type state machine (3GPP TS 27.005/27.007 over
/// ITU-T V.250 framing). Events come in with the time they happen (`handle(_:at:)`), due
/// timers fire through `advance(to:)`, and every call returns the bytes the module writes.
/// `nextDeadline` is the one timer the I/O edge has to set. Nothing here sleeps or reads a clock.
struct SimulatedModem: Sendable {
    enum Power: Sendable, Hashable {
        case off
        case booting
        case ready
    }

    /// What can happen to a modem.
    enum Event: Sendable, Hashable {
        /// Bytes the DTE wrote on the serial line.
        case received([UInt8])
        case powerOn
        case powerOff
        case misbehave(Misbehaviour)
        case clearMisbehaviours
        /// A text from `originator` arrives from the network (split into parts when long).
        case inbound(originator: String, text: String, order: InboundOrder)
        /// The SIM-select GPIO lines now name this slot.
        case selectSlot(Int)
        /// From now on a USSD request on the SIM on air is answered `+CUSD: 0,"<text>",<dcs>`.
        case ussdAnswer(text: String, dcs: Int)
    }

    /// The order in which the parts of a long inbound text arrive.
    enum InboundOrder: String, Sendable, Hashable, CaseIterable {
        case inOrder = "in-order"
        case reversed
        case shuffled
        /// Out of order for `SimulationSettings.shuffleShare` of messages.
        case automatic
    }

    let id: String
    let profile: ModemProfile
    var settings: SimulationSettings
    let sims: [SimulatedSIM]
    let imei: String

    var power: Power = .off
    var activeSlot = 0
    var simReady = true
    var config = ModemSettings()
    var storage = MessageStore(capacity: 0)
    /// The "SR" memory, for profiles that have one: status reports stored under CNMI `<ds>`=2.
    var reportStorage = MessageStore(capacity: 0)
    var nextMessageReference: UInt8 = 0
    var nextConcatenationReference: UInt16 = 1
    var misbehaviours: [String: Misbehaviour] = [:]
    /// Messages each slot's SIM may still send before the operator blocks it.
    var remainingBeforeBlock: [Int: Int] = [:]
    var blockedSlots: Set<Int> = []
    /// The USSD answer set on the control socket per slot (`ussd-answer`); else the default.
    var ussdAnswers: [Int: (text: String, dcs: Int)] = [:]
    var reader = CommandReader()
    /// Input that arrived while the module was busy sending; read when it is done.
    var backlog: [UInt8] = []
    var busy = false
    /// `AT+CFUN=1,1` was answered: the module restarts once its `OK` is out.
    var restartRequested = false
    var pendingSubmit: PendingSubmit?
    var timers = TimerQueue()
    var random: DeterministicRandom
    /// Counters the control socket's `status` shows.
    var sentCount = 0
    var failedCount = 0
    /// Time spent sending, for utilisation (`status`).
    var sendActivity = SendActivity()
    /// Every message body taken and what became of it (`ledger`).
    var ledger = SendLedger()

    init(id: String, profile: ModemProfile, settings: SimulationSettings, sims: [SimulatedSIM], imei: String) {
        self.id = id
        self.profile = profile
        self.settings = settings
        self.sims = sims
        self.imei = imei
        self.storage = MessageStore(capacity: profile.storageCapacity)
        self.reportStorage = MessageStore(capacity: profile.storageCapacity)
        self.random = DeterministicRandom(seed: id)
    }

    /// When `advance(to:)` next has something to do.
    var nextDeadline: Duration? { timers.nextDeadline }

    var isHung: Bool { misbehaviours["hang"] != nil }

    mutating func handle(_ event: Event, at now: Duration) -> [UInt8] {
        var output = OutputBuffer()
        switch event {
        case .received(let bytes):
            guard power == .ready, !isHung else { break }
            if busy {
                backlog += bytes
            } else {
                consume(bytes, at: now, into: &output)
            }
        case .powerOn:
            guard power == .off else { break }
            power = .booting
            timers.schedule(.bootFinished, at: now + delay(profile.bootDuration))
        case .powerOff:
            if busy {
                sendActivity.cut(at: now)
                ledger.cut()
            }
            powerOff()
        case .misbehave(let misbehaviour):
            apply(misbehaviour, at: now, into: &output)
        case .clearMisbehaviours:
            misbehaviours.removeAll()
            remainingBeforeBlock.removeAll()
        case .inbound(let originator, let text, let order):
            scheduleInbound(from: originator, text: text, order: order, at: now)
        case .selectSlot(let slot):
            if slot != activeSlot, sims.indices.contains(slot) { switchSlot(to: slot, at: now, into: &output) }
        case .ussdAnswer(let text, let dcs):
            ussdAnswers[activeSlot] = (text, dcs)
        }
        if restartRequested {
            restartRequested = false
            let answer = finish(output)
            powerOff()
            power = .booting
            timers.schedule(.bootFinished, at: now + delay(profile.bootDuration))
            return answer
        }
        return finish(output)
    }

    /// Fires every timer due at `now`.
    mutating func advance(to now: Duration) -> [UInt8] {
        var output = OutputBuffer()
        while let event = timers.popDue(at: now) {
            fire(event, at: now, into: &output)
        }
        return finish(output)
    }

    private mutating func finish(_ output: OutputBuffer) -> [UInt8] {
        guard power == .ready, !isHung else { return [] }
        guard misbehaviours["garbage"] != nil, !output.bytes.isEmpty else { return output.bytes }
        return Garbage.mix(output.bytes, using: &random)
    }

    mutating func powerOff() {
        power = .off
        timers.removeAll()
        reader.reset()
        backlog.removeAll()
        busy = false
        pendingSubmit = nil
        config = ModemSettings()
        simReady = true
        // A power cut unwedges a module; what the network did to the SIM stays.
        misbehaviours["hang"] = nil
        misbehaviours["garbage"] = nil
    }

    /// A profile delay as this bank runs it: scaled, and ten times longer when `slow`.
    func delay(_ duration: Duration) -> Duration {
        let scaled = settings.scaled(duration)
        guard misbehaviours["slow"] != nil else { return scaled }
        return max(scaled * 10, .seconds(1))
    }

    private mutating func apply(_ misbehaviour: Misbehaviour, at now: Duration, into output: inout OutputBuffer) {
        misbehaviours[misbehaviour.name] = misbehaviour
        switch misbehaviour {
        case .blockSIM(let after):
            remainingBeforeBlock[activeSlot] = after
            if after <= 0 { blockActiveSIM(into: &output) }
        case .deregister:
            reportRegistrationChange(into: &output)
        default:
            break
        }
    }

    /// Reads bytes as command lines or a message body, echoing them when echo is on.
    mutating func consume(_ bytes: [UInt8], at now: Duration, into output: inout OutputBuffer) {
        for (position, byte) in bytes.enumerated() {
            if busy {
                backlog += bytes[(position)...]
                return
            }
            if config.echo, byte != 0x1A, byte != 0x1B { output.raw([byte]) }
            guard let item = reader.feed(byte) else { continue }
            switch item {
            case .line(let line):
                execute(line, at: now, into: &output)
            case .body(let body):
                submit(body, at: now, into: &output)
            case .bodyCancelled:
                pendingSubmit = nil
                output.final("OK")
            }
        }
    }

    private mutating func fire(_ event: TimerQueue.Event, at now: Duration, into output: inout OutputBuffer) {
        switch event {
        case .bootFinished:
            power = .ready
            config = ModemSettings()
            for line in profile.bootBanner { output.line(line) }
        case .submitFinished(let answer):
            busy = false
            ledger.answered()
            for line in answer { output.line(line) }
            let waiting = backlog
            backlog.removeAll()
            consume(waiting, at: now, into: &output)
        case .statusReport(let tpdu):
            deliverStatusReport(tpdu, into: &output)
        case .inboundPart(let tpdu):
            deliverInbound(tpdu, into: &output)
        case .ussdAnswer(let line):
            output.line(line)
        case .simReady:
            simReady = true
            output.line("+CPIN: READY")
            reportRegistrationChange(into: &output)
        }
    }
}
