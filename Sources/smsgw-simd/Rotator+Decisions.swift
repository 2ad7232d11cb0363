import GatewayCore
import GatewayIPC
import GatewayStore
import QueueCore
import SimPolicy

/// One modem's turn: the SIM on air observed, block evidence judged, the planner asked.
extension Rotator {
    func decide(modem: String, sims: [SIMConfiguration], status: ModemdModemStatus, states: inout [String: SimStateRecord],
                now: Timestamp) async throws -> SwitchPlan? {
        for sim in sims where states[sim.id] == nil {
            let record = SimStateRecord(sim: sim.id, state: .standby, since: now, reason: "configured")
            _ = try await store.save(record, now: now)
            states[sim.id] = record
        }
        let ready = status.state == ModemState.ready.rawValue
        // Only a modem that answers but cannot get ready on its SIM counts (not an offline or hung one).
        let initializing = status.state == ModemState.initializing.rawValue
        if !initializing { notReadySince[modem] = nil } else if notReadySince[modem] == nil { notReadySince[modem] = now }
        let stuck = notReadySince[modem].map { now - timings.stuckAfter >= $0 } ?? false
        guard ready || stuck else { return nil }  // booting or re-initialising: wait for it

        let current = sims.first { $0.slot == status.slot }
        if let current, ready { try await observeOnAir(current, modem: modem, iccid: status.iccid, states: &states, now: now) }
        for sim in sims where sim.slot != status.slot && states[sim.id]?.state == .active {
            try await setState(sim.id, .standby, reason: "not in the active slot", states: &states, now: now)
        }
        if let current, states[current.id]?.state == .active {
            try await judgeEvidence(current, states: &states, now: now)
        }
        if stuck, let current, var record = states[current.id], record.state == .active {
            // On air but the modem never got ready on it (no registration): try the others.
            record.state = .missing
            record.since = now
            record.reason = "modem not ready on it for \(DurationText.format(timings.stuckAfter))"
            record.coolingUntil = now + timings.missingRetry
            record.onAirSince = nil
            states[current.id] = record
            stints[modem] = nil
            _ = try await store.save(record, now: now)
            logger.warning("\(current.id) on \(modem): \(record.reason); marked missing")
        }

        var slotSIMs: [SlotSIM] = []
        for sim in sims { slotSIMs.append(try await slotSIM(sim, record: states[sim.id], now: now)) }
        var stint = stints[modem]
        if var running = stint, let simID = states[running.sim]?.simID {
            running.sent = try await store.stintCount(simID: simID, since: running.since)
            stint = running
        }
        let rotate = rotateRequests.remove(modem) != nil
        switch planner.decide(sims: slotSIMs, onAir: current?.slot, stint: stint, rotate: rotate, now: now) {
        case .stay:
            if idlePaused.remove(modem) != nil {
                logger.notice("\(modem): \(current?.id ?? "its SIM") may be on air again; resuming")
                if !(await resume(modem)) { pendingResumes.insert(modem) }
            }
            return nil
        case .idle(let leaving):
            if let current, let leaving { try await takeOffAir(current.id, modem: modem, for: leaving, states: &states, now: now) }
            if !idlePaused.contains(modem) { logger.warning("\(modem): no SIM may be on air (\(leaving.map(String.init(describing:)) ?? "none usable")); paused") }
            idlePaused.insert(modem)
            _ = await pause(modem, reason: "no SIM may be on air")  // again each turn: queued may have restarted
            return nil
        case .switchTo(_, _, let leaving):
            let targets = planner.candidates(slotSIMs, excluding: current?.slot, now: now).map { (slot: $0.slot, sim: $0.sim) }
            return SwitchPlan(modem: modem, from: current?.id, leaving: leaving, targets: targets)
        }
    }

    /// The SIM in the active slot of a ready modem is on air: recorded `active` (with its
    /// `sims` row) unless simd holds it off (locked, quarantined, cooling).
    private func observeOnAir(_ sim: SIMConfiguration, modem: String, iccid: String?, states: inout [String: SimStateRecord],
                              now: Timestamp) async throws {
        guard var record = states[sim.id] else { return }
        let resting = (record.state == .cooling || record.state == .missing) && (record.coolingUntil.map { now < $0 } ?? false)
        if record.state == .locked || record.state == .quarantined || resting { return }
        if record.simID == nil, let iccid { record.simID = try await store.simID(iccid: iccid) }
        if record.state != .active {
            record.state = .active
            record.since = now
            record.reason = "on air on \(modem)"
            record.onAirSince = now
            record.coolingUntil = nil
            record.evidence = nil
        }
        if stints[modem]?.sim != sim.id {
            let since = record.onAirSince ?? now
            if let kept = keptStints.removeValue(forKey: sim.id), kept.since == since {
                stints[modem] = kept  // drawn by an earlier run for this same stint
            } else {
                let drawn = Stint.thresholds(group(of: sim).rotation, jitter: Double.random(in: -1...1))
                let stint = Stint(sim: sim.id, since: since, messageLimit: drawn.messages, durationLimit: drawn.duration)
                stints[modem] = stint
                try await store.saveStint(stint)
            }
        }
        states[sim.id] = record
        if try await store.save(record, now: now) { logger.info("\(sim.id) on air on \(modem)") }
    }

