import ATCommands
import SMSCodec

extension SimulatedModem {
    /// SMS settings and the message store commands (3GPP TS 27.005 §3).
    mutating func runMessaging(_ command: ATCommandInvocation, at now: Duration) -> CommandOutcome? {
        let arguments = command.arguments
        let first = arguments.first?.integer
        switch (command.name, command.kind) {
        case ("+CMGF", .set):
            guard let value = first, let format = MessageFormat(rawValue: value) else { return .error(cmsError(302)) }
            config.format = format
            return .ok([])
        case ("+CMGF", .read): return .ok(["+CMGF: \(config.format.rawValue)"])
        case ("+CMGF", .test): return .ok(["+CMGF: (0-1)"])
        case ("+CSMS", .set):
            guard let value = first, (0...1).contains(value) else { return .error(cmsError(302)) }
            config.messageService = value
            return .ok(["+CSMS: 1,1,1"])
        case ("+CSMS", .read): return .ok(["+CSMS: \(config.messageService),1,1,1"])
        case ("+CSMS", .test): return .ok(["+CSMS: (0-1)"])
        case ("+CSMP", .set):
            if let value = first { config.textFirstOctet = value }
            return .ok([])
        case ("+CSMP", .read): return .ok(["+CSMP: \(config.textFirstOctet),167,0,0"])
        case ("+CSCA", .read):
            let centre = config.serviceCentre ?? sims[activeSlot].serviceCentre
            return .ok(["+CSCA: \"\(centre)\",\(centre.hasPrefix("+") ? 145 : 129)"])
        case ("+CSCA", .set):
            guard let centre = arguments.first?.text else { return .error(cmsError(302)) }
            config.serviceCentre = centre.isEmpty ? nil : centre
            return .ok([])
        case ("+CNMI", .set):
            guard let typed = ATCommand(command), case .setNewMessageIndication(let indications) = typed,
                indications.mode <= 3, indications.deliver <= 3, indications.statusReport <= 2
            else { return .error(cmsError(303)) }
            config.indications = indications
            return .ok([])
        case ("+CNMI", .read):
            let i = config.indications
            return .ok(["+CNMI: \(i.mode),\(i.deliver),\(i.broadcast),\(i.statusReport),\(i.bufferFlush ?? 0)"])
        case ("+CNMI", .test): return .ok(["+CNMI: (0-3),(0-3),(0,2),(0-2),(0,1)"])
        case ("+CPMS", .set):
            let names = arguments.compactMap { $0.text?.uppercased() }
            guard !names.isEmpty, names.count == arguments.count, names.count <= 3, names.allSatisfy(profile.storages.contains)
            else { return .error(cmsError(302)) }
            for (position, name) in names.enumerated() { config.storages[position] = name }
            let usage = "\(storedCount),\(storage.capacity)"
            return .ok(["+CPMS: " + Array(repeating: usage, count: 3).joined(separator: ",")])
        case ("+CPMS", .read):
            let fields = config.storages.map { "\"\($0)\",\(storedCount),\(storage.capacity)" }
            return .ok(["+CPMS: " + fields.joined(separator: ",")])
        case ("+CPMS", .test):
            let list = "(" + profile.storages.map { "\"\($0)\"" }.joined(separator: ",") + ")"
            return .ok(["+CPMS: \(list),\(list),\(list)"])
        case ("+CMGS", .set):
            return startSubmit(arguments)
        case ("+CMGS", .test):
            return .ok([])
        case ("+CMGR", .set):
            guard let index = first else { return .error(cmsError(302)) }
            guard let entry = readMemory.read(index) else { return .error(cmsError(321)) }
            return .ok(render(entry, index: nil, header: "+CMGR"))
        case ("+CMGL", .set), ("+CMGL", .execute):
            let status = arguments.first.flatMap(MessageStatus.init(field:)) ?? (config.format == .pdu ? .receivedUnread : .receivedUnread)
            if arguments.first != nil, arguments.first.flatMap(MessageStatus.init(field:)) == nil { return .error(cmsError(302)) }
            return .ok(readMemory.list(status).flatMap { render($0.entry, index: $0.index, header: "+CMGL") })
        case ("+CMGL", .test):
            return .ok([config.format == .pdu ? "+CMGL: (0-4)" : "+CMGL: (\"REC UNREAD\",\"REC READ\",\"STO UNSENT\",\"STO SENT\",\"ALL\")"])
        case ("+CMGD", .set):
            guard let index = first else { return .error(cmsError(302)) }
            let flag = arguments.count > 1 ? arguments[1].integer ?? 0 : 0
            guard flag > 0 || readMemory.indexes.contains(index) else { return .error(cmsError(321)) }
            readMemory.delete(index, flag: flag)
            return .ok([])
        case ("+CMGD", .test):
            let indexes = readMemory.list(.all).map { String($0.index) }.joined(separator: ",")
            return .ok(["+CMGD: (\(indexes)),(0-4)"])
        case ("+CNMA", _):
            return .ok([])
        default:
            return nil
        }
    }

