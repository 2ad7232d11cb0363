import Testing
@testable import GatewayCore
@testable import GatewayConfig

/// `balance_ussd` / `balance_interval` on `[[sim_groups]]` and `[[sims]]` (docs/configuration.md).
@Suite("USSD balance check configuration")
struct BalanceCheckConfigurationTests {
    static func load(group: String, sim: String) -> (GatewayConfiguration?, [String]) {
        let text = ConfigurationFixtures.minimal("[[sim_groups]]\nid = \"bulk\"\n" + group + """

            [[modems]]
            id = "m2"
            device = "/dev/ttyUSB1"

            [[sims]]
            id = "s2"
            modem = "m2"
            slot = 0
            groups = ["bulk"]
            \(sim)
            """)
        let outcome = ConfigurationLoader.report(text, file: "t.toml", environment: ConfigurationFixtures.environment)
        return (outcome.configuration, outcome.problems.map { String($0.description.dropFirst("t.toml:".count)) })
    }

    static func check(_ configuration: GatewayConfiguration?) -> BalanceCheck? {
        guard let configuration, let sim = configuration.sims.first(where: { $0.id == "s2" }),
              let group = configuration.simGroups.first(where: { $0.id == "bulk" }) else { return nil }
        return sim.balanceCheck(group: group)
    }

    /// Nothing said: no check, a day apart.
    @Test func defaults() {
        let (configuration, problems) = Self.load(group: "", sim: "")
        #expect(problems == [])
        #expect(Self.check(configuration) == BalanceCheck(code: nil, interval: .seconds(86400)))
    }

    /// The group's code and interval; a SIM overrides either, and "" turns its check off.
    @Test(arguments: [
        ("", BalanceCheck(code: "*100#", interval: .seconds(43200))),                          // the group's
        ("balance_ussd = \"*101#\"", BalanceCheck(code: "*101#", interval: .seconds(43200))),  // own code
        ("balance_interval = \"1h\"", BalanceCheck(code: "*100#", interval: .seconds(3600))),  // own interval
        ("balance_ussd = \"\"", BalanceCheck(code: nil, interval: .seconds(43200))),           // opted out
    ])
    func simOverrides(sim: String, expected: BalanceCheck) {
        let (configuration, problems) = Self.load(group: "balance_ussd = \"*100#\"\nbalance_interval = \"12h\"\n", sim: sim)
        #expect(problems == [])
        #expect(Self.check(configuration) == expected)
    }

    /// A code with anything but 0-9 * # + (an AT injection attempt, a letter) and intervals
    /// under a minute are refused, naming the key.
    @Test(arguments: [
        ("balance_ussd = \"*100#\\\";+CFUN=0\"", "sim_groups[1].balance_ussd: is not a USSD code"),
        ("balance_ussd = \"*1OO#\"", "sim_groups[1].balance_ussd: is not a USSD code"),
        ("balance_interval = \"30s\"", "sim_groups[1].balance_interval:"),
    ])
    func refused(line: String, expected: String) {
        let (_, problems) = Self.load(group: line + "\n", sim: "")
        #expect(problems.count == 1 && problems.first?.contains(expected) == true, "\(problems)")
    }
}
