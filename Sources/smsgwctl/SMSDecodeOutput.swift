import SMSCodec

/// The JSON `sms decode --json` prints; absent fields are left out.
struct SMSDecodeOutput: Encodable {
    struct Address: Encodable {
        var number: String
        var type: String
        var numberingPlan: Int

        init(_ address: SMSAddress) {
            number = address.displayString
            type = "\(address.typeOfNumber)"
            numberingPlan = Int(address.numberingPlan)
        }
    }

    struct Coding: Encodable {
        var value: Int
        var group: String
        var messageClass: Int?
        var compressed: Bool
        var messageWaiting: String?
        var messageWaitingActive: Bool?

        init(_ coding: DataCodingScheme) {
            value = Int(coding.rawValue)
            group = coding.group.rawValue
            messageClass = coding.messageClass
            compressed = coding.isCompressed
            messageWaiting = coding.waitingIndication?.kind.rawValue
            messageWaitingActive = coding.waitingIndication?.active
        }
    }

    struct Element: Encodable {
        var type: String
        var reference: Int?
        var total: Int?
        var sequence: Int?
        var bits: Int?
        var destinationPort: Int?
        var sourcePort: Int?
        var identifier: Int?
        var data: String?
        var language: String?

        init(_ element: InformationElement) {
            switch element {
            case let .concatenation(reference, total, sequence, sixteenBit):
                type = "concatenation"
                self.reference = Int(reference)
                self.total = Int(total)
                self.sequence = Int(sequence)
                bits = sixteenBit ? 16 : 8
            case let .ports(destination, source, sixteenBit):
                type = "ports"
                destinationPort = Int(destination)
                sourcePort = Int(source)
                bits = sixteenBit ? 16 : 8
            case let .nationalLanguageSingleShift(language):
                type = "national-language-single-shift"
                self.language = language.code
            case let .nationalLanguageLockingShift(language):
                type = "national-language-locking-shift"
                self.language = language.code
            case let .other(identifier, data):
                type = "other"
                self.identifier = Int(identifier)
                self.data = Hex.encode(data)
            }
        }
    }

    /// The national language tables GSM-7 text was decoded with (3GPP TS 23.038 annex A).
    struct Tables: Encodable {
        var lockingShift: String
        var singleShift: String

        init(_ set: GSM7CharacterSet) {
            lockingShift = Self.describe(set.lockingShift, hasTable: set.lockingShift?.hasLockingShiftTable ?? false)
            singleShift = Self.describe(set.singleShift, hasTable: set.singleShift != nil)
        }

        private static func describe(_ language: NationalLanguage?, hasTable: Bool) -> String {
            guard let language else { return "default" }
            return hasTable ? language.code : "default (\(language.code) has none)"
        }

        var humanReadable: String {
            "locking shift \(lockingShift), single shift \(singleShift)"
        }
    }

    struct Status: Encodable {
        var code: Int
        var outcome: String
        var final: Bool
        var meaning: String
    }

    struct Validity: Encodable {
        var format: String
        var minutes: Int?
        var time: String?
        var raw: String?
    }

    var type: String
    var serviceCentre: Address?
    var originator: Address?
    var destination: Address?
    var recipient: Address?
    var messageReference: Int?
    var protocolIdentifier: Int?
    var dataCoding: Coding?
    var encoding: String?
    var userDataLength: Int?
    var text: String?
    var data: String?
    var nationalLanguageTables: Tables?
    var udh: [Element]?
    var serviceCentreTimeStamp: String?
    var dischargeTime: String?
    var validityPeriod: Validity?
    var status: Status?
    var statusReportRequested: Bool?
    var rejectDuplicates: Bool?
    var replyPath: Bool?
    var moreMessagesToSend: Bool?

    init(_ pdu: SMSPDU) {
        serviceCentre = pdu.serviceCentre.map(Address.init)
        switch pdu.tpdu {
        case let .deliver(deliver):
            type = "deliver"
            originator = Address(deliver.originator)
            protocolIdentifier = Int(deliver.protocolIdentifier)
            setUserData(deliver.userData, coding: deliver.dataCoding)
            serviceCentreTimeStamp = deliver.serviceCentreTimeStamp.iso8601
            statusReportRequested = deliver.statusReportIndication
            replyPath = deliver.replyPath
            moreMessagesToSend = deliver.moreMessagesToSend
        case let .submit(submit):
            type = "submit"
            destination = Address(submit.destination)
            messageReference = Int(submit.messageReference)
            protocolIdentifier = Int(submit.protocolIdentifier)
            setUserData(submit.userData, coding: submit.dataCoding)
            validityPeriod = submit.validityPeriod.map(Self.validity)
            statusReportRequested = submit.statusReportRequest
            rejectDuplicates = submit.rejectDuplicates
            replyPath = submit.replyPath
        case let .statusReport(report):
            type = "status-report"
            recipient = Address(report.recipient)
            messageReference = Int(report.messageReference)
            serviceCentreTimeStamp = report.serviceCentreTimeStamp.iso8601
            dischargeTime = report.dischargeTime.iso8601
            status = Status(
                code: Int(report.status.code), outcome: report.status.outcome.rawValue,
                final: report.status.isFinal, meaning: report.status.meaning
            )
            protocolIdentifier = report.protocolIdentifier.map(Int.init)
            moreMessagesToSend = report.moreMessagesToSend
            if let userData = report.userData {
                setUserData(userData, coding: report.dataCoding ?? DataCodingScheme(rawValue: 0))
            } else {
                dataCoding = report.dataCoding.map(Coding.init)
            }
        }
    }

    private mutating func setUserData(_ userData: UserData, coding: DataCodingScheme) {
        dataCoding = Coding(coding)
        encoding = coding.encoding.rawValue
        userDataLength = userData.length
        text = userData.text
        if userData.text == nil { data = Hex.encode(userData.body) }
        udh = userData.header.map { $0.elements.map(Element.init) }
        if coding.encoding == .gsm7, let set = userData.header?.characterSet, !set.isDefault {
            nationalLanguageTables = Tables(set)
        }
    }

    private static func validity(_ period: ValidityPeriod) -> Validity {
        switch period {
        case .relative: Validity(format: "relative", minutes: period.minutes)
        case let .absolute(stamp): Validity(format: "absolute", time: stamp.iso8601)
        case let .enhanced(octets): Validity(format: "enhanced", raw: Hex.encode(octets))
        }
    }

    /// A few lines for people: kind, addresses, time, status, text.
    var humanReadable: String {
        var lines = [type]
        if let serviceCentre { lines.append("SMSC: \(serviceCentre.number)") }
        if let originator { lines.append("From: \(originator.number)") }
        if let destination { lines.append("To: \(destination.number)") }
        if let recipient { lines.append("Recipient: \(recipient.number)") }
        if let messageReference { lines.append("Reference: \(messageReference)") }
        if let serviceCentreTimeStamp { lines.append("Sent: \(serviceCentreTimeStamp)") }
        if let dischargeTime { lines.append("Discharged: \(dischargeTime)") }
        if let status { lines.append("Status: \(status.outcome) (0x\(String(status.code, radix: 16)): \(status.meaning))") }
        for element in udh ?? [] where element.type == "concatenation" {
            lines.append("Part: \(element.sequence ?? 0)/\(element.total ?? 0) (reference \(element.reference ?? 0))")
        }
        if let encoding { lines.append("Encoding: \(encoding)") }
        if let nationalLanguageTables { lines.append("Tables: \(nationalLanguageTables.humanReadable)") }
        if let text { lines.append("Text: \(text)") }
        if let data { lines.append("Data: \(data)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
