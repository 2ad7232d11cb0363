import Testing
import GatewayCore

/// Routing: an ordered table, first match wins, the default group otherwise.
@Suite("Routing table")
struct RoutingTableTests {
    static let table = RoutingTable(routes: [
        Route(name: "otp", classes: [.otp], group: "otp"),
        Route(name: "acme-marketing", accounts: ["acme"], classes: [.marketing], group: "bulk"),
        Route(name: "kpn", prefixes: ["+316"], operators: ["20408"], group: "kpn"),
        Route(name: "nl", prefixes: ["+31", "+32"], group: "benelux"),
    ], defaultGroup: "default")

    struct Vector: Sendable, CustomTestStringConvertible {
        var why: String
        var message: RoutableMessage
        var group: String
        var testDescription: String { why }
    }

    @Test(arguments: [
        // The first route wins even though "nl" would match too.
        Vector(why: "first match wins", message: RoutableMessage(destination: "+31612345678", account: "x", messageClass: .otp), group: "otp"),
        // Every criterion of a route must match: acme's transactional traffic is not marketing.
        Vector(why: "all criteria must match", message: RoutableMessage(destination: "+4915112345678", account: "acme", messageClass: .transactional), group: "default"),
        Vector(why: "account and class", message: RoutableMessage(destination: "+4915112345678", account: "acme", messageClass: .marketing), group: "bulk"),
        // Prefix and operator both match.
        Vector(why: "prefix and operator", message: RoutableMessage(destination: "+31612345678", destinationOperator: "20408", account: "x", messageClass: .transactional), group: "kpn"),
        // A ported number: right prefix, other network — falls through to the broader route.
        Vector(why: "operator mismatch falls through", message: RoutableMessage(destination: "+31612345678", destinationOperator: "20416", account: "x", messageClass: .transactional), group: "benelux"),
        // Unknown operator cannot match a route that asks for one.
        Vector(why: "unknown operator", message: RoutableMessage(destination: "+31612345678", account: "x", messageClass: .transactional), group: "benelux"),
        Vector(why: "second prefix of a list", message: RoutableMessage(destination: "+32470123456", account: "x", messageClass: .marketing), group: "benelux"),
        // "+3" is not "+31": prefixes compare whole leading digits.
        Vector(why: "no route: default group", message: RoutableMessage(destination: "+3361234567", account: "x", messageClass: .marketing), group: "default"),
    ])
    func routes(_ vector: Vector) {
        #expect(Self.table.group(for: vector.message) == vector.group)
    }
}
