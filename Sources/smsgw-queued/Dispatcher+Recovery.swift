import GatewayIPC

/// `recover` on the control socket (smsgw-watchdogd's first rung): the full sweep start-up
/// recovery and the periodic sweep do, now, run by the loop at the start of its next turn —
/// attempts in flight that no send of this process stands behind → `unknown`; held messages
/// whose time came → `queued`; waiting messages past validity → `expired`; pending status
/// reports correlated — then the turn fills the idle modems as usual. The request is answered
/// when the sweep is done, with what it found. A loop that does not turn never answers it
/// (the caller's timeout says so, and the next rung, a restart, applies).
extension Dispatcher {
    /// Asks the loop for a full sweep; what it found once done. Throws what the store threw,
    /// or `shutting_down` when the loop stops first.
    func recover() async throws -> QueueRecovery {
        try await withCheckedThrowingContinuation { waiter in
            recoveryWaiters.append(waiter)
            if case .terminated = kickSink.yield() { failRecoveries() }
        }
    }

    /// The periodic sweep's part: held messages due released, expired ones expired.
    func sweep() async throws -> (released: Int, expired: Int) {
        lastSweep = clock.monotonic()
        reportsDue = true
        let (released, expired) = try await store.sweep(now: clock.now())
        metrics.count("expired", expired)
        return (released, expired)
    }

    /// Pending status reports correlated to parts (QueueCore `ReportCorrelation`).
    func correlateReports() async throws -> (matched: Int, unmatched: Int, dlrs: Int) {
        reportsDue = false
        let result = try await store.correlateReports(window: decisions.settings.reportWindow, grace: timings.reportGrace,
                                                      now: clock.now())
        metrics.count("reports_matched", result.matched)
        metrics.count("reports_unmatched", result.unmatched)
        metrics.count("dlrs_queued", result.dlrs)
        return result
    }

    /// Runs the full sweep when `recover` asked for one. `live`: the messages this process has
    /// a send of (on a modem, or answered and waiting for this turn's commit).
    func recoverIfAsked(live: Set<Int64>) async {
        guard !recoveryWaiters.isEmpty else { return }
        let waiters = recoveryWaiters
        recoveryWaiters = []
        do {
            let stale = try await store.markStaleUnknown(live: live, now: clock.now())
            metrics.count("unknown", stale)
            let (released, expired) = try await sweep()
            let reports = try await correlateReports()
            let recovery = QueueRecovery(
                staleAttempts: stale, released: released, expired: expired, reportsMatched: reports.matched,
                reportsUnmatched: reports.unmatched, dlrsQueued: reports.dlrs,
                oldestWaitingMilliseconds: try await store.oldestWaitingMilliseconds(now: clock.now()))
            logger.notice("recover: \(recovery.summary)")
            for waiter in waiters { waiter.resume(returning: recovery) }
        } catch {
            logger.error("recover: the full sweep failed: \(error)")
            for waiter in waiters { waiter.resume(throwing: error) }
        }
    }

    /// The loop stopped: `recover` requests still waiting are answered `shutting_down`.
    func failRecoveries() {
        let waiters = recoveryWaiters
        recoveryWaiters = []
        for waiter in waiters { waiter.resume(throwing: IPCError(.shuttingDown, "queued is stopping; the full sweep did not run")) }
    }
}
