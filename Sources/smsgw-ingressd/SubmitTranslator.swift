import GatewayCore
import GatewayStore
import SMPPCodec
import SMSCodec

/// Turns one submit_sm (SMPP 3.4 §4.4.1) from a bound account into a `NewMessage`: source
/// and destination checked, times resolved (§7.1.1), the text decoded by data_coding
/// (§5.2.19), and the parts encoded as SMS-SUBMIT TPDUs (3GPP TS 23.040 §9.2.2.2) — planned
/// here, or, for a part split upstream (UDHI with a concatenation IE, or SAR TLVs), sent as
/// given and marked with the assembly it belongs to. Pure: refusals are the command_status
/// to answer with.
struct SubmitTranslator: Sendable {
    /// How long a message without a validity_period stays sendable.
    var defaultValidity: Duration = SubmitTimes.defaultValidity

    /// `concatenationReference` is the 8-bit reference a text split here is sent with (the
    /// caller draws it at random, so that two long messages to one handset differ).
    func message(from submit: SubmitSM, account: UpstreamAccount, now: Timestamp,
                 concatenationReference: UInt8 = 0) -> Result<NewMessage, SubmitRefusal> {
        do throws(SubmitRefusal) {
            return .success(try translate(submit, account: account, now: now, concatenationReference: concatenationReference))
        } catch {
            return .failure(error)
        }
    }

    private func translate(_ submit: SubmitSM, account: UpstreamAccount, now: Timestamp,
                           concatenationReference: UInt8) throws(SubmitRefusal) -> NewMessage {
        try Self.checkESMClass(submit.esmClass)
        guard submit.priorityFlag <= 3 else { throw SubmitRefusal(.invalidPriorityFlag, "priority_flag \(submit.priorityFlag) is above 3") }
        // §5.2.17 bits 0-1: 0 none, 1 on success or failure, 2 on failure, 3 reserved.
        guard submit.registeredDelivery & 0x03 != 0x03 else {
            throw SubmitRefusal(.invalidRegisteredDelivery, "registered_delivery \(submit.registeredDelivery): bits 0-1 = 3 are reserved")
        }
        let destination: SMSAddress
        do {
            destination = try SMSAddress(parsing: Self.dialString(submit.destination), plainDigitsType: .unknown, field: .destination)
        } catch {
            throw SubmitRefusal(.invalidDestinationAddress, "destination_addr \"\(submit.destination.address)\": \(error)")
        }
        let source = try SubmitSource.text(of: submit.source)
        let times = try SubmitTimes(schedule: submit.scheduleDeliveryTime, validity: submit.validityPeriod, now: now,
                                    defaultValidity: defaultValidity)
        let coding = try SubmitDataCoding(submit.dataCoding)
        let payload = submit.tlvs.messagePayload
        if payload != nil, !submit.shortMessage.isEmpty {
            throw SubmitRefusal(.invalidOptionalParameterValue, "message_payload and short_message both set (§5.3.2.32)")
        }
        let octets = payload ?? submit.shortMessage
        guard !octets.isEmpty else { throw SubmitRefusal(.invalidMessageLength, "the message is empty") }
        let reportMask = ReportMask(smppRegisteredDelivery: submit.registeredDelivery)
        let options = SubmitRequest(destination: destination, text: "", requestStatusReport: !reportMask.isDisjoint(with: .final),
                                    protocolIdentifier: submit.protocolID)

        let encoded: (text: String, encoding: MessageEncoding, parts: [SubmitPart], assembly: SubmitAssembly?)
        if submit.esmClass & 0x40 != 0 || submit.tlvs.segmentation != nil {
            encoded = try Self.givenPart(octets, submit: submit, coding: coding, options: options)
        } else {
            let planned = try Self.planned(octets, coding: coding, options: options, reference: concatenationReference)
            encoded = (planned.text, planned.encoding, planned.parts, nil)
        }
        var message = NewMessage(
            account: account.id, source: source, destination: destination.displayString,
            messageClass: account.defaultClass, priority: Int(submit.priorityFlag), text: encoded.text,
            encoding: encoded.encoding, partsHex: encoded.parts.map(\.tpduHex), scheduleAt: times.scheduleAt,
            expiresAt: times.expiresAt, reportMask: reportMask)
        if let assembly = encoded.assembly {
            message.assembly = MessageAssemblyPart(
                key: assembly.key(source: source, destination: message.destination),
                total: assembly.total, sequence: assembly.sequence)
        }
        return message
    }

