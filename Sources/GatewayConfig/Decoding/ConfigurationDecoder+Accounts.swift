import GatewayCore

/// `[[accounts]]` with their `smpp` and `http` credentials.
extension ConfigurationDecoder {
    mutating func decodeAccounts(_ root: inout TableReader) {
        accounts = entries("accounts", of: &root) { reader, log in
            let id = reader.required("id", .identifier, log: &log)
            let enabled = reader.read("enabled", .boolean, default: ConfigurationDefaults.enabled, log: &log)
            let throughput = reader.read("throughput", .integer(1...100_000), default: ConfigurationDefaults.accountThroughput, log: &log)
            let maxBinds = reader.read("max_binds", .integer(0...64), default: ConfigurationDefaults.accountMaxBinds, log: &log)
            let allowed = reader.read("allowed_classes", ValueKind.array(of: ValueKind<MessageClass>.choice).checked { classes in
                classes.isEmpty ? "must name at least one message class" : nil
            }, default: ConfigurationDefaults.accountAllowedClasses, log: &log)
            let defaultClass = reader.read("default_class", .choice, default: ConfigurationDefaults.accountDefaultClass, log: &log)
            if !allowed.contains(defaultClass) {
                let key = reader.keyPath("default_class")
                log.report(.conflict("\"\(defaultClass.rawValue)\" is not in allowed_classes"), at: log.position(of: key) ?? reader.position, key: key)
            }
            let window = Self.decodeAccountWindow(&reader, log: &log)
            let smpp = Self.decodeSMPPCredentials(&reader, log: &log)
            let http = Self.decodeHTTPCredentials(&reader, log: &log)
            let webhook = Self.decodeWebhook(&reader, log: &log)
            if reader.table["smpp"] == nil, reader.table["http"] == nil {
                log.report(.missingKey, at: reader.position, key: reader.keyPath("smpp"))
            }
            guard let id else { return nil }
            var account = UpstreamAccount(
                id: id, enabled: enabled, throughput: throughput, maxBinds: maxBinds, allowedClasses: allowed,
                defaultClass: defaultClass, smpp: smpp, http: http, webhook: webhook)
            account.window = window
            return account
        }
    }

    static func decodeSMPPCredentials(_ account: inout TableReader, log: inout DecodeLog) -> SMPPCredentials? {
        guard var reader = account.table("smpp", log: &log) else { return nil }
        defer { reader.finish(log: &log) }
        let systemID = reader.required("system_id", ValueKind.text.checked { id in
            id.utf8.count <= SMPPCredentials.maxSystemIDLength && id.allSatisfy({ $0.isASCII && !$0.isWhitespace })
                ? nil : "must be 1 to \(SMPPCredentials.maxSystemIDLength) ASCII characters without spaces (SMPP 3.4 §4.1.1)"
        }, log: &log)
        let password = reader.required("password", .passwordHash, log: &log)
        guard let systemID, let password else { return nil }
        return SMPPCredentials(systemID: systemID, password: password)
    }

    static func decodeHTTPCredentials(_ account: inout TableReader, log: inout DecodeLog) -> HTTPCredentials? {
        guard var reader = account.table("http", log: &log) else { return nil }
        defer { reader.finish(log: &log) }
        let apiKeys = reader.read("api_keys", .array(of: .apiKeyHash), default: [], log: &log)
        let user = reader.optional("user", .identifier, log: &log)
        let password = reader.optional("password", .passwordHash, log: &log)
        if (reader.table["user"] == nil) != (reader.table["password"] == nil) {
            let missing = reader.table["user"] == nil ? "user" : "password"
            log.report(.missingKey, at: reader.position, key: reader.keyPath(missing))
        }
        if reader.table["api_keys"] == nil, reader.table["user"] == nil, reader.table["password"] == nil {
            log.report(.missingKey, at: reader.position, key: reader.keyPath("api_keys"))
        }
        return HTTPCredentials(apiKeys: apiKeys, user: password == nil ? nil : user, password: user == nil ? nil : password)
    }
}
