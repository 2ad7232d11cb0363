/// The value of one body field in the generic view of a PDU (`PDU.fieldValues`), for tools
/// that show or build PDUs by field name (the CLI, logs) rather than through the typed bodies.
public enum SMPPFieldValue: Hashable, Sendable {
    /// Integer fields (§3.1), TON/NPI and flags included.
    case integer(UInt32)
    /// C-octet strings (§3.1), without the NUL.
    case string(String)
    /// short_message (sm_length follows from it).
    case octets([UInt8])
    /// schedule_delivery_time, validity_period, final_date; nil is the empty string.
    case time(SMPPTime?)
    /// submit_multi's dest_address list (number_of_dests follows from it).
    case destinations([SubmitMultiDestination])
    /// submit_multi_resp's unsuccess_sme list (no_unsuccess follows from it).
    case unsuccessful([UnsuccessfulSME])
    /// The optional parameters.
    case tlvs(TLVList)
}

/// A generic value that does not fit the field it was given for.
public struct SMPPFieldValueError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// The command has no such field.
        case notInCommand
        /// The value has the wrong type or does not fit the field.
        case invalidValue
    }

    public var commandID: CommandID
    public var field: SMPPField
    public var reason: Reason

    public init(commandID: CommandID, field: SMPPField, reason: Reason) {
        (self.commandID, self.field, self.reason) = (commandID, field, reason)
    }

    public var description: String {
        switch reason {
        case .notInCommand: "\(commandID) has no field \(field)"
        case .invalidValue: "\(commandID): the value of \(field) has the wrong type or does not fit"
        }
    }
}

/// A body declared by its table of fields (`FieldLayout`): decoding, encoding and the
/// generic view come from the table.
protocol TableDeclaredBody: Hashable, Sendable {
    init()
    static var layout: [FieldLayout<Self>] { get }
}

extension TableDeclaredBody {
    static func decode(from reader: inout BodyReader) throws(SMPPDecodingError) -> Self {
        var body = Self()
        for field in layout { try field.read(&reader, &body) }
        guard reader.remaining == 0 else {
            throw reader.error(.commandLength, .trailingBytes(reader.remaining))
        }
        return body
    }

    func encode(into buffer: inout [UInt8]) throws(SMPPEncodingError) {
        for field in Self.layout { try field.write(self, &buffer) }
    }

    var fieldValues: [(field: SMPPField, value: SMPPFieldValue)] {
        Self.layout.map { ($0.field, $0.get(self)) }
    }

    /// Starts from the defaults of `init()` and sets each given field.
    init(commandID: CommandID, fieldValues: [(field: SMPPField, value: SMPPFieldValue)]) throws(SMPPFieldValueError) {
        self.init()
        for (field, value) in fieldValues {
            guard let layout = Self.layout.first(where: { $0.field == field }) else {
                throw SMPPFieldValueError(commandID: commandID, field: field, reason: .notInCommand)
            }
            guard layout.set(&self, value) else {
                throw SMPPFieldValueError(commandID: commandID, field: field, reason: .invalidValue)
            }
        }
    }
}
