import GatewayCore
import GatewayIPC
import QueueCore

/// What the dispatcher knows of modems and SIMs, as QueueCore's `SIMSelector` wants it: each
/// configured modem's state (modemd's word), pause and work in flight; each configured SIM's
/// pause, counts in the local hour/day/month windows and pacing.
extension Dispatcher {
    /// modemd's status (nil: unreachable): the ready modems and the configured SIM each runs on.
    func modemsSeen(_ statuses: [ModemdModemStatus]?) async {
        modemdConnected = statuses != nil
        modemdStatuses = Dictionary((statuses ?? []).map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        var ready: [ReadyModem] = []
        for status in statuses ?? [] where status.state == ModemState.ready.rawValue {
            guard let iccid = status.iccid,
                  let sim = configuration.sims.first(where: { $0.modem == status.id && $0.slot == status.slot }),
                  let ids = try? await ids(modem: status.id, iccid: iccid)
            else { continue }
            ready.append(ReadyModem(name: status.id, modemID: ids.modem, sim: sim.id, iccid: iccid, simID: ids.sim))
        }
        if ready != modems {
            logger.info("ready modems: \(ready.map { "\($0.name)(\($0.sim) \($0.iccid))" }.joined(separator: ", "))")
            modems = ready
            kickSink.yield()
        }
    }

    /// One changed modem (modemd's `modemChanged` event): folded into the last full status.
    func modemChanged(_ status: ModemdModemStatus) async {
        var statuses = modemdStatuses
        statuses[status.id] = status
        await modemsSeen(statuses.values.sorted { $0.id < $1.id })
    }

    private func ids(modem: String, iccid: String) async throws -> (modem: Int64, sim: Int64)? {
        if modemIDs[modem] == nil { modemIDs[modem] = try await store.modemID(named: modem) }
        if simIDs[iccid] == nil { simIDs[iccid] = try await store.simID(iccid: iccid) }
        guard let modemID = modemIDs[modem], let simID = simIDs[iccid] else { return nil }
        return (modemID, simID)
    }

    /// Every configured modem as the selector sees it. A modem modemd reports ready but whose
    /// SIM the store does not know yet counts as initializing.
    func modemStatuses() -> [String: QueueCore.ModemStatus] {
        var view: [String: QueueCore.ModemStatus] = [:]
        for modem in configuration.modems {
            let reported = modemdStatuses[modem.id]
            var state = modem.enabled ? (reported.flatMap { ModemState(rawValue: $0.state) } ?? .offline) : .disabled
            if state == .ready, !modems.contains(where: { $0.name == modem.id }) { state = .initializing }
            view[modem.id] = QueueCore.ModemStatus(
                id: modem.id, state: state, paused: pausedModems.contains(modem.id),
                inFlight: inFlight[modem.id] == nil ? 0 : 1, activeSlot: reported?.slot)
        }
        return view
    }

    /// Every configured SIM: paused (by ICCID on the control socket), its counts from the store
    /// (only when its modem can use it now: the others cannot send anyway; read in one store
    /// call), its last send.
    func simStatuses(modems view: [String: QueueCore.ModemStatus], now: Timestamp) async throws -> [String: SIMStatus] {
        let usable = modems.filter { ready in view[ready.name].map { $0.state == .ready && $0.inFlight == 0 } == true }
        let counts = try await store.sentCounts(simIDs: usable.map(\.simID), at: now, calendar: decisions.calendar)
        var statuses: [String: SIMStatus] = [:]
        for sim in configuration.sims {
            let ready = modems.first { $0.sim == sim.id }
            let last = lastSend[sim.id]
            statuses[sim.id] = SIMStatus(
                sim: sim, paused: ready.map { pausedSIMs.contains($0.iccid) } ?? false,
                counts: ready.flatMap { counts[$0.simID] } ?? WindowCounts(), lastSentAt: last?.at, gapAfterLastSend: last?.gap)
        }
        return statuses
    }
}
