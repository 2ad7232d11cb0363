import Foundation
import GatewayCore
import QueueCore
import GatewayConfig

/// What the queue-core tests share: the repository's files, a minimal configuration, zones.
enum QueueFixtures {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func path(_ relative: String) -> String { repositoryRoot.appendingPathComponent(relative).path }

    /// Drepper's SHA-512-crypt vector: a well-formed hash.
    static let passwordHash = "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1"

    static let environment = ConfigurationEnvironment { ["UTC", "Europe/Amsterdam"].contains($0) }

    /// A valid document with one modem and SIM; `extra` is appended.
    static func document(_ extra: String = "") -> String {
        """
        [listeners.admin]
        password = "\(passwordHash)"

        [[sim_groups]]
        id = "default"

        [[modems]]
        id = "m1"
        device = "/dev/ttyUSB0"

        [[sims]]
        id = "s1"
        modem = "m1"
        slot = 0
        groups = ["default"]

        """ + extra
    }

    /// The zone rules of an installed zone (tzdata is a test dependency of this suite).
    static func zone(_ name: String) throws -> ZoneRules {
        let data = try Data(contentsOf: URL(fileURLWithPath: "/usr/share/zoneinfo/\(name)"))
        return try ZoneRules(tzif: [UInt8](data))
    }

    /// A UTC instant written as "YYYY-MM-DD HH:MM" (seconds 0).
    static func utc(_ text: String) -> Timestamp {
        let numbers = text.split(whereSeparator: { "- :".contains($0) }).compactMap { Int64($0) }
        let days = CivilDate(year: numbers[0], month: numbers[1], day: numbers[2]).daysSince1970
        return Timestamp(secondsSince1970: days * 86400 + numbers[3] * 3600 + numbers[4] * 60)
    }

    static func sim(_ id: String, modem: String, slot: Int = 0, groups: [String] = ["default"],
                    limits: SIMLimits = SIMLimits(perHour: 10, perDay: 100, perMonth: 1000, cooldown: .seconds(5)),
                    enabled: Bool = true) -> SIMConfiguration {
        SIMConfiguration(id: id, enabled: enabled, modem: modem, slot: slot, groups: groups, limits: limits)
    }
}
