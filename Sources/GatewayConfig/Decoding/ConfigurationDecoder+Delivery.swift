import GatewayCore

/// `[inbound]`, `[delivery]`, and the SMPP session timers of `[listeners.smpp]`: what goes
/// back upstream and how sessions are kept healthy.
extension ConfigurationDecoder {
    mutating func decodeInbound(_ root: inout TableReader) -> InboundSettings {
        let defaults = ConfigurationDefaults.inbound
        let known = Set(accounts.map(\.value.id))
        return section("inbound", of: &root) { reader, log in
            let account = reader.optional("default_account", ValueKind<String>.identifier.checked { id in
                known.contains(id) ? nil : "names no [[accounts]] entry: \"\(id)\""
            }, log: &log)
            return InboundSettings(
                defaultAccount: account,
                replyWindow: reader.read("reply_window", .duration(.zero ... .seconds(365 * 86400)), default: defaults.replyWindow, log: &log))
        }
    }

    mutating func decodeDelivery(_ root: inout TableReader) -> DeliverySettings {
        let defaults = ConfigurationDefaults.delivery
        return section("delivery", of: &root) { reader, log in
            let settings = DeliverySettings(
                retryDelay: reader.read("retry_delay", .duration(.milliseconds(100) ... .seconds(86400)), default: defaults.retryDelay, log: &log),
                retryDelayMax: reader.read("retry_delay_max", .duration(.milliseconds(100) ... .seconds(7 * 86400)), default: defaults.retryDelayMax, log: &log),
                maxAttempts: reader.read("max_attempts", .integer(1...1000), default: defaults.maxAttempts, log: &log))
            if settings.retryDelay > settings.retryDelayMax, let key = ["retry_delay", "retry_delay_max"].last(where: { reader.table[$0] != nil }) {
                log.report(.conflict("retry_delay (\(DurationText.format(settings.retryDelay))) is longer than retry_delay_max (\(DurationText.format(settings.retryDelayMax)))"),
                           key: reader.keyPath(key))
            }
            return settings
        }
    }

    /// Read inside `[listeners.smpp]`, next to address and port.
    static func decodeSMPPTimers(_ reader: inout TableReader, log: inout DecodeLog) -> SMPPSessionTimers {
        let defaults = ConfigurationDefaults.smppTimers
        let timers = SMPPSessionTimers(
            enquireLinkInterval: reader.read("enquire_link_interval", .duration(.milliseconds(100) ... .seconds(3600)), default: defaults.enquireLinkInterval, log: &log),
            inactivityTimeout: reader.read("inactivity_timeout", .duration(.milliseconds(200) ... .seconds(86400)), default: defaults.inactivityTimeout, log: &log),
            assemblyTimeout: reader.read("assembly_timeout", .duration(.milliseconds(100) ... .seconds(86400)), default: defaults.assemblyTimeout, log: &log))
        if timers.inactivityTimeout <= timers.enquireLinkInterval {
            log.report(.conflict("inactivity_timeout (\(DurationText.format(timers.inactivityTimeout))) must be longer than enquire_link_interval (\(DurationText.format(timers.enquireLinkInterval)))"),
                       key: reader.keyPath("inactivity_timeout"))
        }
        return timers
    }

    /// `accounts[].window`, read inside each `[[accounts]]` entry.
    static func decodeAccountWindow(_ reader: inout TableReader, log: inout DecodeLog) -> Int {
        reader.read("window", .integer(1...1000), default: ConfigurationDefaults.accountWindow, log: &log)
    }
}
