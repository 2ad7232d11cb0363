import GatewayTestSupport
import Synchronization
import Testing

/// The one wait tests use for events they can only look at (`Eventually`).
@Suite("Test support: waiting for an event")
struct EventuallyTests {
    struct Broken: Error, Equatable {}

    @Test("a condition that holds at once is checked once, without waiting")
    func holdsAtOnce() async throws {
        let checks = Mutex(0)
        try await Eventually.wait(for: "nothing", within: .seconds(10), every: .seconds(10)) {
            checks.withLock { $0 += 1 }
            return true
        }
        #expect(checks.withLock { $0 } == 1)
    }

    @Test("the condition is checked again until it holds")
    func checksUntilItHolds() async throws {
        let checks = Mutex(0)
        try await Eventually.wait(for: "the third check", within: .seconds(10), every: .milliseconds(1)) {
            checks.withLock { $0 += 1; return $0 == 3 }
        }
        #expect(checks.withLock { $0 } == 3)
        var blocking = 0
        try Eventually.waitBlocking(for: "the third check", within: .seconds(10), every: .milliseconds(1)) {
            blocking += 1
            return blocking == 3
        }
        #expect(blocking == 3)
    }

    @Test("an error from the condition ends the wait at once, as itself, not as a time-out")
    func errorsPropagate() async throws {
        let started = ContinuousClock.now
        await #expect(throws: Broken()) {
            try await Eventually.wait(for: "a broken query", within: .seconds(5), every: .milliseconds(10)) { throw Broken() }
        }
        #expect(throws: Broken()) {
            try Eventually.waitBlocking(for: "a broken query", within: .seconds(5), every: .milliseconds(10)) { throw Broken() }
        }
        #expect(ContinuousClock.now - started < .seconds(4))
    }

    @Test("a condition that never holds times out naming what was awaited and the context")
    func timesOut() async throws {
        do {
            try await Eventually.wait(for: "the row", within: .milliseconds(50), every: .milliseconds(5), context: { "log tail" }) { false }
            Issue.record("the wait should have timed out")
        } catch let error as Eventually.TimedOut {
            #expect(error.description.hasPrefix("timed out after "))
            #expect(error.description.contains("waiting for the row\nlog tail"))
        }
        #expect(throws: Eventually.TimedOut.self) {
            try Eventually.waitBlocking(for: "the row", within: .milliseconds(50), every: .milliseconds(5)) { false }
        }
    }
}
