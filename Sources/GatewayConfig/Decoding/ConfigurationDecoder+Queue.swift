import GatewayCore

/// `[queue]`: retries, pacing, sticky routing, status-report window, quiet hours.
extension ConfigurationDecoder {
    mutating func decodeQueue(_ root: inout TableReader) -> QueueSettings {
        let defaults = ConfigurationDefaults.queue
        let quietHours = ValueKind<String>.string.map { text -> Result<QuietHours?, ValueFailure> in
            if text == "off" { return .success(nil) }
            guard let span = QuietHours(parsing: text) else {
                return .failure(ValueFailure(reason: .invalidValue(
                    "is not a span of local time: write \"HH:MM-HH:MM\" (24-hour clock, start and end differ, \"21:00-08:00\") or \"off\", found \"\(text)\"")))
            }
            return .success(span)
        }
        return section("queue", of: &root) { reader, log in
            let settings = QueueSettings(
                maxAttempts: reader.read("max_attempts", .integer(1...100), default: defaults.maxAttempts, log: &log),
                retryDelay: reader.read("retry_delay", .duration(.seconds(1) ... .seconds(86400)), default: defaults.retryDelay, log: &log),
                retryDelayMax: reader.read("retry_delay_max", .duration(.seconds(1) ... .seconds(7 * 86400)), default: defaults.retryDelayMax, log: &log),
                retryJitterPercent: reader.read("retry_jitter_percent", .integer(0...100), default: defaults.retryJitterPercent, log: &log),
                resendUnknown: reader.read("resend_unknown", .boolean, default: defaults.resendUnknown, log: &log),
                sendJitter: reader.read("send_jitter", .duration(.zero ... .seconds(3600)), default: defaults.sendJitter, log: &log),
                stickyWindow: reader.read("sticky_window", .duration(.zero ... .seconds(90 * 86400)), default: defaults.stickyWindow, log: &log),
                reportWindow: reader.read("report_window", .duration(.seconds(60) ... .seconds(30 * 86400)), default: defaults.reportWindow, log: &log),
                quietHours: reader.read("quiet_hours", quietHours, default: defaults.quietHours, log: &log),
                sweepInterval: reader.read("sweep_interval", .duration(.milliseconds(100) ... .seconds(3600)), default: defaults.sweepInterval, log: &log))
            if settings.retryDelay > settings.retryDelayMax, let key = ["retry_delay", "retry_delay_max"].last(where: { reader.table[$0] != nil }) {
                log.report(.conflict("retry_delay (\(DurationText.format(settings.retryDelay))) is longer than retry_delay_max (\(DurationText.format(settings.retryDelayMax)))"),
                           key: reader.keyPath(key))
            }
            return settings
        }
    }
}
