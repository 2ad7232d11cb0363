import SMPPCodec

/// One PDU of every SMPP 3.4 command, with values chosen to exercise each field kind: maximum
/// lengths, empty strings, both time formats, TLVs known and unknown, bodies left out.
enum SMPPSamples {
    static let bind = Bind(systemID: "smsgw-upstream1", password: "secret12", systemType: "VMA",
                           addressRange: SMEAddress(ton: .international, npi: .isdn, address: "^316[0-9]+$"))

    static var submit: SubmitSM {
        var body = SubmitSM(source: SMEAddress(ton: .alphanumeric, npi: .unknown, address: "SMSGW"),
                            destination: SMEAddress(ton: .international, npi: .isdn, address: "31612345678"),
                            shortMessage: Array("Hello".utf8), registeredDelivery: 1)
        body.validityPeriod = .relative(.init(days: 1))
        body.scheduleDeliveryTime = .absolute(.init(year: 25, month: 12, day: 31, hour: 23, minute: 59,
                                                    second: 59, tenths: 9, quarterHours: 48, isAheadOfUTC: false))
        body.tlvs.userMessageReference = 7
        body.tlvs.segmentation = Segmentation(reference: 0xBEEF, total: 3, number: 2)
        return body
    }

    static var deliveryReceipt: DeliverSM {
        var body = DeliverSM(source: SMEAddress(ton: .international, npi: .isdn, address: "31612345678"),
                             destination: SMEAddress(ton: .alphanumeric, address: "SMSGW"),
                             shortMessage: Array("id:1A2B stat:DELIVRD".utf8), esmClass: 0x04)
        body.tlvs.receiptedMessageID = "1A2B"
        body.tlvs.messageState = .delivered
        body.tlvs.networkErrorCode = NetworkErrorCode(networkType: 3, code: 0x0102)
        body.tlvs.entries.append(TLV(TLVTag(rawValue: 0x1401), octets: [0xCA, 0xFE]))
        return body
    }

    static var multi: SubmitMulti {
        var body = SubmitMulti()
        body.source = SMEAddress(ton: .national, npi: .isdn, address: "0612345678")
        body.destinations = [.sme(SMEAddress(ton: .international, npi: .isdn, address: "447911123456")),
                             .distributionList("staff"), .sme(SMEAddress())]
        body.dataCoding = 8
        body.shortMessage = [0x00, 0x48, 0x20, 0xAC]
        body.tlvs.messagePayload = nil
        body.tlvs.sourcePort = 9200
        body.tlvs.destinationPort = 2948
        return body
    }

    static var data: DataSM {
        var body = DataSM()
        body.source = SMEAddress(ton: .international, npi: .internet,
                                 address: "user@" + String(repeating: "x", count: 59))
        body.destination = SMEAddress(ton: .international, npi: .isdn, address: "31612345678")
        body.tlvs.messagePayload = Array(repeating: 0x41, count: 300)
        body.tlvs.payloadType = 0
        body.tlvs.moreMessagesToSend = true
        body.tlvs.msValidity = 3
        body.tlvs.entries.append(TLV(tag: .alertOnMessageDelivery, value: .empty))
        return body
    }

    static var cancel: CancelSM {
        var body = CancelSM()
        body.serviceType = "CMT"
        body.messageID = String(repeating: "9", count: 64)
        body.source = SMEAddress(ton: .alphanumeric, address: "SMSGW")
        body.destination = SMEAddress(ton: .international, npi: .isdn, address: "31612345678")
        return body
    }

    static var replace: ReplaceSM {
        var body = ReplaceSM()
        body.messageID = "42"
        body.source = SMEAddress(ton: .alphanumeric, address: "SMSGW")
        body.validityPeriod = .absolute(.init(year: 26, month: 1, day: 2, hour: 3, minute: 4, second: 5))
        body.registeredDelivery = 1
        body.shortMessage = Array(repeating: 0x20, count: 254)
        return body
    }