    /// §5.2.12 esm_class: any messaging mode (bits 0-1); message type (bits 2-5) default only
    /// (the acknowledgement types are for deliver_sm); UDHI (bit 6) yes; reply path (bit 7) no.
    static func checkESMClass(_ value: UInt8) throws(SubmitRefusal) {
        guard value & 0x3C == 0 else {
            throw SubmitRefusal(.invalidESMClass, "esm_class 0x\(String(value, radix: 16)): message type \(value >> 2 & 0x0F) is not a submit")
        }
        guard value & 0x80 == 0 else { throw SubmitRefusal(.invalidESMClass, "esm_class 0x\(String(value, radix: 16)): reply path is not offered") }
    }

    /// A whole message split here: text planned by `SubmitEncoder`, binary in 134-octet parts.
    static func planned(_ octets: [UInt8], coding: SubmitDataCoding, options: SubmitRequest,
                        reference: UInt8) throws(SubmitRefusal) -> (text: String, encoding: MessageEncoding, parts: [SubmitPart]) {
        var request = options
        let parts: [SubmitPart]
        let encoding: MessageEncoding
        do {
            switch coding {
            case .binary(let messageClass):
                request.text = Hex.encode(octets)
                parts = try SubmitEncoder.encodeBinary(
                    request, data: octets, dataCodingScheme: DataCodingScheme(encoding: .eightBit, messageClass: messageClass),
                    concatenationReference: reference)
                encoding = .binary
            case .gsm7(let messageClass):
                request.text = try SubmitText.text(octets, coding: coding)
                (request.encoding, request.messageClass) = (.gsm7, messageClass)
                parts = try SubmitEncoder.encode(request, concatenationReference: UInt16(reference)).parts
                encoding = .gsm7
            case .ascii, .latin1, .ucs2:
                request.text = try SubmitText.text(octets, coding: coding)
                request.encoding = coding == .ucs2 ? .ucs2 : .automatic
                let result = try SubmitEncoder.encode(request, concatenationReference: UInt16(reference))
                parts = result.parts
                encoding = result.plan.encoding == .ucs2 ? .ucs2 : .gsm7
            }
        } catch let error as SubmitRefusal {
            throw error
        } catch {
            throw SubmitRefusal(.invalidMessageLength, "text cannot be sent: \(error)")
        }
        guard parts.count <= 255 else { throw SubmitRefusal(.invalidMessageLength, "the message needs \(parts.count) parts; at most 255") }
        return (request.text, encoding, parts)
    }

    /// A part split upstream: the UDH as given (every IE kept), or the SAR TLVs made into a
    /// concatenation IE; one SMS-SUBMIT that must fit as it is.
    static func givenPart(_ octets: [UInt8], submit: SubmitSM, coding: SubmitDataCoding, options: SubmitRequest)
        throws(SubmitRefusal) -> (text: String, encoding: MessageEncoding, parts: [SubmitPart], assembly: SubmitAssembly?)
    {
        var header: UserDataHeader?
        var body = octets
        var assembly: SubmitAssembly?
        if submit.esmClass & 0x40 != 0 {
            let parsed: (header: UserDataHeader, octetCount: Int)
            do { parsed = try UserDataHeader.parsePrefix(of: octets) } catch {
                throw SubmitRefusal(.invalidESMClass, "esm_class has UDHI but the message does not start with a user data header: \(error)")
            }
            header = parsed.header
            body = Array(octets.dropFirst(parsed.octetCount))
            assembly = SubmitAssembly(header: parsed.header)
        }
        if let segmentation = submit.tlvs.segmentation {
            guard assembly == nil else {
                throw SubmitRefusal(.invalidOptionalParameterValue, "SAR TLVs and a UDH concatenation element in one submit")
            }
            let sar = try SubmitAssembly(segmentation: segmentation)
            header = UserDataHeader(elements: [sar.sarElement] + (header?.elements ?? []))
            assembly = sar
        }
        let userData = try SubmitUserData.part(body, coding: coding, characterSet: header?.characterSet ?? .default)
        var request = options
        request.text = userData.text
        // A lone part (total 1) is a whole message: no assembly to wait for.
        if assembly?.total == 1 { assembly = nil }
        do {
            let part = try SubmitEncoder.encodePart(request, header: header, body: userData.body, dataCodingScheme: userData.dataCodingScheme)
            return (userData.text, userData.encoding, [part], assembly)
        } catch {
            throw SubmitRefusal(.invalidMessageLength, "the part does not fit one SMS beside its header: \(error)")
        }
    }

    /// An SMPP address as dialled: TON international (§5.2.5) gets a leading "+".
    static func dialString(_ address: SMEAddress) -> String {
        if address.ton == .international, !address.address.hasPrefix("+") { return "+" + address.address }
        return address.address
    }
}

/// Why a submit_sm was refused: the SMPP 3.4 command_status (§5.1.3) and a reason for the log.
struct SubmitRefusal: Error, Sendable, Equatable {
    var status: CommandStatus
    var reason: String
    init(_ status: CommandStatus, _ reason: String) { (self.status, self.reason) = (status, reason) }
}
