/// The tag of an optional parameter (SMPP 3.4 §5.3.2, table 5-1 / 5-2). An open set: tags
/// outside the table (vendor tags 0x1400–0x3FFF among them) are kept verbatim.
public struct TLVTag: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// How the value of a known tag is laid out on the wire.
    public enum Kind: Hashable, Sendable {
        /// No value at all (alert_on_message_delivery, §5.3.2.41).
        case empty
        /// A big-endian unsigned integer of 1, 2 or 4 octets.
        case integer(octets: Int)
        /// A C-octet string; `maximum` counts the NUL.
        case cString(maximum: Int)
        /// Octets, between `minimum` and `maximum` of them.
        case octets(minimum: Int, maximum: Int)
    }

    public static let destAddrSubunit = TLVTag(rawValue: 0x0005)
    public static let destNetworkType = TLVTag(rawValue: 0x0006)
    public static let destBearerType = TLVTag(rawValue: 0x0007)
    public static let destTelematicsID = TLVTag(rawValue: 0x0008)
    public static let sourceAddrSubunit = TLVTag(rawValue: 0x000D)
    public static let sourceNetworkType = TLVTag(rawValue: 0x000E)
    public static let sourceBearerType = TLVTag(rawValue: 0x000F)
    public static let sourceTelematicsID = TLVTag(rawValue: 0x0010)
    public static let qosTimeToLive = TLVTag(rawValue: 0x0017)
    public static let payloadType = TLVTag(rawValue: 0x0019)
    public static let additionalStatusInfoText = TLVTag(rawValue: 0x001D)
    public static let receiptedMessageID = TLVTag(rawValue: 0x001E)
    public static let msMsgWaitFacilities = TLVTag(rawValue: 0x0030)
    public static let privacyIndicator = TLVTag(rawValue: 0x0201)
    public static let sourceSubaddress = TLVTag(rawValue: 0x0202)
    public static let destSubaddress = TLVTag(rawValue: 0x0203)
    public static let userMessageReference = TLVTag(rawValue: 0x0204)
    public static let userResponseCode = TLVTag(rawValue: 0x0205)
    public static let sourcePort = TLVTag(rawValue: 0x020A)
    public static let destinationPort = TLVTag(rawValue: 0x020B)
    public static let sarMsgRefNum = TLVTag(rawValue: 0x020C)
    public static let languageIndicator = TLVTag(rawValue: 0x020D)
    public static let sarTotalSegments = TLVTag(rawValue: 0x020E)
    public static let sarSegmentSeqnum = TLVTag(rawValue: 0x020F)
    public static let scInterfaceVersion = TLVTag(rawValue: 0x0210)
    public static let callbackNumPresInd = TLVTag(rawValue: 0x0302)
    public static let callbackNumAtag = TLVTag(rawValue: 0x0303)
    public static let numberOfMessages = TLVTag(rawValue: 0x0304)
    public static let callbackNum = TLVTag(rawValue: 0x0381)
    public static let dpfResult = TLVTag(rawValue: 0x0420)
    public static let setDPF = TLVTag(rawValue: 0x0421)
    public static let msAvailabilityStatus = TLVTag(rawValue: 0x0422)
    public static let networkErrorCode = TLVTag(rawValue: 0x0423)
    public static let messagePayload = TLVTag(rawValue: 0x0424)
    public static let deliveryFailureReason = TLVTag(rawValue: 0x0425)
    public static let moreMessagesToSend = TLVTag(rawValue: 0x0426)
    public static let messageState = TLVTag(rawValue: 0x0427)
    public static let ussdServiceOp = TLVTag(rawValue: 0x0501)
    public static let displayTime = TLVTag(rawValue: 0x1201)
    public static let smsSignal = TLVTag(rawValue: 0x1203)
    public static let msValidity = TLVTag(rawValue: 0x1204)
    public static let alertOnMessageDelivery = TLVTag(rawValue: 0x130C)
    public static let itsReplyType = TLVTag(rawValue: 0x1380)
    public static let itsSessionInfo = TLVTag(rawValue: 0x1383)

    /// The table of §5.3.2: every standard tag with its name and value layout.
    public static let all: [(tag: TLVTag, name: String, kind: Kind)] = [
        (.destAddrSubunit, "dest_addr_subunit", .integer(octets: 1)),
        (.destNetworkType, "dest_network_type", .integer(octets: 1)),
        (.destBearerType, "dest_bearer_type", .integer(octets: 1)),
        (.destTelematicsID, "dest_telematics_id", .integer(octets: 2)),
        (.sourceAddrSubunit, "source_addr_subunit", .integer(octets: 1)),
        (.sourceNetworkType, "source_network_type", .integer(octets: 1)),
        (.sourceBearerType, "source_bearer_type", .integer(octets: 1)),
        // §5.3.2.16 gives one octet; implementations disagree (smpplib sends two): either.
        (.sourceTelematicsID, "source_telematics_id", .octets(minimum: 1, maximum: 2)),
        (.qosTimeToLive, "qos_time_to_live", .integer(octets: 4)),
        (.payloadType, "payload_type", .integer(octets: 1)),
        (.additionalStatusInfoText, "additional_status_info_text", .cString(maximum: 256)),
        (.receiptedMessageID, "receipted_message_id", .cString(maximum: 65)),
        (.msMsgWaitFacilities, "ms_msg_wait_facilities", .integer(octets: 1)),
        (.privacyIndicator, "privacy_indicator", .integer(octets: 1)),
        (.sourceSubaddress, "source_subaddress", .octets(minimum: 2, maximum: 23)),
        (.destSubaddress, "dest_subaddress", .octets(minimum: 2, maximum: 23)),
        (.userMessageReference, "user_message_reference", .integer(octets: 2)),
        (.userResponseCode, "user_response_code", .integer(octets: 1)),
        (.sourcePort, "source_port", .integer(octets: 2)),
        (.destinationPort, "destination_port", .integer(octets: 2)),
        (.sarMsgRefNum, "sar_msg_ref_num", .integer(octets: 2)),
        (.languageIndicator, "language_indicator", .integer(octets: 1)),
        (.sarTotalSegments, "sar_total_segments", .integer(octets: 1)),
        (.sarSegmentSeqnum, "sar_segment_seqnum", .integer(octets: 1)),
        (.scInterfaceVersion, "sc_interface_version", .integer(octets: 1)),
        (.callbackNumPresInd, "callback_num_pres_ind", .integer(octets: 1)),
        (.callbackNumAtag, "callback_num_atag", .octets(minimum: 0, maximum: 65)),
        (.numberOfMessages, "number_of_messages", .integer(octets: 1)),
        (.callbackNum, "callback_num", .octets(minimum: 4, maximum: 19)),
        (.dpfResult, "dpf_result", .integer(octets: 1)),
        (.setDPF, "set_dpf", .integer(octets: 1)),
        (.msAvailabilityStatus, "ms_availability_status", .integer(octets: 1)),
        (.networkErrorCode, "network_error_code", .octets(minimum: 3, maximum: 3)),
        (.messagePayload, "message_payload", .octets(minimum: 0, maximum: 65535)),
        (.deliveryFailureReason, "delivery_failure_reason", .integer(octets: 1)),
        (.moreMessagesToSend, "more_messages_to_send", .integer(octets: 1)),
        (.messageState, "message_state", .integer(octets: 1)),
        (.ussdServiceOp, "ussd_service_op", .integer(octets: 1)),
        (.displayTime, "display_time", .integer(octets: 1)),
        (.smsSignal, "sms_signal", .integer(octets: 2)),
        (.msValidity, "ms_validity", .integer(octets: 1)),
        (.alertOnMessageDelivery, "alert_on_message_delivery", .empty),
        (.itsReplyType, "its_reply_type", .integer(octets: 1)),
        (.itsSessionInfo, "its_session_info", .integer(octets: 2)),
    ]

    private static let table: [UInt16: (name: String, kind: Kind)] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.tag.rawValue, ($0.name, $0.kind)) })
    private static let byName: [String: TLVTag] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name, $0.tag) })

    /// The specification name (`message_payload`), or nil for a tag outside the table.
    public var name: String? { Self.table[rawValue]?.name }

    /// The value layout of a known tag; nil for an unknown tag (kept as octets).
    public var kind: Kind? { Self.table[rawValue]?.kind }

    /// The tag named `name` in the specification, if there is one.
    public init?(name: String) {
        guard let tag = Self.byName[name] else { return nil }
        self = tag
    }

    public var description: String {
        name ?? "0x" + String(rawValue, radix: 16, uppercase: true)
    }
}
