extension ATCommand {
    /// Recognises a typed command in one parsed invocation (the modem simulator's side);
    /// nil for commands outside this set or with arguments of the wrong form.
    public init?(_ invocation: ATCommandInvocation) {
        let arguments = invocation.arguments
        let numbers = arguments.map(\.integer)
        func number(_ position: Int) -> Int? { position < numbers.count ? numbers[position] : nil }

        switch (invocation.name, invocation.kind) {
        case ("", .execute): self = .attention
        case ("E", .execute): self = .echo(false)
        case ("E", .set): guard arguments.count == 1, let n = number(0), n <= 1 else { return nil }; self = .echo(n == 1)
        case ("Z", .execute): self = .reset
        case ("&F", .execute): self = .factoryDefaults
        case ("+CMEE", .set): guard arguments.count == 1, let n = number(0) else { return nil }; self = .reportErrors(n)
        case ("+CMEE", .read): self = .readErrorReporting
        case ("+CPIN", .read): self = .readPINStatus
        case ("+CPIN", .set): guard let pin = arguments.first?.text, !pin.isEmpty else { return nil }; self = .enterPIN(pin)
        case ("+CSQ", .execute): self = .signalQuality
        case ("+CREG", .set): guard arguments.count == 1, let n = number(0) else { return nil }; self = .setRegistrationReporting(n)
        case ("+CREG", .read): self = .readRegistration
        case ("+CEREG", .set): guard arguments.count == 1, let n = number(0) else { return nil }; self = .setEPSRegistrationReporting(n)
        case ("+CEREG", .read): self = .readEPSRegistration
        case ("+COPS", .read): self = .readOperator
        case ("+COPS", .set):
            guard arguments.count == 2, number(0) == 3, let format = number(1) else { return nil }
            self = .setOperatorFormat(format)
        case ("+CMGF", .set):
            guard arguments.count == 1, let n = number(0), let format = MessageFormat(rawValue: n) else { return nil }
            self = .setMessageFormat(format)
        case ("+CNMI", .set):
            guard (1...5).contains(arguments.count) else { return nil }
            // Omitted trailing values keep their defaults (27.005 §3.4.1); 0 is the default of each.
            var values: [Int] = []
            for position in 0..<4 {
                if position < arguments.count, !arguments[position].isEmpty {
                    guard let value = number(position) else { return nil }
                    values.append(value)
                } else {
                    values.append(0)
                }
            }
            self = .setNewMessageIndication(NewMessageIndication(
                mode: values[0], deliver: values[1], broadcast: values[2], statusReport: values[3], bufferFlush: number(4)))
        case ("+CPMS", .set):
            let storages = arguments.compactMap(\.text).map { MessageStorage(rawValue: $0) }
            guard !storages.isEmpty, storages.count == arguments.count, storages.count <= 3 else { return nil }
            self = .setPreferredStorage(storages)
        case ("+CPMS", .read): self = .readPreferredStorage
        case ("+CMGS", .set):
            guard arguments.count == 1, let length = number(0) else { return nil }
            self = .sendPDU(length: length)
        case ("+CMGR", .set): guard arguments.count == 1, let index = number(0) else { return nil }; self = .readMessage(index: index)
        case ("+CMGL", .set):
            guard arguments.count == 1, let status = MessageStatus(field: arguments[0]) else { return nil }
            if case .quoted = arguments[0] { self = .listMessages(status, format: .text) } else { self = .listMessages(status) }
        case ("+CMGL", .execute): self = .listMessages(.receivedUnread)  // 27.005: <stat> defaults to 0
        case ("+CMGD", .set):
            guard (1...2).contains(arguments.count), let index = number(0) else { return nil }
            if arguments.count == 2 { guard let flag = number(1) else { return nil }; self = .deleteMessage(index: index, flag: flag) }
            else { self = .deleteMessage(index: index) }
        case ("+CNMA", .execute): self = .acknowledgeNewMessage
        case ("+CFUN", .set):
            guard (1...2).contains(arguments.count), let fun = number(0) else { return nil }
            if arguments.count == 2 { guard let rst = number(1), rst <= 1 else { return nil }; self = .setFunctionality(fun, reset: rst == 1) }
            else { self = .setFunctionality(fun) }
        case ("+CUSD", .set):
            guard arguments.count >= 2, number(0) == 1, let text = arguments[1].text else { return nil }
            if arguments.count >= 3 { guard let dcs = number(2) else { return nil }; self = .sendUSSD(text, dcs: dcs) }
            else { self = .sendUSSD(text) }
        case ("+CIMI", .execute): self = .readIMSI
        case ("+CCID", .execute): self = .readICCID
        case ("+CGSN", .execute): self = .readIMEI
        case ("+CSCA", .read): self = .readSMSCAddress
        case ("+CSCS", .set): guard arguments.count == 1, let set = arguments[0].text else { return nil }; self = .setCharacterSet(set)
        default: return nil
        }
    }
}

extension ATCommandLine {
    /// Each command of the line recognised as a typed command (nil where it is not one of
    /// `ATCommand`'s); a bare `AT` is `[.attention]`. The modem simulator answers with these.
    public var typedCommands: [ATCommand?] {
        commands.isEmpty ? [.attention] : commands.map(ATCommand.init)
    }
}
