import GatewayCore
import GatewayIPC
import GatewayStore

/// The switching protocol (docs/simd.md): queued pauses the modem (recorded in the store first, so
/// a restart resumes it) → its send in flight finishes → the SIM on air leaves → modemd
/// switches the slot and answers once the modem runs on the new SIM → queued resumes. A
/// switch that fails marks that SIM `missing` and tries the next; never mid-send.
extension Rotator {
    func perform(_ plan: SwitchPlan) async {
        defer { finished(plan.modem) }
        guard await pause(plan.modem, reason: "switching SIM") else {
            logger.warning("\(plan.modem): queued did not pause it; switch postponed")
            return
        }
        guard await drained(plan.modem) else {
            logger.warning("\(plan.modem): a send still in flight after \(timings.drainTimeout); switch postponed")
            if !(await resume(plan.modem)) { pendingResumes.insert(plan.modem) }
            return
        }
        do {
            var states = try await store.states()
            if let from = plan.from, let leaving = plan.leaving {
                try await takeOffAir(from, modem: plan.modem, for: leaving, states: &states, now: clock.now())
            }
            for target in plan.targets {
                switch await modemd.call(.switchSIM(modem: plan.modem, slot: target.slot), timeout: timings.switchTimeout) {
                case .success(.simSwitched(_, _, let iccid)):
                    try await wentOnAir(target.sim, modem: plan.modem, iccid: iccid, from: plan, states: &states)
                    idlePaused.remove(plan.modem)
                    if !(await resume(plan.modem)) { pendingResumes.insert(plan.modem) }
                    return
                case .success(let other):
                    try await markMissing(target.sim, modem: plan.modem, detail: "unexpected answer \(other)", states: &states)
                case .failure(let error):
                    try await markMissing(target.sim, modem: plan.modem, detail: error.message, states: &states)
                }
            }
        } catch {
            logger.error("\(plan.modem): switch failed: \(error)")
        }
        // Nothing switched: the next turn decides again (and pauses the modem if nothing may send).
        if !(await resume(plan.modem)) { pendingResumes.insert(plan.modem) }
    }

    private func wentOnAir(_ sim: String, modem: String, iccid: String?, from plan: SwitchPlan,
                           states: inout [String: SimStateRecord]) async throws {
        let now = clock.now()
        guard var record = states[sim] else { return }
        if let iccid { record.simID = try await store.simID(iccid: iccid) ?? record.simID }
        record.state = .active
        record.since = now
        record.reason = "on air on \(modem)"
        record.onAirSince = now
        record.coolingUntil = nil
        record.evidence = nil
        states[sim] = record
        stints[modem] = nil  // drawn afresh by the next turn
        _ = try await store.save(record, now: now)
        logger.notice("rotation on \(modem): \(plan.from ?? "none") → \(sim) (\(plan.leaving.map { "\($0)" } ?? "nothing on air"))")
    }

    private func markMissing(_ sim: String, modem: String, detail: String, states: inout [String: SimStateRecord]) async throws {
        let now = clock.now()
        guard var record = states[sim] else { return }
        record.state = .missing
        record.since = now
        record.reason = "switch failed: \(detail)"
        record.coolingUntil = now + timings.missingRetry
        record.onAirSince = nil
        states[sim] = record
        _ = try await store.save(record, now: now)
        logger.warning("\(modem): switch to \(sim) failed (\(detail)); marked missing")
    }

    /// Pauses `modem` in queued, recording the pause first; false when queued did not answer.
    func pause(_ modem: String, reason: String) async -> Bool {
        do { try await store.recordPause(modem: modem, reason: reason, now: clock.now()) } catch {
            logger.error("cannot record the pause of \(modem): \(error)")
            return false
        }
        switch await queued.call(.pauseModem(modem: modem), timeout: .seconds(5)) {
        case .success: return true
        case .failure(let error):
            logger.debug("pause \(modem): \(error)")
            return false
        }
    }

    /// Resumes `modem` in queued and forgets the pause; false when queued did not answer.
    func resume(_ modem: String) async -> Bool {
        switch await queued.call(.resumeModem(modem: modem), timeout: .seconds(5)) {
        case .success:
            do { try await store.recordResume(modem: modem) } catch {
                logger.error("cannot forget the pause of \(modem): \(error)")
                return false
            }
            return true
        case .failure(let error):
            logger.debug("resume \(modem): \(error)")
            return false
        }
    }

    /// Stops queued from starting sends on the SIM `iccid` (a quarantine, before its switch).
    /// Best effort: the modem's pause for the switch follows anyway.
    func pauseSIM(_ iccid: String, sim: String) async {
        if case .failure(let error) = await queued.call(.pauseSIM(iccid: iccid), timeout: .seconds(2)) {
            logger.warning("\(sim): queued did not pause it (\(error)); the switch will")
        }
    }

    /// Lets queued use the SIM `iccid` again (released by hand).
    func resumeSIM(_ iccid: String) async -> Bool {
        if case .success = await queued.call(.resumeSIM(iccid: iccid), timeout: .seconds(2)) { return true }
        return false
    }

    /// Waits until queued has nothing in flight on `modem` (its status), polling every 50 ms of
    /// the clock for at most `drainTimeout`.
    func drained(_ modem: String) async -> Bool {
        let deadline = clock.monotonic() + timings.drainTimeout
        while clock.monotonic() < deadline {
            if case .success(.status(let status)) = await queued.call(.status, timeout: .seconds(5)),
               status.pausedModems.contains(modem), status.inFlight[modem] == nil {
                return true
            }
            do { try await clock.sleep(for: .milliseconds(50)) } catch { return false }
        }
        return false
    }
}
