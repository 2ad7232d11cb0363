import ATCommands
import GatewayCore

/// What a session knows of its modem, for `status` answers: state, radio, SIM, counters.
public struct ModemStatus: Sendable, Hashable {
    public var state: ModemState = .unknown
    /// True while a send job is in progress.
    public var isSending = false
    public var signal: SignalQuality?
    public var registration: RegistrationStatus?
    public var operatorName: String?
    public var identity = ModemIdentity()
    public var slot = 0
    /// The last error seen (a refused command, a timeout, a ladder step).
    public var lastError: String?
    /// How many messages wait behind the one in progress.
    public var queuedSends = 0
    public var counters: [SessionCounter: Int] = [:]

    public init() {}
}
