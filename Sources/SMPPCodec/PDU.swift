/// One SMPP 3.4 PDU (§3.2): the header's command_status and sequence_number, and a body whose
/// case gives the command_id. command_length is computed when encoding.
public struct PDU: Hashable, Sendable {
    public var commandStatus: CommandStatus
    public var sequenceNumber: UInt32
    public var body: PDUBody

    public var commandID: CommandID { body.commandID }

    public init(_ body: PDUBody, sequenceNumber: UInt32, status: CommandStatus = .ok) {
        self.body = body
        self.sequenceNumber = sequenceNumber
        self.commandStatus = status
    }

    /// The header length (§3.2): command_length, command_id, command_status, sequence_number.
    public static let headerLength = 16

    /// Decodes one whole PDU: exactly `command_length` octets, header included.
    public init(decoding bytes: [UInt8]) throws(SMPPDecodingError) {
        try self.init(decoding: bytes, in: bytes.startIndex..<bytes.endIndex)
    }

    /// Decodes a frame the `SMPPFrameDecoder` produced.
    public init(decoding frame: SMPPFrame) throws(SMPPDecodingError) {
        try self.init(decoding: frame.bytes, in: frame.bytes.startIndex..<frame.bytes.endIndex)
    }

    /// Decodes the PDU occupying `range` of `bytes`, without copying the buffer.
    public init(decoding bytes: [UInt8], in range: Range<Int>) throws(SMPPDecodingError) {
        var reader = BodyReader(bytes: bytes, index: range.lowerBound, end: range.upperBound,
                                commandID: CommandID(rawValue: 0), sequenceNumber: 0)
        guard range.count >= Self.headerLength else {
            throw reader.error(.commandLength, .truncated)
        }
        let length = try reader.readUInt32(.commandLength)
        let commandID = CommandID(rawValue: try reader.readUInt32(.commandID))
        let status = CommandStatus(rawValue: try reader.readUInt32(.commandStatus))
        let sequence = try reader.readUInt32(.sequenceNumber)
        reader = BodyReader(bytes: bytes, index: reader.index, end: range.upperBound,
                            commandID: commandID, sequenceNumber: sequence)
        guard length == range.count else {
            throw reader.error(.commandLength, .lengthMismatch(actual: range.count))
        }
        self.init(try PDUBody.decode(commandID, from: &reader), sequenceNumber: sequence, status: status)
    }

    /// Appends the PDU to `buffer` (which may hold earlier PDUs: a reusable output buffer).
    public func encode(into buffer: inout [UInt8]) throws(SMPPEncodingError) {
        let start = buffer.count
        buffer.appendUInt32(0)
        buffer.appendUInt32(commandID.rawValue)
        buffer.appendUInt32(commandStatus.rawValue)
        buffer.appendUInt32(sequenceNumber)
        do {
            try body.content?.encode(into: &buffer)
        } catch {
            buffer.removeSubrange(start...)
            throw error
        }
        let length = UInt32(buffer.count - start)
        buffer[start] = UInt8(length >> 24)
        buffer[start + 1] = UInt8(truncatingIfNeeded: length >> 16)
        buffer[start + 2] = UInt8(truncatingIfNeeded: length >> 8)
        buffer[start + 3] = UInt8(truncatingIfNeeded: length)
    }

    /// The PDU's octets.
    public func encoded() throws(SMPPEncodingError) -> [UInt8] {
        var buffer: [UInt8] = []
        try encode(into: &buffer)
        return buffer
    }

    /// The generic view: see `PDUBody.fieldValues`.
    public var fieldValues: [(field: SMPPField, value: SMPPFieldValue)] { body.fieldValues }

    /// Builds a PDU from named fields: see `PDUBody.init(commandID:fieldValues:)`.
    public init(commandID: CommandID, status: CommandStatus = .ok, sequenceNumber: UInt32,
                fieldValues: [(field: SMPPField, value: SMPPFieldValue)]) throws(SMPPFieldValueError) {
        self.init(try PDUBody(commandID: commandID, fieldValues: fieldValues),
                  sequenceNumber: sequenceNumber, status: status)
    }

    /// The answer to a request that failed with `status`: its own response without a body
    /// (§4.4.2 and the like), or generic_nack when the command has no response (§4.3.1).
    public static func errorResponse(to commandID: CommandID, sequenceNumber: UInt32, status: CommandStatus) -> PDU {
        let body: PDUBody = switch commandID.response {
        case .bindReceiverResp: .bindReceiverResp(nil)
        case .bindTransmitterResp: .bindTransmitterResp(nil)
        case .bindTransceiverResp: .bindTransceiverResp(nil)
        case .querySMResp: .querySMResp(nil)
        case .submitSMResp: .submitSMResp(nil)
        case .deliverSMResp: .deliverSMResp(nil)
        case .unbindResp: .unbindResp
        case .replaceSMResp: .replaceSMResp
        case .cancelSMResp: .cancelSMResp
        case .enquireLinkResp: .enquireLinkResp
        case .submitMultiResp: .submitMultiResp(nil)
        case .dataSMResp: .dataSMResp(nil)
        default: .genericNack
        }
        return PDU(body, sequenceNumber: sequenceNumber, status: status)
    }
}

extension SMPPDecodingError {
    /// What a server sends back for this malformed PDU (§3.3, §4.3): generic_nack for an
    /// unknown command, a bad length or a malformed response; otherwise the command's own
    /// response with `status`. A malformed response gets no answer if it is generic_nack.
    public var response: PDU? {
        if commandID == .genericNack { return nil }
        if answerWithGenericNack {
            return PDU(.genericNack, sequenceNumber: sequenceNumber, status: status)
        }
        return PDU.errorResponse(to: commandID, sequenceNumber: sequenceNumber, status: status)
    }
}
