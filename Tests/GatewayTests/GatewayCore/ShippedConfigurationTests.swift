import Foundation
import Testing
@testable import GatewayCore
@testable import GatewayConfig

/// etc/smsgw/gateway.toml and demo.toml: valid, and kept in step with the model and its docs.
@Suite("Shipped configuration files")
struct ShippedConfigurationTests {
    static func load(_ name: String) throws -> ConfigurationLoader.Outcome {
        let text = try String(contentsOfFile: ConfigurationFixtures.path("etc/smsgw/\(name)"), encoding: .utf8)
        return ConfigurationLoader.report(text, file: name, environment: .system)
    }

    @Test(arguments: ["gateway.toml", "demo.toml"])
    func loadsWithoutProblems(name: String) throws {
        let outcome = try Self.load(name)
        #expect(outcome.problems.map(\.description) == [])
        #expect(outcome.configuration != nil)
    }

    /// The shipped file writes every key the model knows, so it never falls back to a
    /// default silently and an operator sees every setting.
    @Test func gatewayWritesEveryKeyTheModelKnows() throws {
        let outcome = try Self.load("gateway.toml")
        #expect(outcome.askedKeys.subtracting(outcome.writtenKeys).sorted() == [])
    }

    /// Where gateway.toml says "(default)", its values are the model's defaults.
    @Test func gatewayShowsTheDefaults() throws {
        let configuration = try #require(try Self.load("gateway.toml").configuration)
        #expect(configuration.box == ConfigurationDefaults.box)
        #expect(configuration.store == ConfigurationDefaults.store)
        #expect(configuration.runtime == ConfigurationDefaults.runtime)
        #expect(configuration.gpio == ConfigurationDefaults.gpio)
        #expect(configuration.simulator == ConfigurationDefaults.simulator)
        #expect(configuration.watchdog == ConfigurationDefaults.watchdog)
        #expect(configuration.simDefaults == ConfigurationDefaults.simLimits)
        #expect(configuration.listeners.smpp == ConfigurationDefaults.smppListener)
        #expect(configuration.listeners.http == ConfigurationDefaults.httpListener)
        #expect(configuration.listeners.admin.listener == ConfigurationDefaults.adminListener)
        #expect(configuration.listeners.admin.user == ConfigurationDefaults.adminUser)
        #expect(configuration.routing.defaultGroup == ConfigurationDefaults.defaultGroup)
        let first = try #require(configuration.modems.first)
        #expect(first.enabled == ConfigurationDefaults.enabled && first.baud == ConfigurationDefaults.modemBaud)
        #expect(first.power?.activeLow == ConfigurationDefaults.gpioActiveLow)
        #expect(configuration.simGroups.first?.strategy == ConfigurationDefaults.simGroupStrategy)
        let account = try #require(configuration.accounts.first)
        #expect(account.throughput == ConfigurationDefaults.accountThroughput)
        #expect(account.maxBinds == ConfigurationDefaults.accountMaxBinds)
        #expect(account.allowedClasses == ConfigurationDefaults.accountAllowedClasses)
        #expect(account.defaultClass == ConfigurationDefaults.accountDefaultClass)
        #expect(account.window == ConfigurationDefaults.accountWindow)
        #expect(configuration.listeners.smppTimers == ConfigurationDefaults.smppTimers)
        #expect(configuration.inbound.replyWindow == ConfigurationDefaults.inbound.replyWindow)
        #expect(configuration.delivery == ConfigurationDefaults.delivery)
        #expect(account.webhook?.events == WebhookEventKind.allCases)
        #expect(account.webhook?.timeout == ConfigurationDefaults.webhookTimeout)
        // A real 8-modem box, two slots each, every slot holding a SIM.
        #expect(configuration.modems.count == 8)
        #expect(configuration.sims.count == configuration.modems.map(\.slots).reduce(0, +))
    }

    /// The comments of gateway.toml name the secrets its hashes were made from.
    @Test func gatewaySecretsAreTheDocumentedOnes() throws {
        let configuration = try #require(try Self.load("gateway.toml").configuration)
        #expect(configuration.listeners.admin.password.verify("admin"))
        let account = try #require(configuration.accounts.first)
        #expect(!account.enabled)
        #expect(account.smpp?.password.verify("change-me-smpp") == true)
        #expect(account.http?.password?.verify("change-me-http") == true)
        #expect(account.http?.apiKeys.first?.verify("change-me-key") == true)
        #expect(account.webhook?.secret == "change-me-webhook-secret")
    }

    /// The demo box (README.md): fixed endpoints and credentials, simulated hardware, local state.
    @Test func demoHasTheDocumentedEndpoints() throws {
        let configuration = try #require(try Self.load("demo.toml").configuration)
        let listeners = configuration.listeners
        #expect(listeners.smpp == Listener(address: "127.0.0.1", port: 2775))
        #expect(listeners.http == Listener(address: "127.0.0.1", port: 8080))
        #expect(listeners.admin.listener == Listener(address: "127.0.0.1", port: 8081))
        #expect(listeners.admin.user == "admin" && listeners.admin.password.verify("admin"))
        let account = try #require(configuration.accounts.first)
        #expect(account.smpp?.systemID == "demo" && account.smpp?.password.verify("demo") == true)
        #expect(account.http?.apiKeys.contains { $0.verify("demo-key") } == true)
        #expect(account.http?.user == "demo" && account.http?.password?.verify("demo") == true)
        #expect(configuration.modems.count == 8 && configuration.modems.allSatisfy { $0.slots == 2 })
        #expect(configuration.sims.count == 16)
        #expect(configuration.gpio.driver == .simulated && configuration.simulator.enabled)
        #expect(!configuration.watchdog.hardwareEnabled)
        let paths = [configuration.store.path, configuration.runtime.directory, configuration.gpio.simulatedStatePath]
            + configuration.modems.map(\.device)
        #expect(paths.allSatisfy { $0.hasPrefix("./.smsgw/") })
    }

    /// docs/configuration.md documents every key the model reads (tables by their headings).
    @Test func everyKeyIsDocumented() throws {
        let docs = try String(contentsOfFile: ConfigurationFixtures.path("docs/configuration.md"), encoding: .utf8)
        let outcome = try Self.load("gateway.toml")
        let undocumented = outcome.askedKeys.filter { !docs.contains("`\($0)`") && !docs.contains("`[\($0)") }
        #expect(undocumented.sorted() == [])
    }
}
