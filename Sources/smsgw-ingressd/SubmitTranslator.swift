import GatewayCore
import GatewayStore
import SMPPCodec
import SMSCodec

/// Turns one submit_sm (SMPP 3.4 §4.4.1) from a bound account into a `NewMessage`: the text
/// decoded by data_coding (§5.2.19), the destination checked, the parts planned and encoded
/// as SMS-SUBMIT TPDUs (3GPP TS 23.040 §9.2.2.2). Pure: refusals are the command_status to
/// answer with.
struct SubmitTranslator: Sendable {
    /// How long a message without a validity_period stays sendable.
    var defaultValidity: Duration = .seconds(48 * 3600)

    func message(from submit: SubmitSM, account: UpstreamAccount, now: Timestamp) -> Result<NewMessage, SubmitRefusal> {
        // esm_class bits 6-7 (§5.2.12): UDHI and reply path; upstream-split parts are a later slice.
        guard submit.esmClass & 0xC0 == 0 else { return .failure(SubmitRefusal(.invalidESMClass, "esm_class \(submit.esmClass) (UDHI/reply path) is not supported yet")) }
        guard submit.priorityFlag <= 3 else { return .failure(SubmitRefusal(.invalidPriorityFlag, "priority_flag \(submit.priorityFlag) is above 3")) }
        let destination: SMSAddress
        do {
            destination = try SMSAddress(parsing: Self.dialString(submit.destination), plainDigitsType: .unknown, field: .destination)
        } catch {
            return .failure(SubmitRefusal(.invalidDestinationAddress, "destination_addr \"\(submit.destination.address)\": \(error)"))
        }
        let payload = submit.tlvs.messagePayload
        if payload != nil, !submit.shortMessage.isEmpty {
            return .failure(SubmitRefusal(.invalidOptionalParameterValue, "message_payload and short_message both set (§5.3.2.32)"))
        }
        let octets = payload ?? submit.shortMessage
        let decoded: (text: String, choice: SMSEncodingChoice, encoding: MessageEncoding)
        switch Self.decode(octets, dataCoding: submit.dataCoding) {
        case .success(let value): decoded = value
        case .failure(let refusal): return .failure(refusal)
        }
        let encoded: EncodedSubmit
        do {
            encoded = try SubmitEncoder.encode(SubmitRequest(
                destination: destination, text: decoded.text, encoding: decoded.choice,
                requestStatusReport: !ReportMask(smppRegisteredDelivery: submit.registeredDelivery).isDisjoint(with: .final)))
        } catch {
            return .failure(SubmitRefusal(.invalidMessageLength, "text cannot be sent: \(error)"))
        }
        guard encoded.parts.count <= 255 else {
            return .failure(SubmitRefusal(.invalidMessageLength, "text needs \(encoded.parts.count) parts; at most 255"))
        }
        return .success(NewMessage(
            account: account.id, source: submit.source.address, destination: destination.displayString,
            messageClass: account.defaultClass, priority: Int(submit.priorityFlag), text: decoded.text,
            encoding: decoded.encoding, partsHex: encoded.parts.map(\.tpduHex),
            expiresAt: now + defaultValidity, reportMask: ReportMask(smppRegisteredDelivery: submit.registeredDelivery)))
    }

    /// An SMPP address as dialled: TON international (§5.2.5) gets a leading "+".
    static func dialString(_ address: SMEAddress) -> String {
        if address.ton == .international, !address.address.hasPrefix("+") { return "+" + address.address }
        return address.address
    }

    /// §5.2.19 data_coding: 0 = SMSC default alphabet, here GSM 03.38 unpacked (one septet per
    /// octet, escape 0x1B, 3GPP TS 23.038 §6.2.1); 8 = UCS-2 big-endian (ISO/IEC 10646).
    static func decode(_ octets: [UInt8], dataCoding: UInt8)
        -> Result<(text: String, choice: SMSEncodingChoice, encoding: MessageEncoding), SubmitRefusal>
    {
        guard !octets.isEmpty else { return .failure(SubmitRefusal(.invalidMessageLength, "the message is empty")) }
        switch dataCoding {
        case 0:
            if let index = octets.firstIndex(where: { $0 > 0x7F }) {
                return .failure(SubmitRefusal(.invalidMessageLength, "octet \(index) is \(octets[index]), not a GSM 7-bit septet"))
            }
            return .success((GSM7Alphabet.decode(octets), .gsm7, .gsm7))
        case 8:
            guard octets.count % 2 == 0, let text = UCS2.decode(octets[...]) else {
                return .failure(SubmitRefusal(.invalidMessageLength, "UCS-2 text of \(octets.count) octets is not whole UTF-16"))
            }
            return .success((text, .ucs2, .ucs2))
        default:
            return .failure(SubmitRefusal(.invalidOptionalParameterValue, "data_coding \(dataCoding) is not supported yet (0 and 8 are)"))
        }
    }
}

/// Why a submit_sm was refused: the SMPP 3.4 command_status (§5.1.3) and a reason for the log.
struct SubmitRefusal: Error, Sendable, Equatable {
    var status: CommandStatus
    var reason: String
    init(_ status: CommandStatus, _ reason: String) { (self.status, self.reason) = (status, reason) }
}
