import GatewayCore
import QueueCore
import Testing
import GatewayConfig

/// Routing: the ordered route table, first match wins, the default group last.
@Suite("Message router")
struct MessageRouterTests {
    static let configuration: Result<GatewayConfiguration, any Error> = Result {
        try ConfigurationLoader.decode(QueueFixtures.document("""
            [[sim_groups]]
            id = "otp"

            [[sim_groups]]
            id = "uk"

            [[modems]]
            id = "m2"
            device = "/dev/ttyUSB1"

            [[sims]]
            id = "s2"
            modem = "m2"
            slot = 0
            groups = ["otp", "uk"]

            [[routes]]
            name = "otp"
            classes = ["otp"]
            group = "otp"

            [[routes]]
            name = "uk"
            prefixes = ["+44"]
            group = "uk"

            [[routes]]
            name = "nl-kpn"
            prefixes = ["+316"]
            operators = ["20408"]
            group = "uk"
            """),
            file: "t.toml", environment: QueueFixtures.environment)
    }

    @Test(arguments: [
        // The first route wins: a UK OTP goes to "otp", not "uk".
        (RoutableMessage(destination: "+447700900123", account: "a", messageClass: .otp), "otp", "otp" as String?),
        // A country by its calling code.
        (RoutableMessage(destination: "+447700900123", account: "a", messageClass: .marketing), "uk", "uk"),
        // Prefix and operator must both match: a +316 number on another network takes the default.
        (RoutableMessage(destination: "+31612345678", destinationOperator: "20416", account: "a", messageClass: .transactional), "default", nil),
        (RoutableMessage(destination: "+31612345678", destinationOperator: "20408", account: "a", messageClass: .transactional), "uk", "nl-kpn"),
        // Nothing matches: the default group, no route name.
        (RoutableMessage(destination: "+12025550100", account: "a", messageClass: .marketing), "default", nil),
    ])
    func routes(message: RoutableMessage, group: String, route: String?) throws {
        let router = MessageRouter(configuration: try Self.configuration.get())
        let choice = try router.route(message).get()
        #expect(choice.group == group)
        #expect(choice.route == route)
        #expect(!choice.sims.isEmpty)
    }

    /// A group no SIM serves is a configuration error (the validator refuses such files; a
    /// model built in code can still hold one), not a reason to wait.
    @Test func emptyGroupIsAnError() throws {
        var configuration = try Self.configuration.get()
        configuration.sims.removeAll { $0.groups.contains("uk") }
        let router = MessageRouter(configuration: configuration)
        let result = router.route(RoutableMessage(destination: "+447700900123", account: "a", messageClass: .marketing))
        #expect(result == .failure(RoutingError(group: "uk", route: "uk")))
        #expect((try? result.get()) == nil)
        if case .failure(let error) = result {
            #expect(error.description == "route \"uk\" targets SIM group \"uk\", which has no SIM")
        }
    }
}
