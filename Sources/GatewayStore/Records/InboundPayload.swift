import FoundationEssentials
import GatewayCore

/// The MO an outbox entry carries (kind `mo`): a small JSON object ingress turns into an SMPP
/// deliver_sm or a webhook call. Keys are snake_case and sorted; times are milliseconds since
/// 1970 UTC, like every time in the store.
public struct InboundPayload: Sendable, Hashable, Codable {
    public var inboundID: Int64
    /// TP-OA of the SMS-DELIVER (3GPP TS 23.040 §9.2.3.7), "+" for an international number.
    public var originator: String
    /// The SIM it arrived on (store id), its ICCID, and its MSISDN when the SIM reported one.
    public var simID: Int64?
    public var iccid: String?
    public var msisdn: String?
    /// The whole text; for an incomplete (abandoned) message `[…]` marks each missing part.
    public var text: String
    public var receivedAt: Timestamp
    /// False when parts were missing when it was given up on.
    public var complete: Bool

    public init(inboundID: Int64, originator: String, simID: Int64?, iccid: String?, msisdn: String?,
                text: String, receivedAt: Timestamp, complete: Bool) {
        self.inboundID = inboundID
        self.originator = originator
        self.simID = simID
        self.iccid = iccid
        self.msisdn = msisdn
        self.text = text
        self.receivedAt = receivedAt
        self.complete = complete
    }

    enum CodingKeys: String, CodingKey {
        case inboundID = "inbound_id", originator, simID = "sim_id", iccid, msisdn, text
        case receivedAt = "received_at", complete
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        inboundID = try container.decode(Int64.self, forKey: .inboundID)
        originator = try container.decode(String.self, forKey: .originator)
        simID = try container.decodeIfPresent(Int64.self, forKey: .simID)
        iccid = try container.decodeIfPresent(String.self, forKey: .iccid)
        msisdn = try container.decodeIfPresent(String.self, forKey: .msisdn)
        text = try container.decode(String.self, forKey: .text)
        receivedAt = Timestamp(millisecondsSince1970: try container.decode(Int64.self, forKey: .receivedAt))
        complete = try container.decode(Bool.self, forKey: .complete)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(inboundID, forKey: .inboundID)
        try container.encode(originator, forKey: .originator)
        try container.encode(simID, forKey: .simID)
        try container.encode(iccid, forKey: .iccid)
        try container.encode(msisdn, forKey: .msisdn)
        try container.encode(text, forKey: .text)
        try container.encode(receivedAt.millisecondsSince1970, forKey: .receivedAt)
        try container.encode(complete, forKey: .complete)
    }

    /// The payload's octets (UTF-8 JSON, sorted keys, nulls written out).
    public var jsonOctets: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, integers and booleans cannot fail.
        return (try? Array(encoder.encode(self))) ?? []
    }

    /// Reads a payload written by `jsonOctets`.
    public init(json: [UInt8]) throws(PayloadError) {
        do { self = try JSONDecoder().decode(Self.self, from: Data(json)) } catch {
            throw PayloadError(kind: "mo", reason: "\(error)")
        }
    }
}

/// An outbox payload that does not read (written by another version, or damaged).
public struct PayloadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var kind: String
    public var reason: String
    public var description: String { "\(kind) payload does not read: \(reason)" }
}

extension DeliveryReportPayload {
    private struct Wire: Decodable {
        var at: Int64
        var client_reference: String?
        var message_id: Int64
        var state: MessageState
        var status_report_id: Int64?
        var submit_id: String?
        var upstream_message_id: String?
    }

    /// Reads a payload written by `json` (statusReportID 0 when the DLR has no status report;
    /// submitID nil when it is about a whole message).
    public init(json: [UInt8]) throws(PayloadError) {
        let wire: Wire
        do { wire = try JSONDecoder().decode(Wire.self, from: Data(json)) } catch {
            throw PayloadError(kind: "dlr", reason: "\(error)")
        }
        self.init(messageID: wire.message_id, upstreamMessageID: wire.upstream_message_id,
                  clientReference: wire.client_reference, state: wire.state,
                  at: Timestamp(millisecondsSince1970: wire.at), statusReportID: wire.status_report_id ?? 0,
                  submitID: wire.submit_id)
    }
}
