import GatewayCore

/// `[listeners.smpp]`, `[listeners.http]`, `[listeners.admin]`.
extension ConfigurationDecoder {
    /// nil when the admin password is missing or invalid (it has no default).
    mutating func decodeListeners(_ root: inout TableReader) -> ListenerSettings? {
        var reader = root.table("listeners", log: &log)
            ?? TableReader(.init(), path: "listeners", position: root.table["listeners"]?.position)
        var smppTimers = ConfigurationDefaults.smppTimers
        let smpp = section("smpp", of: &reader) { reader, log in
            smppTimers = Self.decodeSMPPTimers(&reader, log: &log)
            return Self.decodeListener(&reader, defaults: ConfigurationDefaults.smppListener, log: &log)
        }
        let http = section("http", of: &reader) { reader, log in
            Self.decodeListener(&reader, defaults: ConfigurationDefaults.httpListener, log: &log)
        }
        var adminListener = ConfigurationDefaults.adminListener
        let admin = section("admin", of: &reader) { reader, log -> AdminListener? in
            adminListener = Self.decodeListener(&reader, defaults: ConfigurationDefaults.adminListener, log: &log)
            let user = reader.read("user", .identifier, default: ConfigurationDefaults.adminUser, log: &log)
            guard let password = reader.required("password", .passwordHash, log: &log) else { return nil }
            return AdminListener(listener: adminListener, user: user, password: password)
        }
        reader.finish(log: &log)
        endpoints = [("smpp", smpp), ("http", http), ("admin", adminListener)]
        return admin.map {
            var settings = ListenerSettings(smpp: smpp, http: http, admin: $0)
            settings.smppTimers = smppTimers
            return settings
        }
    }

    static func decodeListener(_ reader: inout TableReader, defaults: Listener, log: inout DecodeLog) -> Listener {
        Listener(
            enabled: reader.read("enabled", .boolean, default: defaults.enabled, log: &log),
            address: reader.read("address", ValueKind.string.checked { address in
                IPAddressText.isValid(address) ? nil : "is not an IPv4 or IPv6 address: \"\(address)\""
            }, default: defaults.address, log: &log),
            port: reader.read("port", .integer(1...65535), default: defaults.port, log: &log))
    }
}
