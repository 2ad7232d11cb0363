import GatewayCore
import GatewayIPC
import GatewayStore

/// `status`: every configured SIM with its state, counters and limits in force.
extension Rotator {
    func status(now: Timestamp) async throws -> SimdStatus {
        let states = try await store.states()
        let balances = try await store.balances()
        var sims: [SimdSIMStatus] = []
        for sim in configuration.sims {
            let record = states[sim.id]
            let slotSIM = try await slotSIM(sim, record: record, now: now)
            var iccid: String? = nil
            if let simID = record?.simID { iccid = try await store.iccid(simID: simID) }
            if iccid == nil, let status = modemStatuses?[sim.modem], status.slot == sim.slot { iccid = status.iccid }
            sims.append(SimdSIMStatus(
                sim: sim.id, modem: sim.modem, slot: sim.slot, iccid: iccid, state: (record?.state ?? .standby).rawValue,
                since: record?.since.millisecondsSince1970, reason: record?.reason ?? "configured", evidence: record?.evidence,
                coolingUntil: record?.coolingUntil?.millisecondsSince1970,
                lastRotationAt: record?.lastRotationAt?.millisecondsSince1970,
                onAirSince: record?.onAirSince?.millisecondsSince1970,
                sentHour: slotSIM.counts.hour, sentDay: slotSIM.counts.day, sentMonth: slotSIM.counts.month,
                uniqueRecipients: slotSIM.uniqueRecipients, perHour: slotSIM.limits.perHour, perDay: slotSIM.limits.perDay,
                perMonth: slotSIM.limits.perMonth,
                balance: balances[sim.id].map {
                    SimdBalance(text: $0.text, amount: $0.amount, checkedAt: $0.checkedAt?.millisecondsSince1970, error: $0.error)
                }))
        }
        return SimdStatus(sims: sims, pausedModems: try await store.pausedModems(), queuedConnected: await queued.isConnected,
                          modemdConnected: modemStatuses != nil)
    }
}
