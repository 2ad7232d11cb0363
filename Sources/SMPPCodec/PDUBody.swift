/// The body of a PDU, one case per command of SMPP 3.4 §4. A response whose body may be
/// left out when command_status is an error (§4.1.2, §4.4.2, …) carries an optional: nil
/// is "no body".
public enum PDUBody: Hashable, Sendable {
    case genericNack
    case bindReceiver(Bind)
    case bindReceiverResp(BindResponse?)
    case bindTransmitter(Bind)
    case bindTransmitterResp(BindResponse?)
    case querySM(QuerySM)
    case querySMResp(QuerySMResponse?)
    case submitSM(SubmitSM)
    case submitSMResp(MessageIDResponse?)
    case deliverSM(DeliverSM)
    case deliverSMResp(MessageIDResponse?)
    case unbind
    case unbindResp
    case replaceSM(ReplaceSM)
    case replaceSMResp
    case cancelSM(CancelSM)
    case cancelSMResp
    case bindTransceiver(Bind)
    case bindTransceiverResp(BindResponse?)
    case outbind(Outbind)
    case enquireLink
    case enquireLinkResp
    case submitMulti(SubmitMulti)
    case submitMultiResp(SubmitMultiResponse?)
    case alertNotification(AlertNotification)
    case dataSM(DataSM)
    case dataSMResp(DataSMResponse?)

    public var commandID: CommandID {
        switch self {
        case .genericNack: .genericNack
        case .bindReceiver: .bindReceiver
        case .bindReceiverResp: .bindReceiverResp
        case .bindTransmitter: .bindTransmitter
        case .bindTransmitterResp: .bindTransmitterResp
        case .querySM: .querySM
        case .querySMResp: .querySMResp
        case .submitSM: .submitSM
        case .submitSMResp: .submitSMResp
        case .deliverSM: .deliverSM
        case .deliverSMResp: .deliverSMResp
        case .unbind: .unbind
        case .unbindResp: .unbindResp
        case .replaceSM: .replaceSM
        case .replaceSMResp: .replaceSMResp
        case .cancelSM: .cancelSM
        case .cancelSMResp: .cancelSMResp
        case .bindTransceiver: .bindTransceiver
        case .bindTransceiverResp: .bindTransceiverResp
        case .outbind: .outbind
        case .enquireLink: .enquireLink
        case .enquireLinkResp: .enquireLinkResp
        case .submitMulti: .submitMulti
        case .submitMultiResp: .submitMultiResp
        case .alertNotification: .alertNotification
        case .dataSM: .dataSM
        case .dataSMResp: .dataSMResp
        }
    }

    /// The table-declared body, or nil for a command without one (or a response without it).
    var content: (any TableDeclaredBody)? {
        switch self {
        case .bindReceiver(let body), .bindTransmitter(let body), .bindTransceiver(let body): body
        case .bindReceiverResp(let body), .bindTransmitterResp(let body), .bindTransceiverResp(let body): body
        case .querySM(let body): body
        case .querySMResp(let body): body
        case .submitSM(let body), .deliverSM(let body): body
        case .submitSMResp(let body), .deliverSMResp(let body): body
        case .replaceSM(let body): body
        case .cancelSM(let body): body
        case .outbind(let body): body
        case .submitMulti(let body): body
        case .submitMultiResp(let body): body
        case .alertNotification(let body): body
        case .dataSM(let body): body
        case .dataSMResp(let body): body
        case .genericNack, .unbind, .unbindResp, .replaceSMResp, .cancelSMResp, .enquireLink,
             .enquireLinkResp:
            nil
        }
    }

    /// Decodes the body of a `commandID` PDU from the reader's position to its end.
    static func decode(_ commandID: CommandID, from reader: inout BodyReader) throws(SMPPDecodingError) -> PDUBody {
        func optional<T: TableDeclaredBody>(_ type: T.Type, _ reader: inout BodyReader) throws(SMPPDecodingError) -> T? {
            reader.remaining == 0 ? nil : try T.decode(from: &reader)
        }
        func empty(_ body: PDUBody, _ reader: BodyReader) throws(SMPPDecodingError) -> PDUBody {
            guard reader.remaining == 0 else { throw reader.error(.commandLength, .trailingBytes(reader.remaining)) }
            return body
        }
        switch commandID {
        case .genericNack: return try empty(.genericNack, reader)
        case .bindReceiver: return .bindReceiver(try Bind.decode(from: &reader))
        case .bindReceiverResp: return .bindReceiverResp(try optional(BindResponse.self, &reader))
        case .bindTransmitter: return .bindTransmitter(try Bind.decode(from: &reader))
        case .bindTransmitterResp: return .bindTransmitterResp(try optional(BindResponse.self, &reader))
        case .querySM: return .querySM(try QuerySM.decode(from: &reader))
        case .querySMResp: return .querySMResp(try optional(QuerySMResponse.self, &reader))
        case .submitSM: return .submitSM(try SubmitSM.decode(from: &reader))
        case .submitSMResp: return .submitSMResp(try optional(MessageIDResponse.self, &reader))
        case .deliverSM: return .deliverSM(try DeliverSM.decode(from: &reader))
        case .deliverSMResp: return .deliverSMResp(try optional(MessageIDResponse.self, &reader))
        case .unbind: return try empty(.unbind, reader)
        case .unbindResp: return try empty(.unbindResp, reader)
        case .replaceSM: return .replaceSM(try ReplaceSM.decode(from: &reader))
        case .replaceSMResp: return try empty(.replaceSMResp, reader)
        case .cancelSM: return .cancelSM(try CancelSM.decode(from: &reader))
        case .cancelSMResp: return try empty(.cancelSMResp, reader)
        case .bindTransceiver: return .bindTransceiver(try Bind.decode(from: &reader))
        case .bindTransceiverResp: return .bindTransceiverResp(try optional(BindResponse.self, &reader))
        case .outbind: return .outbind(try Outbind.decode(from: &reader))
        case .enquireLink: return try empty(.enquireLink, reader)
        case .enquireLinkResp: return try empty(.enquireLinkResp, reader)
        case .submitMulti: return .submitMulti(try SubmitMulti.decode(from: &reader))
        case .submitMultiResp: return .submitMultiResp(try optional(SubmitMultiResponse.self, &reader))
        case .alertNotification: return .alertNotification(try AlertNotification.decode(from: &reader))
        case .dataSM: return .dataSM(try DataSM.decode(from: &reader))
        case .dataSMResp: return .dataSMResp(try optional(DataSMResponse.self, &reader))
        default: throw reader.error(.commandID, .unknownCommand)
        }
    }
}
