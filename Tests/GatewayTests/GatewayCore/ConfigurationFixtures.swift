import Foundation
@testable import GatewayCore
@testable import GatewayConfig

/// What the configuration tests share: the repository's files, a machine-independent
/// environment, and a minimal valid document that rule vectors append to.
enum ConfigurationFixtures {
    /// The repository root, found from this file's path (Tests/GatewayTests/GatewayCore/…).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func path(_ relative: String) -> String { repositoryRoot.appendingPathComponent(relative).path }

    /// Time zones known to the tests whatever the machine has installed.
    static let environment = ConfigurationEnvironment { ["UTC", "Europe/Amsterdam"].contains($0) }

    /// Drepper's SHA-512-crypt vector: a well-formed hash (of "Hello world!").
    static let passwordHash = "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1"

    /// A valid document of 15 lines; `extra` starts on line 16.
    static func minimal(_ extra: String = "") -> String {
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

    /// The problems of `text` as `LINE:COL: key: reason` (or without position), file name dropped.
    static func problems(_ text: String) -> [String] {
        ConfigurationLoader.report(text, file: "t.toml", environment: environment).problems.map { problem in
            String(problem.description.dropFirst("t.toml:".count))
        }
    }
}
