/// The second opinion on one modem (modemd runs its own ladder; the budget "a hung modem is
/// detected within 30 s and power-cycled", docs/architecture.md): a modem that modemd reports neither `ready` nor
/// `resetting` for `modemHangTimeout` is power-cycled through modemd, then left alone for the
/// power-off and boot time plus another `modemHangTimeout` before it may be cycled again.
///
/// A power cycle modemd's own ladder did (its `ladder_power_cycles` counter moved) is recorded
/// too — the box's history of hung modems is one table whoever pulled the power — and starts
/// the same wait: a modem booting after modemd's cycle is not cycled again under it.
public struct ModemWatch: Sendable, Hashable {
    public let modem: String
    private var notReadySince: Int64?
    private var lastCycleAt: Int64?
    private var powerCycles: Int?
    /// Cycles this watch asked modemd for whose count has not shown up yet (modemd counts
    /// them with its own, and they are recorded already).
    private var requestedCycles = 0
    public private(set) var state: String = "unknown"

    public init(modem: String) { self.modem = modem }

    /// `state` is modemd's word for the modem (`ready`, `hung`, `offline`, `initializing`…);
    /// `powerCycles` its count of power cycles by its own ladder (nil: not reported), and
    /// `lastError` what modemd last saw go wrong.
    public mutating func observe(state: String, powerCycles: Int? = nil, lastError: String? = nil, at now: Int64,
                                 settings: PolicySettings) -> [EscalationAction] {
        self.state = state
        var actions: [EscalationAction] = []
        if let powerCycles {
            // A count lower than the last one: modemd restarted, its counters with it.
            if let seen = self.powerCycles, powerCycles > seen {
                let requested = min(powerCycles - seen, requestedCycles)
                requestedCycles -= requested
                let theirs = powerCycles - seen - requested
                if theirs > 0 {
                    lastCycleAt = now
                    let cause = lastError.map { " (\($0))" } ?? ""
                    actions.append(EscalationAction(
                        subject: "modem:\(modem)", step: .powerCycle, modem: modem,
                        reason: "modemd power-cycled modem \(modem) itself (its ladder, or an operator's request)\(cause)",
                        doneBy: "done by modemd: \(theirs) power cycle\(theirs == 1 ? "" : "s") (\(powerCycles) since modemd started)"))
                }
            } else if let seen = self.powerCycles, powerCycles < seen {
                requestedCycles = 0  // modemd restarted: what it was asked for went with it
            }
            self.powerCycles = powerCycles
        }
        guard state != "ready", state != "resetting" else {
            notReadySince = nil
            return actions
        }
        let since = notReadySince ?? now
        notReadySince = since
        guard now - since >= settings.modemHangTimeout else { return actions }
        if let lastCycleAt, now - lastCycleAt < settings.modemSettleTime + settings.modemHangTimeout { return actions }
        lastCycleAt = now
        requestedCycles += 1
        return actions + [EscalationAction(subject: "modem:\(modem)", step: .powerCycle, modem: modem,
                                           reason: "modem \(modem) \(state) for \(now - since) ms")]
    }
}
