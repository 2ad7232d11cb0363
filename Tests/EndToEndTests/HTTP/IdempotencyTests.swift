import Foundation
import GatewayCore
import GatewayStore
import Testing

/// A retried `client_id` (docs/ingressd.md, "HTTP API") over real HTTP: the answer is the
/// message the first request stored, as it is now — its id, its parts and its state — never
/// what the retry itself would have made.
@Suite("ingressd HTTP API: a retried client_id answers the stored message", .serialized)
struct IdempotencyTests {
    static var now: Timestamp { Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000)) }

    @Test("the stored message moved on (cancelled; held then released): the retry says so, with its parts")
    func retryAnswersTheStoredMessage() async throws {
        let box = try IngressHTTPBox()
        try await box.start()
        // Two parts (200 GSM characters), then cancelled in the store as smsgw-queued would.
        let text = String(repeating: "a", count: 200)
        let body = #"{"to":"+491701234567","text":"\#(text)","client_id":"order-7"}"#
        let first = try box.request("POST", "/api/v1/messages", key: "key-acme", json: body)
        #expect(first.status == 202)
        let accepted = try IngressHTTPBox.object(first)
        let id = try #require((accepted["id"] as? String).flatMap(Int64.init))
        #expect(accepted["parts"] as? Int == 2 && accepted["state"] as? String == "queued")
        #expect(try box.database().cancelWaitingMessage(id, actor: .operator, reason: "test", now: Self.now))

        let retry = try box.request("POST", "/api/v1/messages", key: "key-acme", json: body)
        #expect(retry.status == 200)
        let stored = try IngressHTTPBox.object(retry)
        #expect(stored["id"] as? String == String(id))
        #expect(stored["parts"] as? Int == 2)
        #expect(stored["state"] as? String == "cancelled", "the stored message's state, not the retry's \"queued\"")

        // Scheduled an hour ahead: held. Once the store released it (as the queue's sweep does
        // when its time comes), a retry of the same request — alone it would be held — says queued.
        let schedule = RFC3339.string(Date().addingTimeInterval(3600))
        let held = #"{"to":"+491701234567","text":"later","schedule":"\#(schedule)","client_id":"order-8"}"#
        let heldFirst = try IngressHTTPBox.object(try box.request("POST", "/api/v1/messages", key: "key-acme", json: held))
        #expect(heldFirst["state"] as? String == "held")
        let heldID = try #require((heldFirst["id"] as? String).flatMap(Int64.init))
        let now = Self.now
        try box.database().connection.run("UPDATE messages SET not_before = ? WHERE id = ?", now.millisecondsSince1970, heldID)
        #expect(try box.database().releaseDueHeld(now: now, limit: 10) == [heldID])
        let heldRetry = try box.request("POST", "/api/v1/messages", key: "key-acme", json: held)
        #expect(heldRetry.status == 200)
        #expect(try IngressHTTPBox.object(heldRetry)["state"] as? String == "queued", "released: the stored state, not the retry's \"held\"")

        // The batch endpoint answers a retried item the same way.
        let batch = try box.request("POST", "/api/v1/messages/batch", key: "key-acme", json: #"{"messages":[\#(body)]}"#)
        #expect(batch.status == 207)
        let results = try IngressHTTPBox.object(batch)["results"] as? [[String: Any]]
        #expect(results?.first?["status"] as? Int == 200)
        #expect(results?.first?["id"] as? String == String(id))
        #expect(results?.first?["parts"] as? Int == 2)
        #expect(results?.first?["state"] as? String == "cancelled")
        #expect(try box.database().connection.queryFirst("SELECT count(*) FROM messages") { $0.int(0) } == 2, "nothing stored twice")
    }
}

/// RFC 3339 in UTC with a `Z`, as the API's `schedule` takes it.
private enum RFC3339 {
    static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
