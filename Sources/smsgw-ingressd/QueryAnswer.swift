import GatewayCore
import GatewayStore
import SMPPCodec

/// query_sm_resp (SMPP 3.4 §4.8.2) for one stored message: pure, so each mapping is tested.
enum QueryAnswer {
    /// §5.2.28 message_state from our `MessageState`. Waiting and in-flight states are ENROUTE;
    /// `sent` (the network took every part, no status report yet) is ENROUTE too: ACCEPTED (6)
    /// means "read on behalf of the subscriber by customer service", not "taken by the SMSC".
    static func messageState(_ state: GatewayCore.MessageState) -> SMPPCodec.MessageState {
        switch state {
        case .accepted, .queued, .held, .sending, .sent: .enroute
        case .delivered: .delivered
        case .expired: .expired
        case .cancelled: .deleted
        case .failed: .undeliverable
        case .unknown: .unknown
        }
    }

    /// §4.8.2 error_code is one octet: the part's code when it fits (a status report's TP-ST,
    /// 3GPP TS 23.040 §9.2.3.15), 0 when there is none, 0xFF for a wider code (a +CMS ERROR of
    /// 3GPP TS 27.005 §3.2.5 is 300-511; the DLR's network_error_code carries it whole).
    static func errorCode(_ code: Int?) -> UInt8 {
        guard let code else { return 0 }
        return (0...255).contains(code) ? UInt8(code) : 0xFF
    }

    static func response(for message: UpstreamMessageStatus, messageID: String) -> QuerySMResponse {
        QuerySMResponse(
            messageID: messageID,
            finalDate: message.state.isFinal ? .absolute(UTCTime.absolute(message.updatedAt)) : nil,
            messageState: messageState(message.state),
            errorCode: errorCode(message.errorCode))
    }
}

/// Our decimal message ids (the store's row id) as upstream sends them back; a part the ESME
/// submitted on its own is named by its `SubmitID` instead (`IngressStore.message(named:account:)`).
enum UpstreamMessageID {
    /// The id, or nil for anything but 1-19 ASCII digits naming a positive Int64.
    static func parse(_ text: String) -> Int64? {
        guard (1...19).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let id = Int64(text), id > 0 else { return nil }
        return id
    }

    /// Whether an address upstream gives to identify a message (§4.8.1, §4.9.1, §4.10.1:
    /// "must match that supplied in the original message submission") matches the stored one.
    /// Empty matches any (many ESMEs leave it NULL; the bound account already scopes the id);
    /// a leading "+" is not significant (TON international is stored as "+digits").
    static func matches(_ given: String, stored: String) -> Bool {
        let given = given.drop { $0 == "+" }
        return given.isEmpty || given == stored.drop { $0 == "+" }
    }
}
