/// The optional parameters of a PDU in wire order, with typed access to the standard ones
/// (SMPP 3.4 §5.3.2). Setting a typed property replaces the first TLV with that tag (or
/// appends one); setting nil removes every TLV with that tag.
public struct TLVList: Hashable, Sendable, ExpressibleByArrayLiteral {
    public var entries: [TLV]

    public init(_ entries: [TLV] = []) { self.entries = entries }
    public init(arrayLiteral elements: TLV...) { self.entries = elements }

    public var isEmpty: Bool { entries.isEmpty }

    /// The value of the first TLV with `tag`.
    public subscript(tag: TLVTag) -> TLV.Value? {
        get { entries.first { $0.tag == tag }?.value }
        set {
            guard let newValue else {
                entries.removeAll { $0.tag == tag }
                return
            }
            if let index = entries.firstIndex(where: { $0.tag == tag }) {
                entries[index].value = newValue
            } else {
                entries.append(TLV(tag: tag, value: newValue))
            }
        }
    }

    func integer(_ tag: TLVTag) -> UInt32? {
        if case .integer(let value) = self[tag] { value } else { nil }
    }

    /// §5.3.2.32: the whole message, instead of short_message (up to 64K octets).
    public var messagePayload: [UInt8]? {
        get { if case .octets(let bytes) = self[.messagePayload] { bytes } else { nil } }
        set { self[.messagePayload] = newValue.map { .octets($0) } }
    }

    /// §5.3.2.12: the SMSC message id a delivery receipt is about.
    public var receiptedMessageID: String? {
        get { if case .string(let text) = self[.receiptedMessageID] { text } else { nil } }
        set { self[.receiptedMessageID] = newValue.map { .string($0) } }
    }

    /// §5.3.2.35: the state of the message a delivery receipt is about.
    public var messageState: MessageState? {
        get { integer(.messageState).map { MessageState(rawValue: UInt8(truncatingIfNeeded: $0)) } }
        set { self[.messageState] = newValue.map { .integer(UInt32($0.rawValue)) } }
    }

    /// §5.3.2.22–24: the concatenation reference, part count and part number (1-based).
    public var segmentation: Segmentation? {
        get {
            guard let reference = integer(.sarMsgRefNum), let total = integer(.sarTotalSegments),
                  let number = integer(.sarSegmentSeqnum) else { return nil }
            return Segmentation(reference: UInt16(truncatingIfNeeded: reference),
                                total: UInt8(truncatingIfNeeded: total),
                                number: UInt8(truncatingIfNeeded: number))
        }
        set {
            self[.sarMsgRefNum] = newValue.map { .integer(UInt32($0.reference)) }
            self[.sarTotalSegments] = newValue.map { .integer(UInt32($0.total)) }
            self[.sarSegmentSeqnum] = newValue.map { .integer(UInt32($0.number)) }
        }
    }

    /// §5.3.2.17: the ESME's own reference for the message.
    public var userMessageReference: UInt16? {
        get { integer(.userMessageReference).map { UInt16(truncatingIfNeeded: $0) } }
        set { self[.userMessageReference] = newValue.map { .integer(UInt32($0)) } }
    }

    /// §5.3.2.20: the application port of the sender.
    public var sourcePort: UInt16? {
        get { integer(.sourcePort).map { UInt16(truncatingIfNeeded: $0) } }
        set { self[.sourcePort] = newValue.map { .integer(UInt32($0)) } }
    }

    /// §5.3.2.21: the application port of the recipient.
    public var destinationPort: UInt16? {
        get { integer(.destinationPort).map { UInt16(truncatingIfNeeded: $0) } }
        set { self[.destinationPort] = newValue.map { .integer(UInt32($0)) } }
    }

    /// §5.3.2.31: the network's own error (network type, then a 2-octet code).
    public var networkErrorCode: NetworkErrorCode? {
        get {
            guard case .octets(let bytes) = self[.networkErrorCode], bytes.count == 3 else { return nil }
            return NetworkErrorCode(networkType: bytes[0], code: UInt16(bytes[1]) << 8 | UInt16(bytes[2]))
        }
        set {
            self[.networkErrorCode] = newValue.map {
                .octets([$0.networkType, UInt8($0.code >> 8), UInt8(truncatingIfNeeded: $0.code)])
            }
        }
    }

    /// §5.3.2.25: the SMPP version the SMSC supports, in bind responses.
    public var scInterfaceVersion: UInt8? {
        get { integer(.scInterfaceVersion).map { UInt8(truncatingIfNeeded: $0) } }
        set { self[.scInterfaceVersion] = newValue.map { .integer(UInt32($0)) } }
    }

    /// §5.3.2.34: whether more messages follow for the same destination.
    public var moreMessagesToSend: Bool? {
        get { integer(.moreMessagesToSend).map { $0 != 0 } }
        set { self[.moreMessagesToSend] = newValue.map { .integer($0 ? 1 : 0) } }
    }

    /// §5.3.2.10: 0 = WDP (default), 1 = WCMP.
    public var payloadType: UInt8? {
        get { integer(.payloadType).map { UInt8(truncatingIfNeeded: $0) } }
        set { self[.payloadType] = newValue.map { .integer(UInt32($0)) } }
    }

    /// §5.3.2.27: how long the handset keeps the message (0 store indefinitely … 3 display only).
    public var msValidity: UInt8? {
        get { integer(.msValidity).map { UInt8(truncatingIfNeeded: $0) } }
        set { self[.msValidity] = newValue.map { .integer(UInt32($0)) } }
    }
}

/// sar_msg_ref_num, sar_total_segments and sar_segment_seqnum together (§5.3.2.22–24).
public struct Segmentation: Hashable, Sendable {
    public var reference: UInt16
    public var total: UInt8
    public var number: UInt8
    public init(reference: UInt16, total: UInt8, number: UInt8) {
        (self.reference, self.total, self.number) = (reference, total, number)
    }
}

/// network_error_code (§5.3.2.31): network type (1 ANSI-136, 2 IS-95, 3 GSM, …) and its code.
public struct NetworkErrorCode: Hashable, Sendable {
    public var networkType: UInt8
    public var code: UInt16
    public init(networkType: UInt8, code: UInt16) { (self.networkType, self.code) = (networkType, code) }
}
