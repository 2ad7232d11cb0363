import ATCommands
import GatewayCore

/// Where a session is in a modem's life. Each phase lists what it waits for; `tick` moves it on
/// when that does not come in time.
enum SessionPhase: Sendable, Hashable {
    /// Not started.
    case stopped
    /// The power line is off until the given time (the ladder's power-cycle step).
    case poweredOff(until: Duration)
    /// The module boots: no command until `until` (or its `RDY` / `SMS Ready`); it must answer
    /// `AT` by `probeDeadline`.
    case booting(until: Duration, probeDeadline: Duration)
    /// `AT` is repeated until `OK`; by `deadline` the ladder climbs.
    case probing(deadline: Duration)
    /// The init dialogue runs (`InitProgress`).
    case initializing
    /// Ready: commands and sends run from the queues.
    case ready
    /// A command timed out: the ladder's probe `AT+CMEE?` is out (`ModemSession+LateAnswer`).
    case checking
    /// `AT+CFUN=1,1` is out (soft reset).
    case resetting
    /// The ladder ended: nothing until `retryAt`.
    case failed(retryAt: Duration)

    /// The state the store and `status` show.
    var modemState: ModemState {
        switch self {
        case .stopped: .unknown
        case .poweredOff, .resetting: .resetting
        case .booting, .probing, .initializing: .initializing
        case .ready: .ready
        case .checking: .hung
        case .failed: .offline
        }
    }
}

/// The rungs of the recovery ladder, climbed one at a time (docs/modemd.md): command timeout → probe
/// `AT+CMEE?` (a bare `AT` where the module refused `AT+CMEE=1`) → soft reset `AT+CFUN=1,1` →
/// GPIO power cycle → failed, retried with back-off.
enum LadderRung: Int, Sendable, Hashable, Comparable {
    case none, probe, softReset, powerCycle, failed

    static func < (lhs: LadderRung, rhs: LadderRung) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a command in flight is for, so its response goes to the right handler.
enum CommandPurpose: Sendable, Hashable {
    case bootProbe
    case ladderProbe
    case softReset
    case initStep(Int)
    case poll(PollQuery)
    case read(index: Int)
    case delete(index: Int)
    /// `AT+CPMS` selecting another memory for a read there, and back (`ModemSession+OtherStorage`).
    case selectStorage(MessageStorage)
    case readFrom(MessageStorage, index: Int)
    case deleteFrom(MessageStorage, index: Int)
    case restoreStorage
    case sweep
    case sendPart
    case slotCommand(slot: Int)
    /// `AT+CUSD=1,…` (`ModemSession+USSD`).
    case ussd
    /// `AT+CUSD=2` ending a USSD session; its answer does not matter.
    case ussdEnd
}

/// The questions of a health poll (3GPP TS 27.007 §8.5, §7.2, §7.3; 27.005 §3.2.2).
enum PollQuery: Sendable, Hashable, CaseIterable {
    case signal, registration, operatorName, storage

    var command: ATCommand {
        switch self {
        case .signal: .signalQuality
        case .registration: .readRegistration
        case .operatorName: .readOperator
        case .storage: .readPreferredStorage
        }
    }
}

/// The command written and not yet answered.
struct InFlight: Sendable, Hashable {
    var line: ATCommandLine
    var purpose: CommandPurpose
    var deadline: Duration
    /// The PDU to write at the `> ` prompt; nil once written (or for other commands).
    var body: String?
}

/// A command waiting for the modem.
struct QueuedCommand: Sendable, Hashable {
    var line: ATCommandLine
    var purpose: CommandPurpose
}

/// The send job in progress.
struct ActiveSend: Sendable, Hashable {
    var job: SendJob
    var partIndex = 0
    var references: [Int] = []
    /// Whether the PDU of part `partIndex` was written (after `AT+CMGS` and its `> ` prompt,
    /// 3GPP TS 27.005 §3.5.1): from then on the part may go out, so an abandoned send is
    /// `unknown`; before — a modem that hung and never prompted — it is `notAttempted`, and
    /// the queue moves it to another SIM.
    var partWritten = false
}

/// A SIM switch request being carried out.
struct SlotSwitchRequest: Sendable, Hashable {
    var requestID: UInt64
    var slot: Int
    var started = false
}
