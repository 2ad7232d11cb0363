import GatewayCore
import GatewayDaemon
import GatewayIPC
import GatewayStore
import Glibc

/// Answers `SimdProtocol` requests on the control socket (docs/simd.md).
struct ControlHandler: Sendable {
    let rotator: Rotator
    let store: SimdStore
    let configuration: GatewayConfiguration
    let reloader: ConfigurationReloader

    func handle(_ request: SimdProtocol.Request) async throws -> SimdProtocol.Response {
        switch request {
        case .status:
            return .status(try await rotator.status(now: rotator.clock.now()))
        case .lock(let sim):
            return try await change(sim) { record in
                guard record.state != .locked else { return false }
                record.state = .locked
                record.reason = "locked by hand"
                return true
            }
        case .unlock(let sim):
            return try await change(sim) { record in
                guard record.state == .locked else { throw IPCError(.invalidState, "\(sim) is not locked (it is \(record.state.rawValue))") }
                record.state = .standby
                record.reason = "unlocked by hand"
                return true
            }
        case .release(let sim):
            // queued was told to stop using it when it was quarantined: let it again.
            if let simID = try await store.states()[sim]?.simID, let iccid = try await store.iccid(simID: simID) {
                _ = await rotator.resumeSIM(iccid)
            }
            return try await change(sim) { record in
                guard record.state == .quarantined else {
                    throw IPCError(.invalidState, "\(sim) is not quarantined (it is \(record.state.rawValue))")
                }
                record.state = .standby
                record.reason = "released from quarantine by hand"
                record.evidence = nil
                return true
            }
        case .setLimits(let sim, let perHour, let perDay, let perMonth):
            let configured = try configured(sim)
            let limits = ManualLimits(perHour: perHour, perDay: perDay, perMonth: perMonth)
            let applied = limits.applied(to: configured.limits)
            guard [perHour, perDay, perMonth].allSatisfy({ $0.map { (1...1_000_000).contains($0) } ?? true }),
                  applied.perHour <= applied.perDay, applied.perDay <= applied.perMonth
            else {
                throw IPCError(.invalidLimits, "limits of \(sim) must be 1 to 1000000 with per_hour ≤ per_day ≤ per_month; "
                    + "they would be \(applied.perHour)/\(applied.perDay)/\(applied.perMonth)")
            }
            return try await change(sim) { record in
                record.limits = limits
                return false  // not a state change: no history line, no new `since`
            }
        case .reload:
            return .reload(await reloader.reload())
        case .rotate(let modem):
            guard configuration.modem(id: modem) != nil else {
                throw IPCError(.unknownModem, "no modem \"\(modem)\" in the configuration")
            }
            await rotator.requestRotation(modem)
            return .rotating(modem: modem)
        case .health:
            let age = (rotator.clock.monotonic() - (await rotator.lastTurn)).milliseconds
            return .health(.workLoop("rotation loop", lastTurnAge: age, stallAfter: 5_000, progress: await rotator.progress,
                                     pid: getpid()))
        }
    }

    private func configured(_ sim: String) throws -> SIMConfiguration {
        guard let configured = configuration.sims.first(where: { $0.id == sim }) else {
            throw IPCError(.unknownSIM, "no SIM \"\(sim)\" in the configuration")
        }
        return configured
    }

    /// Applies `edit` to the SIM's record (`true`: a state change, with a new `since`), saves
    /// it, kicks the loop, and answers the SIM as `status` shows it.
    private func change(_ sim: String, _ edit: (inout SimStateRecord) throws -> Bool) async throws -> SimdProtocol.Response {
        _ = try configured(sim)
        let now = rotator.clock.now()
        var record = try await store.states()[sim] ?? SimStateRecord(sim: sim, state: .standby, since: now, reason: "configured")
        if try edit(&record) {
            record.since = now
            record.onAirSince = nil
            record.coolingUntil = nil
        }
        _ = try await store.save(record, now: now)
        rotator.kick()
        guard let shown = try await rotator.status(now: now).sims.first(where: { $0.sim == sim }) else {
            throw IPCError(.unknownSIM, "no SIM \"\(sim)\"")
        }
        return .sim(shown)
    }
}
