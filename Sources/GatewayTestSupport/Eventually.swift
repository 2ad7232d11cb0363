import Foundation

/// Waiting for an event a test can only observe by looking (a row written, a line in a log, a
/// status answered, a file appearing): `condition` is checked at once, then every `interval`,
/// until it holds — or `limit` has passed, and the wait fails with `what` and whatever
/// `context` adds (log tails, the state seen last). An error thrown by `condition` ends the
/// wait at once: a broken query fails the test with its own message, not as a timeout.
///
/// This is the one polling loop tests use. A fixed sleep is never a wait for something to
/// happen; where a test sleeps, the sleep itself is what it tests, and a comment says so.
public enum Eventually {
    public struct TimedOut: Error, CustomStringConvertible {
        public var description: String
    }

    /// Checks `condition` until it holds, for at most `limit`.
    public static func wait(
        for what: String, within limit: Duration = .seconds(30), every interval: Duration = .milliseconds(50),
        context: () -> String = { "" }, _ condition: () async throws -> Bool
    ) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while true {
            if try await condition() { return }
            guard clock.now < deadline else { throw timedOut(what, limit, context()) }
            try await Task.sleep(for: interval)
        }
    }

    /// The same wait for tests and boxes that run synchronously (they block their thread).
    public static func waitBlocking(
        for what: String, within limit: Duration = .seconds(30), every interval: Duration = .milliseconds(50),
        context: () -> String = { "" }, _ condition: () throws -> Bool
    ) throws {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while true {
            if try condition() { return }
            guard clock.now < deadline else { throw timedOut(what, limit, context()) }
            let (seconds, attoseconds) = interval.components
            Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
        }
    }

    private static func timedOut(_ what: String, _ limit: Duration, _ context: String) -> TimedOut {
        TimedOut(description: "timed out after \(limit) waiting for \(what)" + (context.isEmpty ? "" : "\n\(context)"))
    }
}
