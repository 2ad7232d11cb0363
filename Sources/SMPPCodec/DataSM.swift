/// The body of data_sm (SMPP 3.4 §4.7.1): a message whose content travels in TLVs
/// (message_payload), with addresses of up to 64 characters.
public struct DataSM: TableDeclaredBody {
    public var serviceType = ""
    public var source = SMEAddress()
    public var destination = SMEAddress()
    public var esmClass: UInt8 = 0
    public var registeredDelivery: UInt8 = 0
    public var dataCoding: UInt8 = 0
    public var tlvs = TLVList()

    public init() {}

    static let layout: [FieldLayout<DataSM>] =
        [.cString(.serviceType, maximum: 6, \.serviceType)]
        + FieldLayout<Self>.address(.sourceAddrTON, .sourceAddrNPI, .sourceAddr, maximum: 65, \.source)
        + FieldLayout<Self>.address(.destAddrTON, .destAddrNPI, .destinationAddr, maximum: 65, \.destination)
        + [
            .octet(.esmClass, \.esmClass),
            .octet(.registeredDelivery, \.registeredDelivery),
            .octet(.dataCoding, \.dataCoding),
            .tlvs(\.tlvs),
        ]
}

/// The body of data_sm_resp (§4.7.2): the message id and optional failure details.
public struct DataSMResponse: TableDeclaredBody {
    public var messageID = ""
    public var tlvs = TLVList()

    public init() {}

    public init(messageID: String, tlvs: TLVList = []) {
        (self.messageID, self.tlvs) = (messageID, tlvs)
    }

    static let layout: [FieldLayout<DataSMResponse>] = [
        .cString(.messageID, maximum: 65, \.messageID),
        .tlvs(\.tlvs),
    ]
}
