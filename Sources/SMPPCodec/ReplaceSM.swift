/// The body of replace_sm (SMPP 3.4 §4.10.1): new content and times for a pending message.
public struct ReplaceSM: TableDeclaredBody {
    public var messageID = ""
    public var source = SMEAddress()
    public var scheduleDeliveryTime: SMPPTime?
    public var validityPeriod: SMPPTime?
    public var registeredDelivery: UInt8 = 0
    public var smDefaultMsgID: UInt8 = 0
    public var shortMessage: [UInt8] = []

    public init() {}

    static let layout: [FieldLayout<ReplaceSM>] =
        [.cString(.messageID, maximum: 65, \.messageID)]
        + FieldLayout<Self>.address(.sourceAddrTON, .sourceAddrNPI, .sourceAddr, maximum: 21, \.source)
        + [
            .time(.scheduleDeliveryTime, \.scheduleDeliveryTime),
            .time(.validityPeriod, \.validityPeriod),
            .octet(.registeredDelivery, \.registeredDelivery),
            .octet(.smDefaultMsgID, \.smDefaultMsgID),
            .shortMessage(\.shortMessage),
        ]
}
