import Testing
@testable import GatewayCore
@testable import GatewayConfig

/// One vector per validation rule: a minimal valid document plus the text that breaks the rule
/// (starting on line 16), and the exact problems expected.
@Suite("Configuration rules")
struct ConfigurationRuleTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var rule: String
        var extra: String
        var problems: [String]
        var testDescription: String { rule }
    }

    @Test func theMinimalDocumentIsValid() {
        #expect(ConfigurationFixtures.problems(ConfigurationFixtures.minimal()) == [])
    }

    @Test(arguments: [
        Vector(rule: "unknown key", extra: "[box]\ncolor = \"red\"\n",
               problems: ["17:1: box.color: unknown key"]),
        Vector(rule: "unknown table", extra: "[modem]\nid = \"m2\"\n",
               problems: ["16:1: modem: unknown key"]),
        Vector(rule: "wrong type", extra: "[listeners.smpp]\nport = \"2775\"\n",
               problems: ["17:1: listeners.smpp.port: expected an integer, found a string"]),
        Vector(rule: "out of range", extra: "[listeners.smpp]\nport = 70000\n",
               problems: ["17:1: listeners.smpp.port: must be 1 to 65535, found 70000"]),
        Vector(rule: "missing required key", extra: "[[modems]]\nid = \"m2\"\n",
               problems: ["16:1: modems[1].device: missing required key"]),
        Vector(rule: "unknown choice", extra: "[gpio]\ndriver = \"sysfs\"\n",
               problems: ["17:1: gpio.driver: must be one of \"libgpiod\", \"simulated\", found \"sysfs\""]),
        Vector(rule: "time zone", extra: "[box]\ntime_zone = \"Europe/Amsterdm\"\n",
               problems: ["17:1: box.time_zone: is not a time zone: use an IANA name under /usr/share/zoneinfo (\"Europe/Amsterdam\") or \"UTC\", found \"Europe/Amsterdm\""]),
        Vector(rule: "plain password", extra: "[[accounts]]\nid = \"a\"\nsmpp = { system_id = \"a\", password = \"hunter2\" }\n",
               problems: ["18:27: accounts[0].smpp.password: is not a password hash: store a crypt(3) string ($y$ or $6$), made with `smsgwctl config hash-secret`"]),
        Vector(rule: "plain API key", extra: "[[accounts]]\nid = \"a\"\nhttp = { api_keys = [\"k\"] }\n",
               problems: ["18:22: accounts[0].http.api_keys[0]: is not an API key hash: store \"sha256:<hex>\", made with `smsgwctl config hash-secret --api-key`"]),
        Vector(rule: "account without credentials", extra: "[[accounts]]\nid = \"a\"\n",
               problems: ["16:1: accounts[0].smpp: missing required key"]),
        Vector(rule: "duplicate modem id", extra: "[[modems]]\nid = \"m1\"\ndevice = \"/dev/ttyUSB1\"\n",
               problems: ["17:1: modems[1].id: duplicate modem id \"m1\" (first at line 8)"]),
        Vector(rule: "two modems on one serial device", extra: "[[modems]]\nid = \"m2\"\ndevice = \"/dev/ttyUSB0\"\n",
               problems: ["18:1: modems[1].device: duplicate serial device \"/dev/ttyUSB0\" (first at line 9)"]),
        Vector(rule: "GPIO line used twice (power and SIM select, chip by name and by path)",
               extra: "[[modems]]\nid = \"m2\"\ndevice = \"/dev/ttyUSB1\"\nslots = 2\npower = { chip = \"gpiochip0\", line = 4 }\n"
                   + "slot_select = { method = \"gpio\", lines = [{ chip = \"/dev/gpiochip0\", line = 4 }] }\n",
               problems: ["21:70: modems[1].slot_select.lines[0].line: GPIO gpiochip0 line 4 is already used by modems[1].power (first at line 20)"]),
        Vector(rule: "several slots and no way to select one", extra: "[[modems]]\nid = \"m2\"\ndevice = \"/dev/ttyUSB1\"\nslots = 2\n",
               problems: ["19:1: modems[1].slots: a modem with 2 slots needs slot_select (GPIO lines or an AT command)"]),
        Vector(rule: "too few select lines", extra: "[[modems]]\nid = \"m2\"\ndevice = \"/dev/ttyUSB1\"\nslots = 3\n"
                   + "slot_select = { method = \"gpio\", lines = [{ chip = \"gpiochip0\", line = 1 }] }\n",
               problems: ["20:17: modems[1].slot_select.method: 1 GPIO lines cannot select 3 slots"]),
        Vector(rule: "AT select without placeholder", extra: "[[modems]]\nid = \"m2\"\ndevice = \"/dev/ttyUSB1\"\nslots = 2\n"
                   + "slot_select = { method = \"at\", command = \"AT+QDSIM=1\" }\n",
               problems: ["20:32: modems[1].slot_select.command: must be an AT command containing {slot}, such as \"AT+QDSIM={slot}\""]),
        Vector(rule: "SIM slot out of range", extra: "[[sims]]\nid = \"s2\"\nmodem = \"m1\"\nslot = 1\ngroups = [\"default\"]\n",
               problems: ["19:1: sims[1].slot: modem \"m1\" has 1 slot: slot must be 0 to 0"]),
        Vector(rule: "two SIMs in one slot", extra: "[[sims]]\nid = \"s2\"\nmodem = \"m1\"\nslot = 0\ngroups = [\"default\"]\n",
               problems: ["19:1: sims[1].slot: modem \"m1\" slot 0 already holds sims[0] (first at line 14)"]),
        Vector(rule: "SIM in an unknown modem (its groups are still checked)", extra: "[[sims]]\nid = \"s2\"\nmodem = \"m9\"\nslot = 0\ngroups = [\"vip\"]\n",
               problems: ["18:1: sims[1].modem: no modem has id \"m9\"",
                          "20:1: sims[1].groups[0]: no SIM group has id \"vip\""]),
        Vector(rule: "SIM in an unknown group", extra: "[[modems]]\nid = \"m2\"\ndevice = \"/dev/ttyUSB1\"\n[[sims]]\nid = \"s2\"\nmodem = \"m2\"\nslot = 0\ngroups = [\"vip\"]\n",
               problems: ["23:1: sims[1].groups[0]: no SIM group has id \"vip\""]),
        Vector(rule: "limits that cannot be reached", extra: "[sim_defaults]\nper_hour = 500\nper_day = 100\n",
               problems: ["17:1: sim_defaults.per_hour: per_hour (500) is more than per_day (100)"]),
        Vector(rule: "route to an unknown group and account", extra: "[[routes]]\nname = \"r\"\naccounts = [\"nobody\"]\ngroup = \"vip\"\n",
               problems: ["18:1: routes[0].accounts[0]: no account has id \"nobody\"",
                          "19:1: routes[0].group: no SIM group has id \"vip\""]),
        Vector(rule: "route matching everything", extra: "[[routes]]\nname = \"r\"\ngroup = \"default\"\n",
               problems: ["16:1: routes[0]: the route matches every message and hides the routes after it: give it prefixes, operators, accounts or classes, or use routing.default_group"]),
        Vector(rule: "unknown default group", extra: "[routing]\ndefault_group = \"main\"\n",
               problems: ["17:1: routing.default_group: no SIM group has id \"main\""]),
        Vector(rule: "empty SIM group", extra: "[[sim_groups]]\nid = \"spare\"\n",
               problems: ["17:1: sim_groups[1].id: no SIM is in this group"]),
        Vector(rule: "two listeners on one port", extra: "[listeners.http]\nport = 2775\n",
               problems: ["17:1: listeners.http.port: port 2775 is already used by listeners.smpp"]),
        Vector(rule: "same port on different addresses is fine, the wildcard is not",
               extra: "[listeners.smpp]\naddress = \"127.0.0.1\"\nport = 9000\n[listeners.http]\naddress = \"::1\"\nport = 9000\n",
               problems: []),
        Vector(rule: "ping interval not shorter than its timeout", extra: "[watchdog]\nhardware_ping_interval = \"60s\"\n",
               problems: ["17:1: watchdog.hardware_ping_interval: must be shorter than watchdog.hardware_timeout (1m)"]),
        Vector(rule: "a written timeout below a default interval is blamed", extra: "[watchdog]\nmodem_hang_timeout = \"5s\"\n",
               problems: ["17:1: watchdog.modem_hang_timeout: must be longer than watchdog.modem_poll_interval (10s)"]),
        Vector(rule: "duplicate account system_id and API key",
               extra: "[[accounts]]\nid = \"a\"\nsmpp = { system_id = \"x\", password = \"\(ConfigurationFixtures.passwordHash)\" }\n"
                   + "http = { api_keys = [\"sha256:\(String(repeating: "ab", count: 32))\"] }\n"
                   + "[[accounts]]\nid = \"b\"\nsmpp = { system_id = \"x\", password = \"\(ConfigurationFixtures.passwordHash)\" }\n"
                   + "http = { api_keys = [\"sha256:\(String(repeating: "ab", count: 32))\"] }\n",
               problems: ["22:10: accounts[1].smpp.system_id: duplicate SMPP system_id \"x\" (first at line 18)",
                          "23:10: accounts[1].http.api_keys[0]: the same API key is already given to accounts[0] (first at line 19)"]),
    ])
    func rule(_ vector: Vector) {
        #expect(ConfigurationFixtures.problems(ConfigurationFixtures.minimal(vector.extra)) == vector.problems)
    }

    @Test func invalidTOMLIsOneProblemWithItsPosition() {
        #expect(ConfigurationFixtures.problems("[box]\nname = \n") == ["2:8: invalid TOML: expected a value, found a newline"])
    }

    @Test func anUnreadableFileNamesTheFile() {
        #expect(throws: ConfigurationProblems([ConfigurationProblem(
            file: "/nonexistent/gateway.toml", position: nil, keyPath: "", reason: .unreadable("No such file or directory"))])
        ) { try ConfigurationLoader.load(file: "/nonexistent/gateway.toml") }
    }
}
