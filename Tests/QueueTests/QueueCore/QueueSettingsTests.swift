import Foundation
import GatewayCore
import Testing
import GatewayConfig

/// `[queue]` in the configuration: defaults, the shipped file, and refused values.
@Suite("Queue settings")
struct QueueSettingsTests {
    static func problems(_ extra: String) -> [String] {
        do {
            _ = try ConfigurationLoader.decode(QueueFixtures.document(extra), file: "t.toml", environment: QueueFixtures.environment)
            return []
        } catch {
            return error.problems.map { String($0.description.dropFirst("t.toml:".count)) }
        }
    }

    @Test func absentSectionGivesDefaults() throws {
        let configuration = try ConfigurationLoader.decode(QueueFixtures.document(), file: "t.toml", environment: QueueFixtures.environment)
        #expect(configuration.queue == ConfigurationDefaults.queue)
        #expect(configuration.queue.quietHours?.description == "21:00-08:00")
    }

    /// gateway.toml writes the defaults; demo.toml turns quiet hours off.
    @Test func shippedFiles() throws {
        let gateway = try ConfigurationLoader.load(file: QueueFixtures.path("etc/smsgw/gateway.toml"))
        #expect(gateway.queue == ConfigurationDefaults.queue)
        let demo = try ConfigurationLoader.load(file: QueueFixtures.path("etc/smsgw/demo.toml"))
        #expect(demo.queue.quietHours == nil)
    }

    @Test func writtenValues() throws {
        let configuration = try ConfigurationLoader.decode(QueueFixtures.document("""
            [queue]
            max_attempts = 5
            retry_delay = "10s"
            retry_delay_max = "1h"
            retry_jitter_percent = 0
            resend_unknown = true
            send_jitter = "0s"
            sticky_window = "0s"
            report_window = "1d"
            quiet_hours = "22:30-07:15"
            sweep_interval = "500ms"
            """), file: "t.toml", environment: QueueFixtures.environment)
        let queue = configuration.queue
        #expect(queue.maxAttempts == 5 && queue.retryDelay == .seconds(10) && queue.retryDelayMax == .seconds(3600))
        #expect(queue.retryJitterPercent == 0 && queue.resendUnknown && queue.sendJitter == .zero && queue.stickyWindow == .zero)
        #expect(queue.reportWindow == .seconds(86400) && queue.sweepInterval == .milliseconds(500))
        #expect(queue.quietHours == QuietHours(startMinute: 22 * 60 + 30, endMinute: 7 * 60 + 15))
    }

    @Test(arguments: [
        // Zero attempts would fail everything at once.
        ("max_attempts = 0", "17:1: queue.max_attempts: must be 1 to 100, found 0"),
        // Malformed spans: one digit hours, 24:00, an empty span.
        ("quiet_hours = \"9:00-17:00\"", "17:1: queue.quiet_hours: is not a span of local time"),
        ("quiet_hours = \"21:00-24:00\"", "17:1: queue.quiet_hours: is not a span of local time"),
        ("quiet_hours = \"08:00-08:00\"", "17:1: queue.quiet_hours: is not a span of local time"),
        // The first back-off longer than the cap.
        ("retry_delay = \"2h\"", "queue.retry_delay: retry_delay (2h) is longer than retry_delay_max (30m)"),
        ("unknown_key = 1", "17:1: queue.unknown_key: unknown key"),
    ])
    func refused(line: String, expected: String) {
        let problems = Self.problems("[queue]\n" + line + "\n")
        #expect(problems.count == 1)
        #expect(problems.first?.contains(expected) == true, "\(problems)")
    }
}
