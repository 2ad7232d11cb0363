/// The generic view of a body: its fields by name (SMPP 3.4 §4), in wire order.
extension PDUBody {
    /// The mandatory fields and, last, the optional parameters (as `.tlvs`); empty for a
    /// command without a body and for a response sent without one.
    public var fieldValues: [(field: SMPPField, value: SMPPFieldValue)] {
        content?.fieldValues ?? []
    }

    /// Builds a body from named fields; fields not given keep their defaults (empty strings,
    /// zero, interface_version 0x34). No fields at all makes a response without a body.
    public init(commandID: CommandID, fieldValues: [(field: SMPPField, value: SMPPFieldValue)]) throws(SMPPFieldValueError) {
        func make<T: TableDeclaredBody>(_ type: T.Type) throws(SMPPFieldValueError) -> T {
            try T(commandID: commandID, fieldValues: fieldValues)
        }
        func optional<T: TableDeclaredBody>(_ type: T.Type) throws(SMPPFieldValueError) -> T? {
            fieldValues.isEmpty ? nil : try T(commandID: commandID, fieldValues: fieldValues)
        }
        func empty(_ body: PDUBody) throws(SMPPFieldValueError) -> PDUBody {
            if let first = fieldValues.first {
                throw SMPPFieldValueError(commandID: commandID, field: first.field, reason: .notInCommand)
            }
            return body
        }
        switch commandID {
        case .genericNack: self = try empty(.genericNack)
        case .bindReceiver: self = .bindReceiver(try make(Bind.self))
        case .bindReceiverResp: self = .bindReceiverResp(try optional(BindResponse.self))
        case .bindTransmitter: self = .bindTransmitter(try make(Bind.self))
        case .bindTransmitterResp: self = .bindTransmitterResp(try optional(BindResponse.self))
        case .querySM: self = .querySM(try make(QuerySM.self))
        case .querySMResp: self = .querySMResp(try optional(QuerySMResponse.self))
        case .submitSM: self = .submitSM(try make(SubmitSM.self))
        case .submitSMResp: self = .submitSMResp(try optional(MessageIDResponse.self))
        case .deliverSM: self = .deliverSM(try make(DeliverSM.self))
        case .deliverSMResp: self = .deliverSMResp(try optional(MessageIDResponse.self))
        case .unbind: self = try empty(.unbind)
        case .unbindResp: self = try empty(.unbindResp)
        case .replaceSM: self = .replaceSM(try make(ReplaceSM.self))
        case .replaceSMResp: self = try empty(.replaceSMResp)
        case .cancelSM: self = .cancelSM(try make(CancelSM.self))
        case .cancelSMResp: self = try empty(.cancelSMResp)
        case .bindTransceiver: self = .bindTransceiver(try make(Bind.self))
        case .bindTransceiverResp: self = .bindTransceiverResp(try optional(BindResponse.self))
        case .outbind: self = .outbind(try make(Outbind.self))
        case .enquireLink: self = try empty(.enquireLink)
        case .enquireLinkResp: self = try empty(.enquireLinkResp)
        case .submitMulti: self = .submitMulti(try make(SubmitMulti.self))
        case .submitMultiResp: self = .submitMultiResp(try optional(SubmitMultiResponse.self))
        case .alertNotification: self = .alertNotification(try make(AlertNotification.self))
        case .dataSM: self = .dataSM(try make(DataSM.self))
        case .dataSMResp: self = .dataSMResp(try optional(DataSMResponse.self))
        default: throw SMPPFieldValueError(commandID: commandID, field: .commandID, reason: .notInCommand)
        }
    }
}
