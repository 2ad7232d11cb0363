import Testing
@testable import GatewayCore
@testable import GatewayConfig

@Suite("[accounts.webhook] configuration")
struct WebhookConfigurationTests {
    static func account(_ webhook: String) -> String {
        ConfigurationFixtures.minimal("[[accounts]]\nid = \"a\"\nhttp = { api_keys = [] }\n[accounts.webhook]\n" + webhook)
    }

    @Test func defaults() throws {
        let text = Self.account("url = \"https://up.example/h\"\nsecret = \"0123456789abcdef\"\n")
        #expect(ConfigurationFixtures.problems(text) == [])
        let outcome = ConfigurationLoader.report(text, file: "t.toml", environment: ConfigurationFixtures.environment)
        let webhook = try #require(outcome.configuration?.accounts.first?.webhook)
        #expect(webhook == WebhookSettings(url: "https://up.example/h", secret: "0123456789abcdef",
                                           events: [.dlr, .mo], timeout: .seconds(10), caFile: nil))
    }

    struct Vector: Sendable, CustomTestStringConvertible {
        var rule: String
        var webhook: String
        var problems: [String]
        var testDescription: String { rule }
    }

    @Test(arguments: [
        // Lines: the account starts at 16, the webhook table's keys at 20.
        Vector(rule: "not http(s)", webhook: "url = \"ftp://up/h\"\nsecret = \"0123456789abcdef\"\n",
               problems: ["20:1: accounts[0].webhook.url: must start with http:// or https://, found \"ftp://up/h\""]),
        Vector(rule: "no host", webhook: "url = \"https:///h\"\nsecret = \"0123456789abcdef\"\n",
               problems: ["20:1: accounts[0].webhook.url: must name a host after https://"]),
        Vector(rule: "space in the URL", webhook: "url = \"https://up/a b\"\nsecret = \"0123456789abcdef\"\n",
               problems: ["20:1: accounts[0].webhook.url: must not contain spaces or control characters"]),
        // 15 characters: one short of the floor.
        Vector(rule: "short secret", webhook: "url = \"http://up/h\"\nsecret = \"0123456789abcde\"\n",
               problems: ["21:1: accounts[0].webhook.secret: must be at least 16 characters (it is the HMAC-SHA256 key)"]),
        Vector(rule: "missing secret", webhook: "url = \"http://up/h\"\n",
               problems: ["19:1: accounts[0].webhook.secret: missing required key"]),
        Vector(rule: "unknown event", webhook: "url = \"http://up/h\"\nsecret = \"0123456789abcdef\"\nevents = [\"dlr\", \"sms\"]\n",
               problems: ["22:18: accounts[0].webhook.events[1]: must be one of \"dlr\", \"mo\", found \"sms\""]),
        Vector(rule: "no events", webhook: "url = \"http://up/h\"\nsecret = \"0123456789abcdef\"\nevents = []\n",
               problems: ["22:1: accounts[0].webhook.events: must name at least one event (\"dlr\", \"mo\")"]),
        Vector(rule: "timeout too long", webhook: "url = \"http://up/h\"\nsecret = \"0123456789abcdef\"\ntimeout = \"5m\"\n",
               problems: ["22:1: accounts[0].webhook.timeout: must be 1s to 2m, found \"5m\""]),
        Vector(rule: "unknown key", webhook: "url = \"http://up/h\"\nsecret = \"0123456789abcdef\"\nverify = false\n",
               problems: ["22:1: accounts[0].webhook.verify: unknown key"]),
    ])
    func rule(_ vector: Vector) {
        #expect(ConfigurationFixtures.problems(Self.account(vector.webhook)) == vector.problems)
    }
}
