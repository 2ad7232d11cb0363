import TOMLReader
import GatewayCore

/// The rotation keys of one `[[sim_groups]]` entry (docs/configuration.md, "SIM rotation").
extension ConfigurationDecoder {
    static func decodeRotation(_ reader: inout TableReader, log: inout DecodeLog) -> SIMRotationPolicy {
        let defaults = ConfigurationDefaults.simRotation
        let hours = ValueKind<String>.string.map { text -> Result<QuietHours?, ValueFailure> in
            if text == "always" { return .success(nil) }
            guard let span = QuietHours(parsing: text) else {
                return .failure(ValueFailure(reason: .invalidValue(
                    "is not a span of local time: write \"HH:MM-HH:MM\" (24-hour clock, start and end differ, \"08:00-20:00\") or \"always\", found \"\(text)\"")))
            }
            return .success(span)
        }
        let rotateAfterMessages = reader.read("rotate_after_messages", .integer(0...1_000_000), default: defaults.rotateAfterMessages, log: &log)
        let rotateAfter = reader.read("rotate_after", .duration(.zero ... .seconds(30 * 86400)), default: defaults.rotateAfter, log: &log)
        let jitter = reader.read("rotate_jitter_percent", .integer(0...90), default: defaults.rotateJitterPercent, log: &log)
        let cooldown = reader.read("cooldown_after_rotation", .duration(.zero ... .seconds(30 * 86400)),
                                   default: defaults.cooldownAfterRotation, log: &log)
        let unique = reader.read("unique_recipients_per_month", .integer(0...1_000_000), default: defaults.uniqueRecipientsPerMonth, log: &log)
        let activeHours = reader.read("active_hours", hours, default: defaults.activeHours, log: &log)
        var block = defaults.blockDetection
        if var table = reader.table("block_detection", log: &log) {
            block = decodeBlockDetection(&table, log: &log)
            table.finish(log: &log)
        } else {
            for key in ["failures_in_a_row", "failed_report_ratio", "report_window", "registration_losses_per_hour"] {
                log.noteRead(reader.keyPath("block_detection.\(key)"), at: nil)
            }
        }
        return SIMRotationPolicy(rotateAfterMessages: rotateAfterMessages, rotateAfter: rotateAfter, rotateJitterPercent: jitter,
                                 cooldownAfterRotation: cooldown, uniqueRecipientsPerMonth: unique, activeHours: activeHours,
                                 blockDetection: block)
    }

    private static func decodeBlockDetection(_ reader: inout TableReader, log: inout DecodeLog) -> BlockDetection {
        let defaults = ConfigurationDefaults.blockDetection
        let ratio = ValueKind<Double> { node in
            let value: Double
            switch node.value {
            case .float(let number): value = number
            case .integer(let number): value = Double(number)
            default: return ValueKind<Double>.wrongType("a number", node.value)
            }
            guard value > 0, value <= 1 else {
                return .failure(ValueFailure(reason: .invalidValue("must be above 0 and at most 1, found \(value)")))
            }
            return .success(value)
        }
        return BlockDetection(
            failuresInARow: reader.read("failures_in_a_row", .integer(0...1000), default: defaults.failuresInARow, log: &log),
            failedReportRatio: reader.read("failed_report_ratio", ratio, default: defaults.failedReportRatio, log: &log),
            reportWindow: reader.read("report_window", .integer(0...1000), default: defaults.reportWindow, log: &log),
            registrationLossesPerHour: reader.read("registration_losses_per_hour", .integer(0...1000),
                                                   default: defaults.registrationLossesPerHour, log: &log))
    }
}