    /// The memory `AT+CMGR`/`AT+CMGL`/`AT+CMGD` use: `<mem1>` of `AT+CPMS` (27.005 §3.2.2),
    /// "SR" being the status report memory, every other name the one message store.
    var readMemory: MessageStore {
        get { config.storages[0] == "SR" ? reportStorage : storage }
        set { if config.storages[0] == "SR" { reportStorage = newValue } else { storage = newValue } }
    }

    /// `AT+CPMS` used counts: a full store under `storage-full`.
    var storedCount: Int { misbehaviours["storage-full"] != nil ? storage.capacity : storage.used }

    /// A stored message as `+CMGR`/`+CMGL` show it, in the mode `AT+CMGF` chose.
    func render(_ entry: MessageStore.Entry, index: Int?, header: String) -> [String] {
        let prefix = index.map { "\(header): \($0)," } ?? "\(header): "
        if config.format == .pdu {
            // PDU mode: <stat>,[<alpha>],<length> then the SMSC address and the TPDU (27.005 §3.4.3).
            let centre = (try? SMSAddress(parsing: sims[activeSlot].serviceCentre, field: .serviceCentre))?.serviceCentreOctets() ?? [0]
            return [prefix + "\(entry.status.rawValue),,\(entry.tpdu.count)", Hex.encode(centre + entry.tpdu)]
        }
        let status = "\"\(entry.status.textName)\""
        guard let decoded = try? PDUDecoder.decode(entry.tpdu, includesServiceCentre: false) else {
            return [prefix + status]
        }
        switch decoded.tpdu {
        case .deliver(let deliver):
            let text = deliver.userData.text ?? Hex.encode(deliver.userData.body)
            return [prefix + "\(status),\"\(deliver.originator.displayString)\",,\"\(TextModeTime.format(deliver.serviceCentreTimeStamp))\"", text]
        case .statusReport(let report):
            // Text mode status report: <fo>,<mr>,<ra>,<tora>,<scts>,<dt>,<st> (27.005 §4.3).
            let fields = "6,\(report.messageReference),\"\(report.recipient.displayString)\",\(report.recipient.typeOctet),"
                + "\"\(TextModeTime.format(report.serviceCentreTimeStamp))\",\"\(TextModeTime.format(report.dischargeTime))\",\(report.status.code)"
            return [prefix + status + "," + fields]
        case .submit:
            return [prefix + status]
        }
    }
}

/// Time stamps as text mode shows them: `"yy/MM/dd,hh:mm:ss±zz"` (3GPP TS 27.005 §3.1 <scts>).
enum TextModeTime {
    static func format(_ stamp: SMSTimeStamp) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let zone = stamp.offsetQuarterHours
        return "\(two(stamp.year % 100))/\(two(stamp.month))/\(two(stamp.day)),\(two(stamp.hour)):\(two(stamp.minute)):\(two(stamp.second))"
            + (zone < 0 ? "-" : "+") + two(abs(zone))
    }
}
