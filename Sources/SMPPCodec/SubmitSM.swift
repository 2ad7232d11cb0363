/// The body of submit_sm (SMPP 3.4 §4.4.1) and of deliver_sm (§4.6.1), which has the same
/// fields (in deliver_sm the SMSC leaves the times, priority and replace flag zero or empty).
public struct SubmitSM: TableDeclaredBody {
    /// At most 5 characters; empty is the SMSC default (§5.2.11).
    public var serviceType = ""
    public var source = SMEAddress()
    public var destination = SMEAddress()
    /// Messaging mode, message type, UDHI and reply path (§5.2.12).
    public var esmClass: UInt8 = 0
    /// TP-PID of 3GPP TS 23.040 §9.2.3.9 (§5.2.13).
    public var protocolID: UInt8 = 0
    public var priorityFlag: UInt8 = 0
    public var scheduleDeliveryTime: SMPPTime?
    public var validityPeriod: SMPPTime?
    /// Receipt and acknowledgement requests (§5.2.17).
    public var registeredDelivery: UInt8 = 0
    public var replaceIfPresentFlag: UInt8 = 0
    /// The character set or DCS of short_message (§5.2.19).
    public var dataCoding: UInt8 = 0
    public var smDefaultMsgID: UInt8 = 0
    /// 0–254 octets; a longer message goes in the message_payload TLV.
    public var shortMessage: [UInt8] = []
    public var tlvs = TLVList()

    public init() {}

    public init(source: SMEAddress, destination: SMEAddress, shortMessage: [UInt8],
                dataCoding: UInt8 = 0, esmClass: UInt8 = 0, registeredDelivery: UInt8 = 0,
                tlvs: TLVList = []) {
        (self.source, self.destination, self.shortMessage) = (source, destination, shortMessage)
        (self.dataCoding, self.esmClass, self.registeredDelivery) = (dataCoding, esmClass, registeredDelivery)
        self.tlvs = tlvs
    }

    static let layout: [FieldLayout<SubmitSM>] =
        [.cString(.serviceType, maximum: 6, \.serviceType)]
        + FieldLayout<Self>.address(.sourceAddrTON, .sourceAddrNPI, .sourceAddr, maximum: 21, \.source)
        + FieldLayout<Self>.address(.destAddrTON, .destAddrNPI, .destinationAddr, maximum: 21, \.destination)
        + [
            .octet(.esmClass, \.esmClass),
            .octet(.protocolID, \.protocolID),
            .octet(.priorityFlag, \.priorityFlag),
            .time(.scheduleDeliveryTime, \.scheduleDeliveryTime),
            .time(.validityPeriod, \.validityPeriod),
            .octet(.registeredDelivery, \.registeredDelivery),
            .octet(.replaceIfPresentFlag, \.replaceIfPresentFlag),
            .octet(.dataCoding, \.dataCoding),
            .octet(.smDefaultMsgID, \.smDefaultMsgID),
            .shortMessage(\.shortMessage),
            .tlvs(\.tlvs),
        ]
}

/// deliver_sm carries the fields of submit_sm (§4.6.1).
public typealias DeliverSM = SubmitSM

/// The body of submit_sm_resp (§4.4.2) and deliver_sm_resp (§4.6.2): the message id the SMSC
/// gave (empty in deliver_sm_resp).
public struct MessageIDResponse: TableDeclaredBody {
    /// At most 64 characters (65 octets).
    public var messageID = ""

    public init() {}
    public init(messageID: String) { self.messageID = messageID }

    static let layout: [FieldLayout<MessageIDResponse>] = [
        .cString(.messageID, maximum: 65, \.messageID),
    ]
}