    /// Quarantines the SIM on air when the evidence since it went on air condemns it.
    private func judgeEvidence(_ sim: SIMConfiguration, states: inout [String: SimStateRecord], now: Timestamp) async throws {
        guard let record = states[sim.id], let simID = record.simID else { return }
        let rules = group(of: sim).rotation.blockDetection
        let detector = BlockDetector(rules: rules)
        let found = try await store.evidence(simID: simID, since: record.since, sends: rules.failuresInARow, reports: rules.reportWindow)
        let losses = try await store.registrationLosses(sim: sim.id, since: max(record.since, now - .seconds(3600)))
        guard let verdict = detector.verdict(.init(sendFailures: found.failures, reportStatuses: found.reports,
                                                   registrationLosses: losses), now: now)
        else { return }
        // Promptly: queued stops starting sends on it before the switch takes it off the air.
        if let iccid = try await store.iccid(simID: simID) { await pauseSIM(iccid, sim: sim.id) }
        var quarantined = record
        quarantined.state = .quarantined
        quarantined.since = now
        quarantined.reason = verdict.description
        quarantined.evidence = verdict.json
        quarantined.onAirSince = nil
        states[sim.id] = quarantined
        _ = try await store.save(quarantined, now: now)
        logger.warning("\(sim.id) quarantined: \(verdict.description)")
    }

    func slotSIM(_ sim: SIMConfiguration, record: SimStateRecord?, now: Timestamp) async throws -> SlotSIM {
        var counts = WindowCounts()
        var unique = 0
        if let simID = record?.simID {
            (counts, unique) = try await store.usage(simID: simID, now: now)
        }
        return SlotSIM(sim: sim.id, slot: sim.slot, enabled: sim.enabled, state: record?.state ?? .standby,
                       coolingUntil: record?.coolingUntil, lastRotationAt: record?.lastRotationAt,
                       limits: (record?.limits ?? ManualLimits()).applied(to: sim.limits), policy: group(of: sim).rotation,
                       counts: counts, uniqueRecipients: unique)
    }

    /// The group whose policy a SIM follows: the first it names.
    func group(of sim: SIMConfiguration) -> SIMGroup {
        sim.groups.first.flatMap { id in configuration.simGroups.first { $0.id == id } } ?? SIMGroup(id: "default")
    }

    /// The SIM leaves the air for `reason`: cooling, standby, locked… with its last rotation.
    func takeOffAir(_ sim: String, modem: String, for reason: OffAirReason, states: inout [String: SimStateRecord],
                    now: Timestamp) async throws {
        guard var record = states[sim], let configured = configuration.sims.first(where: { $0.id == sim }) else { return }
        let off = reason.stateOffAir(now: now, policy: group(of: configured).rotation)
        // Already resting in that state: a reason that names no end of its own (`missing`,
        // `quarantined`) keeps the record's end and why, so a SIM marked missing by the turn
        // (stuck modem) is still retried only after `missingRetry`.
        guard record.state != off.state || (off.until != nil && record.coolingUntil != off.until) else { return }
        if record.state == .active { record.lastRotationAt = now }
        record.state = off.state
        record.since = now
        record.reason = "\(reason)"
        record.coolingUntil = off.until
        record.onAirSince = nil
        states[sim] = record
        if stints[modem]?.sim == sim { stints[modem] = nil }
        if try await store.save(record, now: now) { logger.info("\(sim) off air on \(modem): \(reason)") }
    }

    func setState(_ sim: String, _ state: SimRotationState, reason: String, states: inout [String: SimStateRecord],
                  now: Timestamp) async throws {
        guard var record = states[sim], record.state != state else { return }
        record.state = state
        record.since = now
        record.reason = reason
        if state != .active { record.onAirSince = nil }
        states[sim] = record
        _ = try await store.save(record, now: now)
    }
}
