import GatewayCore

/// Picks the SIM group of a message: the config's ordered route table, first match wins, the
/// default group last (`[[routes]]` in docs/configuration.md). A country is matched
/// by its E.164 calling-code prefix (`prefixes = ["+44"]`, ITU-T E.164 §6.2.1).
public struct MessageRouter: Sendable {
    public let table: RoutingTable
    /// SIM ids per group, in file order.
    public let members: [String: [String]]

    public init(configuration: GatewayConfiguration) {
        table = configuration.routing
        var members: [String: [String]] = [:]
        for sim in configuration.sims {
            for group in sim.groups { members[group, default: []].append(sim.id) }
        }
        self.members = members
    }

    /// The route that takes `message` and its group, or why no SIM can ever send it.
    public func route(_ message: RoutableMessage) -> Result<RouteChoice, RoutingError> {
        let route = table.routes.first { $0.matches(message) }
        let group = route?.group ?? table.defaultGroup
        guard let sims = members[group], !sims.isEmpty else {
            return .failure(RoutingError(group: group, route: route?.name))
        }
        return .success(RouteChoice(group: group, route: route?.name, sims: sims))
    }
}

/// Where routing sent a message.
public struct RouteChoice: Sendable, Hashable {
    public var group: String
    /// The matching route's name; nil when the default group took it.
    public var route: String?
    /// The group's SIM ids, in file order.
    public var sims: [String]
}

/// A message routed to a group that has no SIM: a configuration error, not a reason to wait.
public struct RoutingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var group: String
    public var route: String?

    public init(group: String, route: String?) {
        self.group = group
        self.route = route
    }

    public var description: String {
        let by = route.map { "route \"\($0)\"" } ?? "routing.default_group"
        return "\(by) targets SIM group \"\(group)\", which has no SIM"
    }
}
