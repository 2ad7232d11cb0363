import Testing
@testable import GatewayCore
@testable import GatewayConfig

/// `[[sim_groups]]` rotation keys (docs/configuration.md, "SIM rotation").
@Suite("SIM group rotation policy")
struct RotationPolicyConfigurationTests {
    static func group(_ body: String) -> (SIMRotationPolicy?, [String]) {
        let text = ConfigurationFixtures.minimal("[[sim_groups]]\nid = \"bulk\"\n" + body + """

            [[modems]]
            id = "m2"
            device = "/dev/ttyUSB1"

            [[sims]]
            id = "s2"
            modem = "m2"
            slot = 0
            groups = ["bulk"]
            """)
        let outcome = ConfigurationLoader.report(text, file: "t.toml", environment: ConfigurationFixtures.environment)
        let problems = outcome.problems.map { String($0.description.dropFirst("t.toml:".count)) }
        return (outcome.configuration?.simGroups.first { $0.id == "bulk" }?.rotation, problems)
    }

    /// A group that says nothing rotates only when a SIM is full, never by count or time.
    @Test func absentKeysAreTheDefaults() throws {
        let (policy, problems) = Self.group("")
        #expect(problems == [])
        #expect(try #require(policy) == ConfigurationDefaults.simRotation)
        #expect(policy?.rotateAfterMessages == 0 && policy?.rotateAfter == .zero && policy?.activeHours == nil)
    }

    /// Every key written; the inline block_detection table may set only some of its keys.
    @Test func everyKeyIsRead() throws {
        let (policy, problems) = Self.group("""
            rotate_after_messages = 50
            rotate_after = "2h"
            rotate_jitter_percent = 0
            cooldown_after_rotation = "1h"
            unique_recipients_per_month = 900
            active_hours = "22:00-06:00"
            block_detection = { failures_in_a_row = 3, failed_report_ratio = 1 }
            """)
        #expect(problems == [])
        let rotation = try #require(policy)
        #expect(rotation.rotateAfterMessages == 50 && rotation.rotateAfter == .seconds(7200))
        #expect(rotation.rotateJitterPercent == 0 && rotation.cooldownAfterRotation == .seconds(3600))
        #expect(rotation.uniqueRecipientsPerMonth == 900)
        // Crosses midnight: 23:00 inside, 12:00 outside.
        #expect(rotation.activeHours?.contains(minuteOfDay: 23 * 60) == true)
        #expect(rotation.activeHours?.contains(minuteOfDay: 12 * 60) == false)
        #expect(rotation.blockDetection == BlockDetection(failuresInARow: 3, failedReportRatio: 1, reportWindow: 20,
                                                          registrationLossesPerHour: 3))
    }

    /// Bad values name the key and why; an unknown key inside block_detection is an error too.
    @Test(arguments: [
        ("active_hours = \"8-20\"", "18:1: sim_groups[1].active_hours: is not a span of local time"),
        ("active_hours = \"08:00-08:00\"", "18:1: sim_groups[1].active_hours: is not a span of local time"),  // empty span
        ("rotate_jitter_percent = 95", "18:1: sim_groups[1].rotate_jitter_percent: must be 0 to 90, found 95"),
        ("rotate_after = \"5x\"", "18:1: sim_groups[1].rotate_after:"),
        ("block_detection = { failed_report_ratio = 1.5 }", "18:21: sim_groups[1].block_detection.failed_report_ratio: must be above 0 and at most 1"),
        ("block_detection = { failed_report_ratio = 0.0 }", "18:21: sim_groups[1].block_detection.failed_report_ratio: must be above 0"),
        ("block_detection = { failures = 3 }", "18:21: sim_groups[1].block_detection.failures: unknown key"),
    ])
    func badValuesAreRefused(line: String, expected: String) {
        let (_, problems) = Self.group(line)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix(expected) == true, "\(problems)")
    }
}
