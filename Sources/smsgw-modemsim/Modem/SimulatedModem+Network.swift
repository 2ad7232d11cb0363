import ATCommands
import ModemProfiles

extension SimulatedModem {
    /// `<stat>` of `+CREG` (27.007 §7.2): 0 not registered, 1 home, 3 denied.
    var registrationStatus: Int {
        guard power == .ready, config.functionality == 1, simReady else { return 0 }
        if blockedSlots.contains(activeSlot) { return 3 }
        if misbehaviours["deregister"] != nil { return 0 }
        return 1
    }

    /// Signal strength `<rssi>` (27.007 §8.5): a steady -71 dBm, 99 without a network.
    var signal: Int { registrationStatus == 1 ? 21 : 99 }

    func registrationLine(_ name: String, mode: Int, unsolicited: Bool) -> String {
        let status = registrationStatus
        var fields = unsolicited ? ["\(status)"] : ["\(mode)", "\(status)"]
        if mode >= 2, status == 1 {
            fields += ["\"1F4A\"", profile.accessTechnology == 7 ? "\"0A1B2C3D\"" : "\"A1B2\""]
            if profile.accessTechnology != 0 { fields.append("\(profile.accessTechnology)") }
        }
        return "\(name): " + fields.joined(separator: ",")
    }

    /// `+CREG: <stat>` and `+CEREG: <stat>` URCs when reporting is on (27.007 §7.2).
    mutating func reportRegistrationChange(into output: inout OutputBuffer) {
        if config.registrationReporting > 0 {
            output.line(registrationLine("+CREG", mode: config.registrationReporting, unsolicited: true))
        }
        if profile.hasEPSRegistration, config.epsRegistrationReporting > 0 {
            output.line(registrationLine("+CEREG", mode: config.epsRegistrationReporting, unsolicited: true))
        }
    }

    /// Registration, operator, signal, and the SIM-slot switch.
    mutating func runNetwork(_ command: ATCommandInvocation, numbers: [Int?], at now: Duration, into output: inout OutputBuffer) -> CommandOutcome? {
        let first = numbers.first ?? nil
        switch (command.name, command.kind) {
        case ("+CSQ", .execute): return .ok(["+CSQ: \(signal),99"])
        case ("+CSQ", .test): return .ok(["+CSQ: (0-31,99),(0-7,99)"])
        case ("+CREG", .read), ("+CGREG", .read):
            return .ok([registrationLine(command.name, mode: config.registrationReporting, unsolicited: false)])
        case ("+CREG", .set), ("+CGREG", .set):
            guard let mode = first, (0...2).contains(mode) else { return .error(cmeError(4)) }
            if command.name == "+CREG" { config.registrationReporting = mode }
            return .ok([])
        case ("+CREG", .test), ("+CGREG", .test): return .ok(["\(command.name): (0-2)"])
        case ("+CEREG", _) where !profile.hasEPSRegistration:
            return .error("ERROR")
        case ("+CEREG", .read):
            return .ok([registrationLine("+CEREG", mode: config.epsRegistrationReporting, unsolicited: false)])
        case ("+CEREG", .set):
            guard let mode = first, (0...2).contains(mode) else { return .error(cmeError(4)) }
            config.epsRegistrationReporting = mode
            return .ok([])
        case ("+CEREG", .test): return .ok(["+CEREG: (0-2)"])
        case ("+COPS", .read):
            guard registrationStatus == 1 else { return .ok(["+COPS: 0"]) }
            let sim = sims[activeSlot]
            let name = switch config.operatorFormat {
            case 2: sim.operatorCode
            case 1: String(sim.operatorName.prefix(8))
            default: sim.operatorName
            }
            return .ok(["+COPS: 0,\(config.operatorFormat),\"\(name)\",\(profile.accessTechnology)"])
        case ("+COPS", .set):
            guard let mode = first, (0...4).contains(mode) else { return .error(cmeError(4)) }
            if mode == 3 {
                guard numbers.count == 2, let format = numbers[1], (0...2).contains(format) else { return .error(cmeError(4)) }
                config.operatorFormat = format
            }
            return .ok([])
        case ("+COPS", .test):
            let networks = SimulatedSIM.networks.map { "(2,\"\($0.name)\",\"\(String($0.name.prefix(8)))\",\"\($0.code)\",\(profile.accessTechnology))" }
            return .ok(["+COPS: " + networks.joined(separator: ",") + ",,(0-4),(0-2)"])
        default:
            break
        }
        guard let slotSwitch = profile.slotSwitch, command.name == slotSwitch.name else { return nil }
        switch command.kind {
        case .read: return .ok([slotSwitch.readAnswer(slot: activeSlot)])
        case .test: return .ok(["\(slotSwitch.name): (\(slotSwitch.firstSlotNumber)-\(slotSwitch.firstSlotNumber + max(sims.count, 1) - 1))"])
        case .set:
            guard let argument = first, let slot = slotSwitch.slot(argument: argument, slots: sims.count) else { return .error(cmeError(4)) }
            if slot != activeSlot { switchSlot(to: slot, at: now, into: &output) }
            return .ok([])
        case .execute: return .error("ERROR")
        }
    }

    /// Moves to another SIM: the old one deregisters, the new one is ready after a moment
    /// (`+CPIN: READY`, then registration).
    mutating func switchSlot(to slot: Int, at now: Duration, into output: inout OutputBuffer) {
        activeSlot = slot
        simReady = false
        reportRegistrationChange(into: &output)
        timers.schedule(.simReady, at: now + delay(.seconds(2)))
    }

    /// The operator bars the active SIM: registration is denied from now on.
    mutating func blockActiveSIM(into output: inout OutputBuffer) {
        blockedSlots.insert(activeSlot)
        remainingBeforeBlock[activeSlot] = nil
        reportRegistrationChange(into: &output)
    }
}
