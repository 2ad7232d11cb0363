import GatewayCore

/// `[[sim_groups]]` and `[[sims]]`.
extension ConfigurationDecoder {
    mutating func decodeSIMGroups(_ root: inout TableReader) {
        simGroups = entries("sim_groups", of: &root) { reader, log in
            let id = reader.required("id", .identifier, log: &log)
            let strategy = reader.read("strategy", .choice, default: ConfigurationDefaults.simGroupStrategy, log: &log)
            let rotation = Self.decodeRotation(&reader, log: &log)
            let code = reader.read("balance_ussd", Self.ussdCode, default: nil, log: &log)
            let interval = reader.read("balance_interval", Self.balanceInterval, default: ConfigurationDefaults.balanceInterval, log: &log)
            return id.map { SIMGroup(id: $0, strategy: strategy, rotation: rotation, balance: BalanceCheck(code: code, interval: interval)) }
        }
    }

    mutating func decodeSIMs(_ root: inout TableReader, defaults: SIMLimits) {
        sims = entries("sims", of: &root) { reader, log in
            let id = reader.required("id", .identifier, log: &log)
            let enabled = reader.read("enabled", .boolean, default: ConfigurationDefaults.enabled, log: &log)
            let modem = reader.required("modem", .identifier, log: &log)
            let slot = reader.required("slot", .integer(0...15), log: &log)
            let groups = reader.required("groups", ValueKind.array(of: .identifier).checked { groups in
                groups.isEmpty ? "must name at least one SIM group" : nil
            }, log: &log)
            let limits = Self.decodeLimits(&reader, defaults: defaults, log: &log)
            // On a SIM, "" turns its group's check off (kept as "": nil means the group's).
            let code = reader.read("balance_ussd", Self.ussdCode.map { .success(Optional.some($0 ?? "")) }, default: nil, log: &log)
            let interval = reader.read("balance_interval", Self.balanceInterval.map { .success(Optional.some($0)) }, default: nil, log: &log)
            guard let id, let modem, let slot, let groups else { return nil }
            return SIMConfiguration(id: id, enabled: enabled, modem: modem, slot: slot, groups: groups, limits: limits,
                                    balanceCode: code, balanceInterval: interval)
        }
    }

    /// `balance_ussd`: a USSD code (`USSDCode`), or "" for none (a SIM opting out of its group's).
    static var ussdCode: ValueKind<String?> { ValueKind<String>.string.map { text -> Result<String?, ValueFailure> in
        if text.isEmpty { return .success(nil) }
        guard USSDCode.isValid(text) else {
            return .failure(ValueFailure(reason: .invalidValue(
                "is not a USSD code: 1 to 32 of the characters 0-9 * # + (\"*100#\"), or \"\" for none, found \"\(text)\"")))
        }
        return .success(text)
    } }

    /// `balance_interval`: at least a minute, at most 31 days.
    static var balanceInterval: ValueKind<Duration> { .duration(.seconds(60) ... .seconds(31 * 86400)) }
}
