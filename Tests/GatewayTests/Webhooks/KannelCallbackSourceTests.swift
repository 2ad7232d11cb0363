import GatewayCore
import Testing
@testable import GatewayStore
@testable import Webhooks

@Suite("Kannel dlr-url: the message's values from the store")
struct KannelCallbackSourceTests {
    @Test func readsTheMessageAndItsLatestSIM() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        var message = Fixtures.message(upstreamID: "up-1")
        message.dlrURL = "http://platform.example/dlr?id=%I&s=%d&sim=%i&to=%P"
        message.encoding = .ucs2
        let plain = Fixtures.message()
        let ids = try db.accept([message, plain], now: .testStart)
        // No dlr_url: nothing to call.
        #expect(try db.kannelCallback(forMessage: ids[1]) == nil)
        // Before any attempt there is no SIM to name.
        #expect(try db.kannelCallback(forMessage: ids[0])?.simICCID == nil)
        _ = try Fixtures.begin(db, message: ids[0], modem: modem, sim: sim, at: .testStart)
        let source = try #require(try db.kannelCallback(forMessage: ids[0]))
        #expect(source == KannelCallbackSource(
            messageID: ids[0], dlrURL: message.dlrURL ?? "", account: "acme", upstreamMessageID: "up-1", source: "ACME",
            destination: "+31612345678", text: "hello", encoding: .ucs2, simICCID: "8931440000000000001"))
        let values = try #require(KannelCallbackValues(source, state: .failed, at: .testStart))
        #expect(KannelDLRURL.expand(source.dlrURL, with: values)
            == "http://platform.example/dlr?id=\(ids[0])&s=2&sim=8931440000000000001&to=%2B31612345678")
        #expect(values.foreignID == "up-1" && values.coding == 2 && values.username == "acme")
        // A state Kannel has no report for gives no values.
        #expect(KannelCallbackValues(source, state: .queued, at: .testStart) == nil)
    }
}