    static var alert: AlertNotification {
        var body = AlertNotification()
        body.source = SMEAddress(ton: .international, npi: .isdn, address: "31612345678")
        body.esme = SMEAddress(ton: .alphanumeric, address: "SMSGW")
        body.tlvs[.msAvailabilityStatus] = .integer(0)
        return body
    }

    /// Every command of SMPP 3.4, at least once; responses with and without a body.
    static var all: [PDU] {
        [
            PDU(.bindTransmitter(bind), sequenceNumber: 1),
            PDU(.bindReceiver(Bind(systemID: "", password: "")), sequenceNumber: 2),
            PDU(.bindTransceiver(bind), sequenceNumber: 0x7FFF_FFFF),
            PDU(.bindTransmitterResp(BindResponse(systemID: "smsgw", tlvs: [TLV(.scInterfaceVersion, integer: 0x34)])),
                sequenceNumber: 1),
            PDU(.bindReceiverResp(BindResponse(systemID: "smsgw")), sequenceNumber: 2),
            PDU(.bindTransceiverResp(nil), sequenceNumber: 3, status: .invalidPassword),
            PDU(.outbind(Outbind(systemID: "smsc", password: "pw")), sequenceNumber: 4),
            PDU(.unbind, sequenceNumber: 5),
            PDU(.unbindResp, sequenceNumber: 5),
            PDU(.enquireLink, sequenceNumber: 6),
            PDU(.enquireLinkResp, sequenceNumber: 6),
            PDU(.genericNack, sequenceNumber: 7, status: .invalidCommandID),
            PDU(.submitSM(submit), sequenceNumber: 8),
            PDU(.submitSM(SubmitSM()), sequenceNumber: 9),
            PDU(.submitSMResp(MessageIDResponse(messageID: "0A1B2C3D")), sequenceNumber: 8),
            PDU(.submitSMResp(nil), sequenceNumber: 9, status: .throttled),
            PDU(.deliverSM(deliveryReceipt), sequenceNumber: 10),
            PDU(.deliverSMResp(MessageIDResponse()), sequenceNumber: 10),
            PDU(.submitMulti(multi), sequenceNumber: 11),
            PDU(.submitMultiResp(SubmitMultiResponse(
                messageID: "m1",
                unsuccessful: [UnsuccessfulSME(address: SMEAddress(ton: .international, npi: .isdn, address: "4479"),
                                               errorStatusCode: .invalidDestinationAddress)])),
                sequenceNumber: 11),
            PDU(.dataSM(data), sequenceNumber: 12),
            PDU(.dataSMResp(DataSMResponse(messageID: "d1", tlvs: [TLV(.additionalStatusInfoText, string: "queued")])),
                sequenceNumber: 12),
            PDU(.querySM(QuerySM(messageID: "0A1B2C3D", source: SMEAddress(ton: .alphanumeric, address: "SMSGW"))),
                sequenceNumber: 13),
            PDU(.querySMResp(QuerySMResponse(
                messageID: "0A1B2C3D",
                finalDate: .absolute(.init(year: 25, month: 11, day: 29, hour: 12, minute: 0, second: 0, quarterHours: 4)),
                messageState: .delivered)), sequenceNumber: 13),
            PDU(.cancelSM(cancel), sequenceNumber: 14),
            PDU(.cancelSMResp, sequenceNumber: 14),
            PDU(.replaceSM(replace), sequenceNumber: 15),
            PDU(.replaceSMResp, sequenceNumber: 15, status: .replaceFailed),
            PDU(.alertNotification(alert), sequenceNumber: 16),
        ]
    }
}

/// Hex of test vectors (named for SMPP: the codec test target is shared with other modules).
enum SMPPHex {
    /// The octets of `text`, whitespace ignored; any other non-hex character is a broken vector.
    static func bytes(_ text: String) -> [UInt8] {
        let characters = text.filter { !$0.isWhitespace }
        let digits = characters.compactMap(\.hexDigitValue)
        precondition(digits.count == characters.count && digits.count % 2 == 0, "bad hex vector: \(text)")
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(digits[$0] << 4 | digits[$0 + 1]) }
    }

    static func string(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789ABCDEF")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }
}
