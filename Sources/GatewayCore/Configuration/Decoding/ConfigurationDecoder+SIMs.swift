/// `[[sim_groups]]` and `[[sims]]`.
extension ConfigurationDecoder {
    mutating func decodeSIMGroups(_ root: inout TableReader) {
        simGroups = entries("sim_groups", of: &root) { reader, log in
            let id = reader.required("id", .identifier, log: &log)
            let strategy = reader.read("strategy", .choice, default: ConfigurationDefaults.simGroupStrategy, log: &log)
            let rotation = Self.decodeRotation(&reader, log: &log)
            return id.map { SIMGroup(id: $0, strategy: strategy, rotation: rotation) }
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
            guard let id, let modem, let slot, let groups else { return nil }
            return SIMConfiguration(id: id, enabled: enabled, modem: modem, slot: slot, groups: groups, limits: limits)
        }
    }
}
