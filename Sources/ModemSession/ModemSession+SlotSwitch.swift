import ATCommands

/// SIM slot switching on request (simd's `switchSIM`): GPIO select lines or the profile's AT command,
/// then a reset when the module needs one, then init again (the IMSI and ICCID change).
extension ModemSession {
    mutating func requestSlot(_ slot: Int, requestID: UInt64, now: Duration) {
        func refuse(_ detail: String) {
            actions.append(.slotSwitchFinished(requestID: requestID, slot: slot, succeeded: false, detail: detail))
        }
        guard (0..<settings.slots).contains(slot) else {
            refuse("no slot \(slot): the modem has \(settings.slots) (0…\(settings.slots - 1))")
            return
        }
        guard slotSwitch == nil else { return refuse("another SIM switch is in progress") }
        guard phase == .ready else { return refuse("modem not ready (\(phase.modemState.rawValue))") }
        if case .fixed = settings.slotSwitch, slot != status.slot {
            return refuse("the modem has no way to switch SIMs configured")
        }
        log(.notice, "SIM switch to slot \(slot) requested")
        slotSwitch = SlotSwitchRequest(requestID: requestID, slot: slot)
        failQueuedSends("switching SIM")
    }

    mutating func beginSlotSwitch(_ request: SlotSwitchRequest, now: Duration) {
        switch settings.slotSwitch {
        case .fixed:
            beginInit(now: now)
        case .gpio:
            // The module reads its SIM at power-on: with a power line, cut power while the
            // select lines change (the SIM is never switched under a running module).
            actions.append(.selectSlot(request.slot))
            status.slot = request.slot
            if settings.hasPowerControl {
                log(.info, "SIM select lines set to slot \(request.slot); power cycle")
                cyclePower(now: now, counted: false)
            } else {
                log(.info, "SIM select lines set to slot \(request.slot); resetting")
                softReset(now: now)
            }
        case .command(let template, _):
            let text = template.replacingPlaceholder(with: String(request.slot))
            guard let line = try? ATCommandLine(parsing: text) else {
                finishSlotSwitch(succeeded: false, detail: "the SIM switch command \(text) does not parse")
                return
            }
            issue(line, .slotCommand(slot: request.slot), timeout: settings.timings.commandTimeout, now: now)
        }
    }

    mutating func slotCommandAnswered(_ response: ATResponse, slot: Int, now: Duration) {
        guard response.result.isSuccess else {
            finishSlotSwitch(succeeded: false, detail: "\(response.command.text) refused: \(response.result.line)")
            return
        }
        status.slot = slot
        if case .command(_, resetAfter: true) = settings.slotSwitch {
            log(.info, "SIM switched to slot \(slot); resetting")
            softReset(now: now)
        } else {
            log(.info, "SIM switched to slot \(slot)")
            beginInit(now: now)
        }
    }

    mutating func finishSlotSwitch(succeeded: Bool, detail: String) {
        guard let request = slotSwitch else { return }
        slotSwitch = nil
        actions.append(.slotSwitchFinished(requestID: request.requestID, slot: request.slot, succeeded: succeeded, detail: detail))
    }
}

extension String {
    /// The template with every `{slot}` replaced.
    func replacingPlaceholder(with value: String) -> String {
        replacing("{slot}", with: value)
    }
}
