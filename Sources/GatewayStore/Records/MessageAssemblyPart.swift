/// One part of a message split upstream (SMPP UDH concatenation IE or SAR TLVs, 3GPP TS
/// 23.040 §9.2.3.24.1): the message is stored once, its parts as they arrive
/// (``GatewayDatabase/accept(_:now:)``), and it becomes sendable when all `total` are there.
public struct MessageAssemblyPart: Sendable, Hashable {
    /// Names the message among the account's incomplete ones (kind, reference, total,
    /// source and destination, as ingress builds it).
    public var key: String
    /// Parts of the whole message, 1...255.
    public var total: Int
    /// This part's number, 1...total.
    public var sequence: Int

    public init(key: String, total: Int, sequence: Int) {
        (self.key, self.total, self.sequence) = (key, total, sequence)
    }
}
