/// The body of submit_multi (SMPP 3.4 §4.5.1): one message to up to 255 SME addresses and
/// distribution lists.
public struct SubmitMulti: TableDeclaredBody {
    public var serviceType = ""
    public var source = SMEAddress()
    public var destinations: [SubmitMultiDestination] = []
    public var esmClass: UInt8 = 0
    public var protocolID: UInt8 = 0
    public var priorityFlag: UInt8 = 0
    public var scheduleDeliveryTime: SMPPTime?
    public var validityPeriod: SMPPTime?
    public var registeredDelivery: UInt8 = 0
    public var replaceIfPresentFlag: UInt8 = 0
    public var dataCoding: UInt8 = 0
    public var smDefaultMsgID: UInt8 = 0
    public var shortMessage: [UInt8] = []
    public var tlvs = TLVList()

    public init() {}

    static let layout: [FieldLayout<SubmitMulti>] =
        [.cString(.serviceType, maximum: 6, \.serviceType)]
        + FieldLayout<Self>.address(.sourceAddrTON, .sourceAddrNPI, .sourceAddr, maximum: 21, \.source)
        + [
            .destinations(\.destinations),
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

/// The body of submit_multi_resp (§4.5.2): the message id and the addresses that failed.
public struct SubmitMultiResponse: TableDeclaredBody {
    public var messageID = ""
    public var unsuccessful: [UnsuccessfulSME] = []

    public init() {}

    public init(messageID: String, unsuccessful: [UnsuccessfulSME] = []) {
        (self.messageID, self.unsuccessful) = (messageID, unsuccessful)
    }

    static let layout: [FieldLayout<SubmitMultiResponse>] = [
        .cString(.messageID, maximum: 65, \.messageID),
        .unsuccessful(\.unsuccessful),
    ]
}
