/// The body of alert_notification (SMPP 3.4 §4.12.1): a handset became available; the
/// ms_availability_status TLV may say how.
public struct AlertNotification: TableDeclaredBody {
    public var source = SMEAddress()
    public var esme = SMEAddress()
    public var tlvs = TLVList()

    public init() {}

    static let layout: [FieldLayout<AlertNotification>] =
        FieldLayout<Self>.address(.sourceAddrTON, .sourceAddrNPI, .sourceAddr, maximum: 65, \.source)
        + FieldLayout<Self>.address(.esmeAddrTON, .esmeAddrNPI, .esmeAddr, maximum: 65, \.esme)
        + [.tlvs(\.tlvs)]
}
