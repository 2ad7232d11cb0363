import ATCommands

/// URCs, handled whenever they arrive, in the middle of a send too (3GPP TS 27.005 §3.4.1,
/// 27.007 §7.2, §8.3; SIMCom/Quectel start-up banners).
extension ModemSession {
    mutating func handleUnsolicited(_ urc: ATUnsolicited, lines: [String], now: Duration) {
        switch urc {
        case .messageStored(let storage, let index), .statusReportStored(let storage, let index):
            log(.debug, "stored in \(storage) at \(index)")
            guard phase == .ready || phase == .initializing || phase == .checking else { return }
            if storage == readStorage {
                enqueueOnce(ATCommand.readMessage(index: index).line, .read(index: index))
            } else {
                readFromOtherStorage(storage, index: index)
            }
        case .message(let record):
            guard case .pdu(let octets) = record.body else {
                log(.warning, "+CMT in text mode ignored")
                return
            }
            count(.received)
            actions.append(.received(ReceivedPDU(pdu: octets, source: .routed)))
        case .statusReport(_, let pdu):
            count(.received)
            actions.append(.received(ReceivedPDU(pdu: pdu, source: .routed)))
        case .statusReportText:
            log(.warning, "+CDS in text mode ignored (modemd runs PDU mode)")
        case .registration(let registration):
            if registration.domain == .circuitSwitched || status.registration == nil {
                status.registration = registration.status
            }
            if !registration.status.isRegistered { log(.warning, "network registration lost: \(registration.line)") }
        case .pinStatus(let pin):
            if !pin.isReady { simLost(pin.line, now: now) }
        case .simState(let state):
            // ^SIMST: 1 is a valid SIM; 0 invalid, 255 not present (Huawei).
            if state != 1 { simLost("^SIMST: \(state)", now: now) } else { log(.debug, "URC ^SIMST: 1") }
        case .signal(let quality):
            status.signal = quality
        case .functionality(let level):
            // +CFUN: 1 is a start-up banner; anything else while ready means the radio is off.
            if level != 1, phase == .ready { log(.warning, "module reports +CFUN: \(level) (radio not at full functionality)") }
        case .serviceState(let state):
            if state != 2, phase == .ready { log(.info, "network service state ^SRVST: \(state)") }
        case .moduleReady:
            moduleBooted(now: now, banner: lines.first ?? "RDY")
        case .smsReady, .callReady:
            if case .booting = phase { moduleBooted(now: now, banner: lines.first ?? "SMS Ready") }
        case .ussd(let answer):
            ussdArrived(answer)
        case .quectelIndication, .quectelUSIM, .systemMode:
            log(.debug, "URC \(lines.joined(separator: " "))")
        case .ring:
            log(.info, "incoming call ignored")
        case .strayResult(let result):
            log(.debug, "stray final result \(result.line)")
        case .unrecognized(let line):
            log(.debug, "unrecognised line: \(line)")
        }
    }

    /// The SIM went away (`+CPIN: NOT READY`, `NOT INSERTED`, `^SIMST: 255`…) while ready: sends
    /// are handed back and init runs again, which waits for `+CPIN: READY` (and reads the SIM's
    /// identity anew: it may be another SIM).
    private mutating func simLost(_ line: String, now: Duration) {
        // A SIM switch expects the SIM to go away; its own init reads the new one.
        guard phase == .ready, slotSwitch == nil else {
            log(.debug, "SIM reports \(line)")
            return
        }
        log(.warning, "SIM reports \(line); initialising again")
        status.lastError = "SIM reported \(line)"
        abandonSends("SIM not ready (\(line))")
        commands.removeAll()
        if inFlight != nil {
            inFlight = nil
            collector.abandonCommand()
        }
        beginInit(now: now)
    }

    /// A boot banner: while booting, probe at once; when ready, the module rebooted on its own,
    /// so whatever was in flight is lost and init runs again.
    private mutating func moduleBooted(now: Duration, banner: String) {
        switch phase {
        case .booting(_, let deadline):
            phase = .probing(deadline: deadline)
            if inFlight == nil {
                issue(ATCommand.attention.line, .bootProbe, timeout: settings.timings.probeTimeout, now: now)
            }
        case .ready, .checking:
            log(.warning, "module rebooted on its own (\(banner)); initialising again")
            abandonSends("module rebooted")
            inFlight = nil
            collector.abandonCommand()
            beginInit(now: now)
        case .stopped, .poweredOff, .probing, .initializing, .resetting, .failed:
            break
        }
    }
}
