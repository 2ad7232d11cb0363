import ATCommands

/// The init dialogue (3GPP TS 27.007 / 27.005; docs/modemd.md): echo off, error verbosity, the
/// profile's set-up, SIM ready, PDU mode, new-message indications, storage, identity,
/// registration, a first look at signal and operator, and the storage sweep.
extension ModemSession {
    mutating func beginInit(now: Duration) {
        phase = .initializing
        commands.removeAll()
        initProgress = InitProgress(steps: InitStep.dialogue(for: settings), stepStartedAt: now,
                                    identity: ModemIdentity(slot: status.slot))
        log(.info, "initialising")
        runInitStep(now: now)
    }

    mutating func runInitStep(now: Duration) {
        guard let progress = initProgress else { return }
        guard let step = progress.current else {
            finishInit(now: now)
            return
        }
        issue(Self.line(for: step, settings: settings), .initStep(progress.index), timeout: settings.timings.commandTimeout, now: now)
    }

    static func line(for step: InitStep, settings: SessionSettings) -> ATCommandLine {
        switch step {
        case .command(let line, _): line
        case .awaitSIM: ATCommand.readPINStatus.line
        case .model: settings.modelCommand
        case .imei: ATCommand.readIMEI.line
        case .imsi: ATCommand.readIMSI.line
        case .iccid: settings.iccidCommand
        case .awaitRegistration: ATCommand.readRegistration.line
        case .signal: ATCommand.signalQuality.line
        case .operatorName: ATCommand.readOperator.line
        case .sweep: ATCommand.listMessages(.all, format: .pdu).line
        }
    }

    mutating func initStepAnswered(_ response: ATResponse, index: Int, now: Duration) {
        guard var progress = initProgress, progress.index == index, let step = progress.current else { return }
        let ok = response.result.isSuccess
        switch step {
        case .command(let line, let required):
            if line == ATCommand.reportErrors(1).line { errorReportingRefused = !ok }
            if !ok {
                if required {
                    initFailed("\(line.text) refused: \(response.result.line)", now: now)
                    return
                }
                log(.warning, "\(line.text) refused: \(response.result.line); carrying on")
            }
        case .awaitSIM:
            let pin = response.lines(named: "+CPIN").first.flatMap { try? PINStatus(line: $0) }
            guard pin == .ready else {
                let seen = pin.map(\.line) ?? response.result.line
                if now - progress.stepStartedAt >= settings.timings.simReadyTimeout {
                    initFailed("SIM not ready: \(seen)", now: now)
                    return
                }
                progress.pausedUntil = now + settings.timings.retryInterval
                initProgress = progress
                return
            }
        case .model:
            progress.identity.model = ok ? Self.model(in: response.lines) : nil
        case .imei:
            progress.identity.imei = ok ? try? EquipmentIdentity.first(in: response.lines, EquipmentIdentity.imei) : nil
        case .imsi:
            progress.identity.imsi = ok ? try? EquipmentIdentity.first(in: response.lines, EquipmentIdentity.imsi) : nil
        case .iccid:
            progress.identity.iccid = ok ? try? EquipmentIdentity.first(in: response.lines, EquipmentIdentity.iccid) : nil
        case .awaitRegistration:
            let registration = response.lines(named: "+CREG").first.flatMap { try? NetworkRegistration(readAnswer: $0) }
            status.registration = registration?.status
            if registration?.status.isRegistered != true {
                if now - progress.stepStartedAt < settings.timings.registrationTimeout {
                    progress.pausedUntil = now + settings.timings.retryInterval
                    initProgress = progress
                    return
                }
                log(.warning, "not registered after \(settings.timings.registrationTimeout); ready anyway")
            }
        case .signal:
            pollAnswered(.signal, response)
        case .operatorName:
            pollAnswered(.operatorName, response)
        case .sweep:
            sweepAnswered(response)
        }
        progress.index += 1
        progress.stepStartedAt = now
        initProgress = progress
        runInitStep(now: now)
    }

    /// `AT+CGMM` answers a bare line on most modules, `+CGMM: <model>` on a few.
    static func model(in lines: [String]) -> String? {
        guard let line = lines.first(where: { !$0.isEmpty }) else { return nil }
        if let info = ATInformationLine(line), info.name == "+CGMM" {
            return String(info.parameters.drop(while: { $0 == " " }))
        }
        return line
    }

    mutating func finishInit(now: Duration) {
        let identity = initProgress?.identity ?? ModemIdentity(slot: status.slot)
        initProgress = nil
        status.identity = identity
        actions.append(.identified(identity))
        phase = .ready
        nextPollAt = now + settings.timings.pollInterval
        count(.initCompleted)
        let signal = status.signal.map { "\($0.rssi)" } ?? "?"
        log(.info, "ready: \(identity.model ?? "?") IMEI \(identity.imei ?? "?") IMSI \(identity.imsi ?? "?") ICCID \(identity.iccid ?? "?") slot \(identity.slot), operator \(status.operatorName ?? "?"), CSQ \(signal)")
        recovered(now: now)
        if let request = slotSwitch, request.started {
            finishSlotSwitch(succeeded: true, detail: "ICCID \(identity.iccid ?? "?")")
        }
    }

    mutating func initFailed(_ reason: String, now: Duration) {
        log(.error, "init failed: \(reason)")
        if troubleSince == nil { troubleSince = now }
        enterFailed(reason, now: now)
    }
}
