import GatewayIPC

/// `smsgwctl status` as text: one row per modem (state, signal bars, operator, the SIM on air
/// and the modem's other SIMs with their simd state, messages sent), then the queue and each
/// daemon's health. Pure: a `BoxStatus` in, the text out.
enum StatusTable {
    static func render(_ status: BoxStatus) -> String {
        var rows = [["MODEM", "STATE", "SIGNAL", "OPERATOR", "ON AIR", "SIMS", "SENT", "LAST ERROR"]]
        let sims = status.sims?.sims ?? []
        for modem in status.modems ?? [] {
            let own = sims.filter { $0.modem == modem.id }
            let onAir = own.first { $0.slot == modem.slot }?.sim ?? "slot \(modem.slot)"
            let simText = own.isEmpty ? "-" : own.map { "\($0.sim) \($0.state)" }.joined(separator: ", ")
            rows.append([
                modem.id, modem.sending ? "\(modem.state)+sending" : modem.state,
                modem.signal.map(SignalGlyphs.text) ?? "-", modem.operatorName ?? "-", onAir, simText,
                "\(modem.counters["sends_succeeded"] ?? 0)", modem.lastError ?? "",
            ])
        }
        var text = rows.count > 1 ? TextTable.render(rows) : "modems: unknown (smsgw-modemd did not answer)\n"
        if let queue = status.queue {
            let waiting = queue.depth.values.flatMap(\.values).reduce(0, +)
            let states = queue.depth.keys.sorted().map { state in
                "\(state) \(queue.depth[state]?.values.reduce(0, +) ?? 0)"
            }.joined(separator: ", ")
            let oldest = queue.oldestWaitingMilliseconds.map { ", oldest waiting \($0 / 1000) s" } ?? ""
            text += "queue: \(waiting) waiting\(states.isEmpty ? "" : " (\(states))")\(oldest); "
                + "\(queue.inFlight.count) in flight; \(queue.readyModems.count) ready modems"
                + (queue.pausedModems.isEmpty ? "" : "; paused \(queue.pausedModems.joined(separator: ", "))") + "\n"
        }
        for daemon in (Set(status.health.keys).union(status.unreachable.keys)).sorted() {
            if let health = status.health[daemon] {
                text += "health: \(daemon) \(health.healthy ? "ok" : "UNHEALTHY") (progress \(health.progress)) \(health.detail)\n"
            } else if let reason = status.unreachable[daemon] {
                text += "health: \(daemon) DOWN: \(reason)\n"
            }
        }
        return text + escalations(status)
    }
}

extension StatusTable {
    /// watchdogd's newest rungs, newest first, or one line saying none were climbed.
    static func escalations(_ status: BoxStatus) -> String {
        if let error = status.escalationsError { return "escalations: cannot read them: \(error)\n" }
        guard !status.escalations.isEmpty else { return "escalations: none\n" }
        let rows = [["ESCALATED", "SUBJECT", "STEP", "REASON", "OUTCOME"]] + status.escalations.map { escalation in
            [escalation.at, escalation.subject + (escalation.pid.map { " (pid \($0))" } ?? ""), escalation.step,
             escalation.reason, escalation.outcome]
        }
        return TextTable.render(rows)
    }
}
