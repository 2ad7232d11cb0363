/// The body of bind_transmitter, bind_receiver and bind_transceiver (SMPP 3.4 §4.1.1,
/// §4.1.3, §4.1.5): who the ESME is and which addresses it serves.
public struct Bind: TableDeclaredBody {
    /// At most 15 characters (16 octets with the NUL).
    public var systemID = ""
    /// At most 8 characters (9 octets).
    public var password = ""
    /// At most 12 characters (13 octets).
    public var systemType = ""
    /// 0x34 for SMPP 3.4 (§5.2.4).
    public var interfaceVersion: UInt8 = 0x34
    /// addr_ton, addr_npi and address_range (a regular expression, at most 40 characters).
    public var addressRange = SMEAddress()

    public init() {}

    public init(systemID: String, password: String, systemType: String = "",
                interfaceVersion: UInt8 = 0x34, addressRange: SMEAddress = SMEAddress()) {
        (self.systemID, self.password, self.systemType) = (systemID, password, systemType)
        (self.interfaceVersion, self.addressRange) = (interfaceVersion, addressRange)
    }

    static let layout: [FieldLayout<Bind>] = [
        .cString(.systemID, maximum: 16, \.systemID),
        .cString(.password, maximum: 9, \.password),
        .cString(.systemType, maximum: 13, \.systemType),
        .octet(.interfaceVersion, \.interfaceVersion),
    ] + FieldLayout<Self>.address(.addrTON, .addrNPI, .addressRange, maximum: 41, \.addressRange)
}

/// The body of bind_transmitter_resp, bind_receiver_resp and bind_transceiver_resp
/// (§4.1.2, §4.1.4, §4.1.6): the SMSC's system_id and, optionally, sc_interface_version.
public struct BindResponse: TableDeclaredBody {
    public var systemID = ""
    public var tlvs = TLVList()

    public init() {}

    public init(systemID: String, tlvs: TLVList = []) {
        (self.systemID, self.tlvs) = (systemID, tlvs)
    }

    static let layout: [FieldLayout<BindResponse>] = [
        .cString(.systemID, maximum: 16, \.systemID),
        .tlvs(\.tlvs),
    ]
}

/// The body of outbind (§4.1.7): the SMSC asks the ESME to bind as a receiver.
public struct Outbind: TableDeclaredBody {
    public var systemID = ""
    public var password = ""

    public init() {}

    public init(systemID: String, password: String) {
        (self.systemID, self.password) = (systemID, password)
    }

    static let layout: [FieldLayout<Outbind>] = [
        .cString(.systemID, maximum: 16, \.systemID),
        .cString(.password, maximum: 9, \.password),
    ]
}
