/// The command_id of a PDU (SMPP 3.4 §5.1.2.1). Responses have bit 31 set.
///
/// An open set: a value not in the table still round-trips, and the body decoder answers it
/// with `ESME_RINVCMDID`.
public struct CommandID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let genericNack = CommandID(rawValue: 0x8000_0000)
    public static let bindReceiver = CommandID(rawValue: 0x0000_0001)
    public static let bindReceiverResp = CommandID(rawValue: 0x8000_0001)
    public static let bindTransmitter = CommandID(rawValue: 0x0000_0002)
    public static let bindTransmitterResp = CommandID(rawValue: 0x8000_0002)
    public static let querySM = CommandID(rawValue: 0x0000_0003)
    public static let querySMResp = CommandID(rawValue: 0x8000_0003)
    public static let submitSM = CommandID(rawValue: 0x0000_0004)
    public static let submitSMResp = CommandID(rawValue: 0x8000_0004)
    public static let deliverSM = CommandID(rawValue: 0x0000_0005)
    public static let deliverSMResp = CommandID(rawValue: 0x8000_0005)
    public static let unbind = CommandID(rawValue: 0x0000_0006)
    public static let unbindResp = CommandID(rawValue: 0x8000_0006)
    public static let replaceSM = CommandID(rawValue: 0x0000_0007)
    public static let replaceSMResp = CommandID(rawValue: 0x8000_0007)
    public static let cancelSM = CommandID(rawValue: 0x0000_0008)
    public static let cancelSMResp = CommandID(rawValue: 0x8000_0008)
    public static let bindTransceiver = CommandID(rawValue: 0x0000_0009)
    public static let bindTransceiverResp = CommandID(rawValue: 0x8000_0009)
    public static let outbind = CommandID(rawValue: 0x0000_000B)
    public static let enquireLink = CommandID(rawValue: 0x0000_0015)
    public static let enquireLinkResp = CommandID(rawValue: 0x8000_0015)
    public static let submitMulti = CommandID(rawValue: 0x0000_0021)
    public static let submitMultiResp = CommandID(rawValue: 0x8000_0021)
    public static let alertNotification = CommandID(rawValue: 0x0000_0102)
    public static let dataSM = CommandID(rawValue: 0x0000_0103)
    public static let dataSMResp = CommandID(rawValue: 0x8000_0103)

    /// Every command of SMPP 3.4 with its specification name, in command_id order.
    public static let all: [(id: CommandID, name: String)] = [
        (.bindReceiver, "bind_receiver"), (.bindTransmitter, "bind_transmitter"),
        (.querySM, "query_sm"), (.submitSM, "submit_sm"), (.deliverSM, "deliver_sm"),
        (.unbind, "unbind"), (.replaceSM, "replace_sm"), (.cancelSM, "cancel_sm"),
        (.bindTransceiver, "bind_transceiver"), (.outbind, "outbind"),
        (.enquireLink, "enquire_link"), (.submitMulti, "submit_multi"),
        (.alertNotification, "alert_notification"), (.dataSM, "data_sm"),
        (.genericNack, "generic_nack"),
        (.bindReceiverResp, "bind_receiver_resp"), (.bindTransmitterResp, "bind_transmitter_resp"),
        (.querySMResp, "query_sm_resp"), (.submitSMResp, "submit_sm_resp"),
        (.deliverSMResp, "deliver_sm_resp"), (.unbindResp, "unbind_resp"),
        (.replaceSMResp, "replace_sm_resp"), (.cancelSMResp, "cancel_sm_resp"),
        (.bindTransceiverResp, "bind_transceiver_resp"), (.enquireLinkResp, "enquire_link_resp"),
        (.submitMultiResp, "submit_multi_resp"), (.dataSMResp, "data_sm_resp"),
    ]

    private static let names: [UInt32: String] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.id.rawValue, $0.name) })
    private static let byName: [String: CommandID] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name, $0.id) })

    /// The specification name (`submit_sm`), or nil for a command_id SMPP 3.4 does not define.
    public var name: String? { Self.names[rawValue] }

    /// The command named `name` in the specification (`submit_sm`), if there is one.
    public init?(name: String) {
        guard let id = Self.byName[name] else { return nil }
        self = id
    }

    /// Whether this is a response (§5.1.2.1: bit 31 set), which a peer must not answer.
    public var isResponse: Bool { rawValue & 0x8000_0000 != 0 }

    /// The response that answers this request; generic_nack for a response or an unknown id.
    public var response: CommandID {
        guard !isResponse, name != nil, self != .outbind, self != .alertNotification else {
            return .genericNack
        }
        return CommandID(rawValue: rawValue | 0x8000_0000)
    }

    public var description: String {
        name ?? "command_id 0x" + String(rawValue, radix: 16, uppercase: true)
    }
}
