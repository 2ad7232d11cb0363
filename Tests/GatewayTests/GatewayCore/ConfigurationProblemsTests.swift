import Testing
@testable import GatewayCore
@testable import GatewayConfig

/// A file with many mistakes gives all of them at once, in file order, each with its file,
/// line, column, key and reason — what `smsgwctl config check` prints.
@Suite("Configuration problems, all at once")
struct ConfigurationProblemsTests {
    static let broken = """
        [box]
        name = "x"
        time_zone = "Mars/Olympus"
        colour = "blue"

        [watchdog]
        health_interval = "20s"
        health_timeout = "15s"
        hardware_ping_interval = "soon"

        [listeners.smpp]
        port = 8080

        [listeners.admin]
        password = "admin"

        [[modems]]
        id = "m1"
        device = "/dev/ttyUSB0"
        baud = 115201
        slots = 2
        power = { chip = "gpiochip0", line = 5 }

        [[modems]]
        id = "m1"
        device = "/dev/ttyUSB0"
        profile = "nokia"
        power = { chip = "/dev/gpiochip0", line = 5 }

        [[sim_groups]]
        id = "default"

        [[sims]]
        id = "s1"
        modem = "m1"
        slot = 3
        groups = ["default", "vip"]
        per_hour = 500

        [[accounts]]
        id = "a"
        [accounts.smpp]
        system_id = "averyveryverylongsystemid"
        password = "secret"
        [accounts.http]
        api_keys = ["demo-key"]

        [[routes]]
        name = "r"
        prefixes = ["31"]
        group = "nowhere"
        """

    @Test func everyProblemIsReported() throws {
        let expected = [
            #"broken.toml:3:1: box.time_zone: is not a time zone: use an IANA name under /usr/share/zoneinfo ("Europe/Amsterdam") or "UTC", found "Mars/Olympus""#,
            "broken.toml:4:1: box.colour: unknown key",
            "broken.toml:7:1: watchdog.health_interval: must be shorter than watchdog.health_timeout (15s)",
            #"broken.toml:9:1: watchdog.hardware_ping_interval: is not a duration: write a whole number and one unit of ms, s, m, h, d ("30s"), found "soon""#,
            "broken.toml:12:1: listeners.smpp.port: port 8080 is also used by listeners.http",
            "broken.toml:15:1: listeners.admin.password: is not a password hash: store a crypt(3) string ($y$ or $6$), made with `smsgwctl config hash-secret`",
            "broken.toml:20:1: modems[0].baud: is not a supported speed: use one of 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600",
            "broken.toml:21:1: modems[0].slots: a modem with 2 slots needs slot_select (GPIO lines or an AT command)",
            #"broken.toml:25:1: modems[1].id: duplicate modem id "m1" (first at line 18)"#,
            #"broken.toml:26:1: modems[1].device: duplicate serial device "/dev/ttyUSB0" (first at line 19)"#,
            #"broken.toml:27:1: modems[1].profile: must be one of "generic", "simcom-sim800", "simcom-sim7600", "quectel-ec25", "quectel-eg91", "huawei-e3372", found "nokia""#,
            "broken.toml:28:36: modems[1].power.line: GPIO gpiochip0 line 5 is already used by modems[0].power (first at line 22)",
            #"broken.toml:36:1: sims[0].slot: modem "m1" has 2 slots: slot must be 0 to 1"#,
            #"broken.toml:37:1: sims[0].groups[1]: no SIM group has id "vip""#,
            "broken.toml:38:1: sims[0].per_hour: per_hour (500) is more than per_day (400)",
            "broken.toml:43:1: accounts[0].smpp.system_id: must be 1 to 15 ASCII characters without spaces (SMPP 3.4 §4.1.1)",
            "broken.toml:44:1: accounts[0].smpp.password: is not a password hash: store a crypt(3) string ($y$ or $6$), made with `smsgwctl config hash-secret`",
            #"broken.toml:46:13: accounts[0].http.api_keys[0]: is not an API key hash: store "sha256:<hex>", made with `smsgwctl config hash-secret --api-key`"#,
            #"broken.toml:50:13: routes[0].prefixes[0]: is not a destination prefix: write "+" and 1 to 15 digits (E.164), found "31""#,
            #"broken.toml:51:1: routes[0].group: no SIM group has id "nowhere""#,
        ]
        do {
            _ = try ConfigurationLoader.decode(Self.broken, file: "broken.toml", environment: ConfigurationFixtures.environment)
            Issue.record("a broken file was accepted")
        } catch {
            #expect(error.problems.map(\.description) == expected)
            // The typed reason survives for callers that act on it (the web page highlights keys).
            #expect(error.problems[1].reason == .unknownKey && error.problems[1].keyPath == "box.colour")
        }
    }

    /// Cutting the shipped file after any line gives a model or problems, never a trap, and
    /// the problems always name a position inside the cut text (or none).
    @Test func everyPrefixOfTheShippedFileIsHandled() throws {
        let text = try String(contentsOfFile: ConfigurationFixtures.path("etc/smsgw/gateway.toml"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for count in 0...lines.count {
            let prefix = lines.prefix(count).joined(separator: "\n")
            let outcome = ConfigurationLoader.report(prefix, file: "cut.toml", environment: ConfigurationFixtures.environment)
            #expect(outcome.configuration != nil || !outcome.problems.isEmpty)
            #expect(outcome.problems.allSatisfy { ($0.position?.line ?? 0) <= max(count, 1) })
        }
    }
}
