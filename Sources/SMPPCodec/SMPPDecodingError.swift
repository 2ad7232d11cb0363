/// A PDU whose framing was sound but whose body is not (SMPP 3.4 §4, §5): it names the field
/// and carries the header, so a server can answer with generic_nack or with the matching
/// response and `status`, and keep the session up.
public struct SMPPDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// The PDU ends inside this field.
        case truncated
        /// A C-octet string has no NUL within its maximum length (which counts the NUL).
        case tooLong(maximum: Int)
        /// A string is not valid UTF-8 (§3.1 says ASCII; any UTF-8 is tolerated).
        case invalidUTF8
        /// A time field is neither empty nor "YYMMDDhhmmsstnnp" (§7.1.1).
        case invalidTime(SMPPTimeError)
        /// A value outside what the field allows (sm_length 255, dest_flag 3, …).
        case invalidValue(UInt32)
        /// A known TLV whose length does not fit its definition (§5.3.2).
        case invalidTLVLength(Int)
        /// Bytes left after the last field of a body that takes no TLVs.
        case trailingBytes(Int)
        /// command_length disagrees with the bytes given.
        case lengthMismatch(actual: Int)
        /// command_id is not one of SMPP 3.4.
        case unknownCommand
    }

    public var commandID: CommandID
    public var sequenceNumber: UInt32
    public var field: SMPPField
    /// The TLV at fault when `field` is `optional_parameters`.
    public var tlvTag: UInt16?
    public var reason: Reason

    public init(commandID: CommandID, sequenceNumber: UInt32, field: SMPPField,
                tlvTag: UInt16? = nil, reason: Reason) {
        self.commandID = commandID
        self.sequenceNumber = sequenceNumber
        self.field = field
        self.tlvTag = tlvTag
        self.reason = reason
    }

    /// The command_status to answer with (§5.1.3).
    public var status: CommandStatus {
        switch reason {
        case .unknownCommand: .invalidCommandID
        case .lengthMismatch, .trailingBytes: .invalidCommandLength
        case .invalidTLVLength: .invalidParameterLength
        default: tlvTag == nil ? field.errorStatus : .invalidOptionalParameterStream
        }
    }

    /// Whether the answer must be generic_nack (§3.3: unknown command, bad length, or the PDU
    /// is itself a response) rather than the command's own response.
    public var answerWithGenericNack: Bool {
        commandID.isResponse || commandID.response == .genericNack
            || reason == .unknownCommand || status == .invalidCommandLength
    }

    public var description: String {
        if field == .commandLength, reason == .truncated {
            return "the PDU is shorter than its 16-octet header"
        }
        let place = tlvTag.map { "TLV " + TLVTag(rawValue: $0).description } ?? field.rawValue
        let what: String = switch reason {
        case .truncated: "the PDU ends inside it"
        case .tooLong(let maximum): "no NUL within its maximum of \(maximum) octets"
        case .invalidUTF8: "not valid UTF-8"
        case .invalidTime(let error): error.description
        case .invalidValue(let value): "value \(value) is not allowed"
        case .invalidTLVLength(let length): "length \(length) does not fit its definition"
        case .trailingBytes(let count): "\(count) octets after the last field"
        case .lengthMismatch(let actual): "command_length disagrees with the \(actual) octets given"
        case .unknownCommand: "not an SMPP 3.4 command"
        }
        return "\(commandID) sequence \(sequenceNumber): \(place): \(what)"
    }
}

/// A value that cannot be put on the wire: a string over its field's maximum, a NUL inside a
/// C-octet string, a list longer than its count field holds.
public struct SMPPEncodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// Longer than the field allows; `maximum` counts octets (with the NUL for C-strings).
        case tooLong(maximum: Int)
        /// A NUL inside a C-octet string would end it early.
        case containsNUL
        /// A value the field cannot carry.
        case invalidValue
    }

    public var field: SMPPField
    public var tlvTag: UInt16?
    public var reason: Reason

    public init(field: SMPPField, tlvTag: UInt16? = nil, reason: Reason) {
        self.field = field
        self.tlvTag = tlvTag
        self.reason = reason
    }

    public var description: String {
        let place = tlvTag.map { "TLV " + TLVTag(rawValue: $0).description } ?? field.rawValue
        return switch reason {
        case .tooLong(let maximum): "\(place): longer than its maximum of \(maximum) octets"
        case .containsNUL: "\(place): contains a NUL"
        case .invalidValue: "\(place): value not allowed"
        }
    }
}
