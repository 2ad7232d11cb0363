/// The body of query_sm (SMPP 3.4 §4.8.1): which message, submitted from which address.
public struct QuerySM: TableDeclaredBody {
    public var messageID = ""
    public var source = SMEAddress()

    public init() {}

    public init(messageID: String, source: SMEAddress = SMEAddress()) {
        (self.messageID, self.source) = (messageID, source)
    }

    static let layout: [FieldLayout<QuerySM>] =
        [.cString(.messageID, maximum: 65, \.messageID)]
        + FieldLayout<Self>.address(.sourceAddrTON, .sourceAddrNPI, .sourceAddr, maximum: 21, \.source)
}

/// The body of query_sm_resp (§4.8.2): the message's state and when it reached it.
public struct QuerySMResponse: TableDeclaredBody {
    public var messageID = ""
    /// When the message reached its final state; nil while it has not.
    public var finalDate: SMPPTime?
    public var messageState = MessageState.enroute
    /// The network error code for a failed message (§5.2.31).
    public var errorCode: UInt8 = 0

    public init() {}

    public init(messageID: String, finalDate: SMPPTime? = nil, messageState: MessageState, errorCode: UInt8 = 0) {
        (self.messageID, self.finalDate) = (messageID, finalDate)
        (self.messageState, self.errorCode) = (messageState, errorCode)
    }

    static let layout: [FieldLayout<QuerySMResponse>] = [
        .cString(.messageID, maximum: 65, \.messageID),
        .time(.finalDate, \.finalDate),
        .octet(.messageState, \.messageState),
        .octet(.errorCode, \.errorCode),
    ]
}
