import ATCommands
import ModemProfiles

/// How one command of a line ended.
enum CommandOutcome: Sendable, Hashable {
    /// Information lines; the line goes on.
    case ok([String])
    /// A final error result; the rest of the line is not executed (V.250 §5.2.1).
    case error(String)
    /// `AT+CMGS`: the prompt is shown and the body awaited.
    case prompt(PendingSubmit)
    /// `AT+CFUN=1,1`: `OK`, then the module restarts.
    case restart
}

/// What an `AT+CMGS` waits for after its prompt.
enum PendingSubmit: Sendable, Hashable {
    /// PDU mode: the TPDU length in octets (27.005 §3.5.1).
    case pdu(length: Int)
    /// Text mode: the destination (27.005 §4.3).
    case text(destination: String)
}

extension SimulatedModem {
    /// Executes a command line: each command in turn, the information lines of all, then one
    /// final result (V.250 §5.7.1).
    mutating func execute(_ text: String, at now: Duration, into output: inout OutputBuffer) {
        guard let line = try? ATCommandLine(parsing: text) else {
            output.final("ERROR")
            return
        }
        let commands = line.commands.isEmpty ? [ATCommandInvocation("", .execute)] : line.commands
        var information: [String] = []
        for command in commands {
            switch run(command, at: now, into: &output) {
            case .ok(let lines):
                information += lines
            case .error(let result):
                for line in information { output.line(line) }
                output.final(result)
                return
            case .prompt(let pending):
                for line in information { output.line(line) }
                pendingSubmit = pending
                reader.expectBody()
                output.prompt()
                return
            case .restart:
                for line in information { output.line(line) }
                output.final("OK")
                restartRequested = true
                return
            }
        }
        for line in information { output.line(line) }
        output.final("OK")
    }

    /// One command of a line.
    mutating func run(_ command: ATCommandInvocation, at now: Duration, into output: inout OutputBuffer) -> CommandOutcome {
        let arguments = command.arguments
        let numbers = arguments.map(\.integer)
        if let outcome = runIdentity(command) { return outcome }
        if let outcome = runNetwork(command, numbers: numbers, at: now, into: &output) { return outcome }
        if let outcome = runMessaging(command, at: now) { return outcome }

        switch (command.name, command.kind) {
        case ("", .execute), ("Z", _), ("&F", _):
            if command.name != "" { config = ModemSettings() }
            return .ok([])
        case ("E", .execute): config.echo = false; return .ok([])
        case ("E", .set):
            guard let value = numbers.first ?? nil, value <= 1 else { return .error("ERROR") }
            config.echo = value == 1
            return .ok([])
        case ("V", _), ("Q", _), ("X", _), ("&C", _), ("&D", _), ("&W", _), ("+IFC", .set), ("+IPR", .set), ("+CSDH", .set):
            return .ok([])
        case (let name, _) where name.hasPrefix("S") && name.count > 1 && name.dropFirst().allSatisfy(\.isNumber):
            return .ok(command.kind == .read ? ["000"] : [])
        case ("+IPR", .read): return .ok(["+IPR: 115200"])
        case ("+IFC", .read): return .ok(["+IFC: 2,2"])
        case ("+CMEE", .set):
            guard let value = numbers.first ?? nil, (0...2).contains(value) else { return .error(cmeError(4)) }
            config.errorMode = value
            return .ok([])
        case ("+CMEE", .read): return .ok(["+CMEE: \(config.errorMode)"])
        case ("+CMEE", .test): return .ok(["+CMEE: (0-2)"])
        case ("+CSCS", .read): return .ok(["+CSCS: \"\(config.characterSet)\""])
        case ("+CSCS", .test): return .ok(["+CSCS: (\"IRA\",\"GSM\",\"UCS2\")"])
        case ("+CSCS", .set):
            guard let set = arguments.first?.text?.uppercased(), ["IRA", "GSM", "UCS2"].contains(set) else { return .error(cmeError(4)) }
            config.characterSet = set
            return .ok([])
        case ("+CFUN", .read): return .ok(["+CFUN: \(config.functionality)"])
        case ("+CFUN", .test): return .ok(["+CFUN: (0,1,4),(0-1)"])
        case ("+CFUN", .set):
            guard let value = numbers.first ?? nil, [0, 1, 4].contains(value) else { return .error(cmeError(4)) }
            if numbers.count > 1, numbers[1] == 1 { return .restart }
            let before = registrationStatus
            config.functionality = value
            if before != registrationStatus { reportRegistrationChange(into: &output) }
            return .ok([])
        case ("+CLAC", .execute):
            return .ok(SimulatedModem.supportedCommands + profile.iccidCommands.map { "AT" + $0.name } + (profile.slotSwitch.map { ["AT" + $0.name] } ?? []))
        case ("+CUSD", .set):
            guard let mode = numbers.first ?? nil, (0...2).contains(mode) else { return .error(cmeError(4)) }
            guard mode == 1, arguments.count >= 2 else { return .ok([]) }
            guard registrationStatus == 1 else { return .error(cmeError(30)) }
            let sim = sims[activeSlot]
            let custom = ussdAnswers[activeSlot]
            let answer = "+CUSD: 0,\"\(custom?.text ?? "Your balance is 12.50 EUR. \(sim.operatorName).")\",\(custom?.dcs ?? 15)"
            timers.schedule(.ussdAnswer(answer), at: now + delay(.seconds(2)))
            return .ok([])
        case ("+CUSD", .read): return .ok(["+CUSD: 1"])
        default:
            // Unknown commands answer plain ERROR, as modules do whatever CMEE says.
            return .error("ERROR")
        }
    }

    /// `+CME ERROR` in the form `AT+CMEE` chose (27.007 §9.1, §9.2).
    func cmeError(_ code: Int) -> String { modemError(.cme, code) }

    /// `+CMS ERROR` in the form `AT+CMEE` chose (27.005 §3.2.5).
    func cmsError(_ code: Int) -> String { modemError(.cms, code) }

    private func modemError(_ family: ModemError.Family, _ code: Int) -> String {
        switch config.errorMode {
        case 0: return "ERROR"
        case 1: return ATFinalResult.modemError(ModemError(family: family, code: code)).line
        default:
            let text = ModemError(family: family, code: code).text
            return (family == .cms ? "+CMS ERROR: " : "+CME ERROR: ") + text
        }
    }

    static let supportedCommands = [
        "AT", "ATE", "ATI", "ATZ", "AT&F", "AT+CMEE", "AT+CGMI", "AT+CGMM", "AT+CGMR", "AT+CGSN", "AT+CIMI",
        "AT+CNUM", "AT+CPIN", "AT+CSQ", "AT+CREG", "AT+COPS", "AT+CFUN", "AT+CSCS", "AT+CSCA", "AT+CSMS", "AT+CSMP",
        "AT+CMGF", "AT+CNMI", "AT+CPMS", "AT+CMGS", "AT+CMGR", "AT+CMGL", "AT+CMGD", "AT+CNMA", "AT+CUSD", "AT+CLAC",
    ]
}
