import FoundationEssentials
import GatewayCore
import GatewayStore
import Testing
@testable import IngressdDaemon

@Suite("JSON message request → NewMessage")
struct MessageRequestTranslatorTests {
    static let account = UpstreamAccount(id: "acme", throughput: 10, maxBinds: 1, allowedClasses: [.transactional, .otp],
                                         defaultClass: .transactional, smpp: nil, http: nil)
    static let now = Timestamp(millisecondsSince1970: 1_795_977_000_000)

    static func decode(_ json: String) throws -> MessageRequest {
        try JSONDecoder().decode(MessageRequest.self, from: Data(json.utf8))
    }

    static func translate(_ json: String) throws -> Result<NewMessage, APIError> {
        MessageRequestTranslator().message(from: try decode(json), account: account, now: now, concatenationReference: 0x5A)
    }

    @Test("defaults: account's class, priority 0, 48 h validity, report on, account id as sender")
    func defaults() throws {
        let message = try Self.translate(#"{"to":"+491701234567","text":"hello"}"#).get()
        #expect(message.account == "acme")
        #expect(message.destination == "+491701234567")
        #expect(message.source == "acme")
        #expect(message.messageClass == .transactional)
        #expect(message.priority == 0)
        #expect(message.expiresAt == Self.now + .seconds(48 * 3600))
        #expect(message.reportMask == .final)
        #expect(message.scheduleAt == nil)
        #expect(message.encoding == .gsm7)
        #expect(message.partsHex.count == 1)
    }

    @Test("a 161-character GSM text is two parts with the given reference; a non-GSM character makes it UCS-2")
    func parts() throws {
        let parts = try Self.translate(#"{"to":"1","text":"\#(String(repeating: "a", count: 161))"}"#).get().partsHex
        #expect(parts.count == 2)
        // UDH 05 00 03 <ref> <total> <seq> (3GPP TS 23.040 §9.2.3.24.1) in each part.
        #expect(parts.allSatisfy { $0.contains("0500035A02") })
        #expect(try Self.translate(#"{"to":"1","text":"привет"}"#).get().encoding == .ucs2)
    }

    @Test("validity as seconds or duration text; schedule moves expiry along")
    func validityAndSchedule() throws {
        #expect(try Self.translate(#"{"to":"1","text":"x","validity":600}"#).get().expiresAt == Self.now + .seconds(600))
        #expect(try Self.translate(#"{"to":"1","text":"x","validity":"2h"}"#).get().expiresAt == Self.now + .seconds(7200))
        let held = try Self.translate(#"{"to":"1","text":"x","validity":60,"schedule":"2026-11-29T19:30:00Z"}"#).get()
        #expect(held.scheduleAt == Self.now + .seconds(3600))
        #expect(held.expiresAt == Self.now + .seconds(3660))
        // A schedule in the past is "now".
        #expect(try Self.translate(#"{"to":"1","text":"x","schedule":"2020-01-01T00:00:00Z"}"#).get().scheduleAt == nil)
    }

    /// Each refusal names its field with a stable code; none is a 5xx.
    @Test("refusals", arguments: [
        (#"{"to":"abc","text":"x"}"#, 400, "invalid_destination"),
        (#"{"to":"1","text":""}"#, 400, "invalid_text"),
        (#"{"to":"1","text":"\#(String(repeating: "€", count: 1601))"}"#, 400, "invalid_text"),   // over 1600 characters
        (#"{"to":"1","text":"x","priority":4}"#, 400, "invalid_priority"),
        (#"{"to":"1","text":"x","validity":0}"#, 400, "invalid_validity"),
        (#"{"to":"1","text":"x","validity":"8d"}"#, 400, "invalid_validity"),       // over the 7-day maximum
        (#"{"to":"1","text":"x","validity":"soon"}"#, 400, "invalid_validity"),
        (#"{"to":"1","text":"x","schedule":"tomorrow"}"#, 400, "invalid_schedule"),
        (#"{"to":"1","text":"x","class":"bulk"}"#, 400, "invalid_class"),
        (#"{"to":"1","text":"x","class":"marketing"}"#, 403, "class_not_allowed"),  // not in allowed_classes
        (#"{"to":"1","text":"x","from":"A much too long sender"}"#, 400, "invalid_sender"),
        (#"{"to":"1","text":"x","from":"w7M*"}"#, 400, "invalid_sender"),                 // '*' is GSM but not in the name set
        (#"{"to":"1","text":"x","client_id":""}"#, 400, "invalid_client_id"),
    ] as [(String, Int, String)])
    func refusals(json: String, status: Int, code: String) throws {
        guard case .failure(let error) = try Self.translate(json) else {
            Issue.record("accepted \(json)")
            return
        }
        #expect(Int(error.status.code) == status)
        #expect(error.code == code)
    }

    @Test("unknown and mistyped fields are decoding errors naming the field")
    func decoding() {
        #expect(throws: DecodingError.self) { try Self.decode(#"{"to":"1","text":"x","schedul":"2026-12-01T00:00:00Z"}"#) }
        do {
            _ = try Self.decode(#"{"to":"1","text":"x","priority":"high"}"#)
            Issue.record("decoded a string priority")
        } catch {
            #expect(MessageRequest.describe(error).contains("\"priority\""))
        }
        // null is not absent: every field has a type (OpenAPI 3.0 without nullable).
        #expect(throws: DecodingError.self) { try Self.decode(#"{"to":"1","text":"x","report":null}"#) }
        do {
            _ = try Self.decode(#"{"text":"x"}"#)
            Issue.record("decoded without to")
        } catch {
            #expect(MessageRequest.describe(error) == "\"to\" is required")
        }
    }

    @Test("digest: same content same digest whatever the key order or client_id; other content differs")
    func digest() throws {
        let a = try Self.decode(#"{"to":"1","text":"x","client_id":"k1","priority":0}"#)
        let b = try Self.decode(#"{"priority":0,"client_id":"k2","text":"x","to":"1"}"#)
        let c = try Self.decode(#"{"to":"1","text":"y","client_id":"k1"}"#)
        #expect(a.digest == b.digest)
        #expect(a.digest != c.digest)
        #expect(a.digest.count == 64)
        // An absent default and the default written out are the same request.
        let plain = try Self.decode(#"{"to":"1","text":"x"}"#), explicit = try Self.decode(#"{"to":"1","text":"x","report":true}"#)
        #expect(plain.digest == explicit.digest)
    }
}
