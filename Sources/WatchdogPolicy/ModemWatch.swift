/// The second opinion on one modem (modemd runs its own ladder; DESIGN.md "a hung modem is
/// detected within 30 s and power-cycled"): a modem that modemd reports neither `ready` nor
/// `resetting` for `modemHangTimeout` is power-cycled through modemd, then left alone for the
/// power-off and boot time plus another `modemHangTimeout` before it may be cycled again.
public struct ModemWatch: Sendable, Hashable {
    public let modem: String
    private var notReadySince: Int64?
    private var lastCycleAt: Int64?
    public private(set) var state: String = "unknown"

    public init(modem: String) { self.modem = modem }

    /// `state` is modemd's word for the modem (`ready`, `hung`, `offline`, `initializing`…).
    public mutating func observe(state: String, at now: Int64, settings: PolicySettings) -> [EscalationAction] {
        self.state = state
        guard state != "ready", state != "resetting" else {
            notReadySince = nil
            return []
        }
        let since = notReadySince ?? now
        notReadySince = since
        guard now - since >= settings.modemHangTimeout else { return [] }
        if let lastCycleAt, now - lastCycleAt < settings.modemSettleTime + settings.modemHangTimeout { return [] }
        lastCycleAt = now
        return [EscalationAction(subject: "modem:\(modem)", step: .powerCycle, modem: modem,
                                 reason: "modem \(modem) \(state) for \(now - since) ms")]
    }
}
