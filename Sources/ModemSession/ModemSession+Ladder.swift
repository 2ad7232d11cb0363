import ATCommands
import GatewayCore

/// The recovery ladder (docs/modemd.md): command timeout → probe `AT+CMEE?` (`ModemSession+LateAnswer`) → soft reset `AT+CFUN=1,1`
/// (3GPP TS 27.007 §8.2) → GPIO power cycle (durations from the profile) → failed, retried
/// with back-off. Each step is logged and counted; a send whose PDU was written is reported
/// `unknown`, the others `notAttempted` (`abandonSends`).
///
/// A modem silent after a PDU (no `+CMGS:`, 3GPP TS 27.005 §3.5.1) that does not answer the
/// probe either skips the soft reset: a module that parses no `AT` does not parse
/// `AT+CFUN=1,1`, and the send's wait already spent the time the reset's would take
/// (`SessionTimings.fitting`).
extension ModemSession {
    mutating func commandTimedOut(_ command: InFlight, now: Duration) {
        switch command.purpose {
        case .bootProbe:
            // `tick` probes again, or climbs the ladder at the boot deadline.
            log(.debug, "no answer to AT yet")
        case .ladderProbe:
            escalate("the probe \(probeCommand.line.text) was not answered within \(settings.timings.probeTimeout)", now: now)
        case .softReset:
            if rung < .softReset { rung = .softReset }
            escalate("AT+CFUN=1,1 was not answered within \(settings.timings.commandTimeout)", now: now)
        case .initStep, .poll, .read, .delete, .sweep, .sendPart, .slotCommand, .ussd, .ussdEnd,
             .selectStorage, .readFrom, .deleteFrom, .restoreStorage:
            if command.purpose == .ussd { finishUSSD(.failed("\(command.line.text) timed out")) }
            // `body` is nil once the PDU went out at the `> ` prompt.
            if command.purpose == .sendPart, command.body == nil, rung == .none { silentAfterPDU = true }
            count(.commandTimeout)
            if troubleSince == nil { troubleSince = now }
            let reason = "\(command.line.text) timed out"
            status.lastError = reason
            escalate(reason, now: now)
        }
    }

    /// Climbs one rung.
    mutating func escalate(_ reason: String, now: Duration) {
        if troubleSince == nil { troubleSince = now }
        if silentAfterPDU, rung == .none {
            // The send stays until the probe is answered or not: `+CMGS:` may still come
            // first (`lateSendAnswer`).
            failQueuedSends("modem not answering (\(reason))")
        } else {
            abandonSends("modem not answering (\(reason))")
        }
        switch rung {
        case .none:
            rung = .probe
            count(.ladderProbe)
            log(.warning, "\(reason); ladder step 1: probing with \(probeCommand.line.text)")
            phase = .checking
            lateAnswerSkipped = false
            issue(probeCommand.line, .ladderProbe, timeout: settings.timings.probeTimeout, now: now)
        case .probe where silentAfterPDU && settings.hasPowerControl:
            silentAfterPDU = false
            rung = .powerCycle
            log(.warning, "\(reason); ladder step 3: GPIO power cycle (silent since the PDU: no soft reset)")
            cyclePower(now: now)
        case .probe:
            silentAfterPDU = false
            rung = .softReset
            count(.ladderSoftReset)
            log(.warning, "\(reason); ladder step 2: soft reset (AT+CFUN=1,1)")
            softReset(now: now)
        case .softReset:
            guard settings.hasPowerControl else {
                log(.warning, "\(reason); no power line configured, cannot power-cycle")
                enterFailed(reason, now: now)
                return
            }
            rung = .powerCycle
            log(.warning, "\(reason); ladder step 3: GPIO power cycle")
            cyclePower(now: now)
        case .powerCycle, .failed:
            enterFailed(reason, now: now)
        }
    }

    /// `AT+CFUN=1,1`: the module resets and boots again.
    mutating func softReset(now: Duration) {
        commands.removeAll()
        initProgress = nil
        phase = .resetting
        issue(ATCommand.setFunctionality(1, reset: true).line, .softReset, timeout: settings.timings.commandTimeout, now: now)
    }

    /// Power off now; `tick` powers on after the profile's off time.
    mutating func cyclePower(now: Duration, counted: Bool = true) {
        if counted { count(.ladderPowerCycle) }
        commands.removeAll()
        initProgress = nil
        inFlight = nil
        collector.abandonCommand()
        actions.append(.setPower(on: false))
        log(.notice, "power off for \(settings.timings.powerOffTime)")
        phase = .poweredOff(until: now + settings.timings.powerOffTime)
    }

    /// The ladder's last rung: wait, then try again (power cycle, or reset without a power line).
    mutating func enterFailed(_ reason: String, now: Duration) {
        rung = .failed
        count(.ladderFailed)
        commands.removeAll()
        initProgress = nil
        inFlight = nil
        collector.abandonCommand()
        status.lastError = reason
        failuresInARow += 1
        let backoff = ExponentialBackoff(first: settings.timings.failedBackoff, limit: settings.timings.failedBackoffLimit)
            .delay(afterAttempt: failuresInARow)
        log(.error, "modem failed (\(reason)); retrying in \(backoff)")
        phase = .failed(retryAt: now + backoff)
        finishSlotSwitch(succeeded: false, detail: "modem failed: \(reason)")
    }

    mutating func retryFailed(now: Duration) {
        log(.notice, "retrying the failed modem")
        if settings.hasPowerControl {
            cyclePower(now: now)
        } else {
            softReset(now: now)
        }
    }

    /// The operator's (or watchdogd's) power-cycle request.
    mutating func operatorPowerCycle(now: Duration) {
        log(.notice, "power cycle requested")
        if troubleSince == nil { troubleSince = now }
        abandonSends("modem is being power-cycled")
        if settings.hasPowerControl {
            rung = .powerCycle
            cyclePower(now: now)
        } else {
            log(.warning, "no power line configured; soft reset instead")
            rung = .softReset
            count(.ladderSoftReset)
            softReset(now: now)
        }
    }

    /// Starts probing for a module that was just powered or reset.
    mutating func beginProbing(now: Duration) {
        phase = .probing(deadline: now + settings.timings.bootTimeout)
        issue(ATCommand.attention.line, .bootProbe, timeout: settings.timings.probeTimeout, now: now)
    }

    /// The module answers again: the ladder is left, and how long it took is logged.
    mutating func recovered(now: Duration) {
        guard rung != .none || troubleSince != nil else { return }
        let step = switch rung {
        case .none, .probe: "probe"
        case .softReset: "soft reset"
        case .powerCycle: "power cycle"
        case .failed: "retry after failure"
        }
        let elapsed = troubleSince.map { " in \(now - $0)" } ?? ""
        count(.recovered)
        log(.notice, "recovered by \(step)\(elapsed)")
        rung = .none
        silentAfterPDU = false
        troubleSince = nil
        failuresInARow = 0
    }
}
