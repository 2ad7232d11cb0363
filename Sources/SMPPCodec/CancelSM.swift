/// The body of cancel_sm (SMPP 3.4 §4.9.1): cancel one message (by message_id) or every
/// pending message from source to destination of a service_type (message_id empty).
public struct CancelSM: TableDeclaredBody {
    public var serviceType = ""
    public var messageID = ""
    public var source = SMEAddress()
    public var destination = SMEAddress()

    public init() {}

    static let layout: [FieldLayout<CancelSM>] =
        [
            .cString(.serviceType, maximum: 6, \.serviceType),
            .cString(.messageID, maximum: 65, \.messageID),
        ]
        + FieldLayout<Self>.address(.sourceAddrTON, .sourceAddrNPI, .sourceAddr, maximum: 21, \.source)
        + FieldLayout<Self>.address(.destAddrTON, .destAddrNPI, .destinationAddr, maximum: 21, \.destination)
}
