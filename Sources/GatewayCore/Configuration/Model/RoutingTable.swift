/// `[routing]` and `[[routes]]`: an ordered table of typed routes, first match wins; a message
/// no route matches goes to the default SIM group.
public struct RoutingTable: Sendable, Equatable {
    public var routes: [Route]
    public var defaultGroup: String

    public init(routes: [Route], defaultGroup: String) {
        self.routes = routes
        self.defaultGroup = defaultGroup
    }

    /// The SIM group a message goes to: the group of the first matching route, else the default.
    public func group(for message: RoutableMessage) -> String {
        routes.first { $0.matches(message) }?.group ?? defaultGroup
    }
}

/// What routing looks at in a message.
public struct RoutableMessage: Sendable, Equatable {
    /// International format, "+" and digits.
    public var destination: String
    /// The destination's network as MCC+MNC, when known.
    public var destinationOperator: String?
    public var account: String
    public var messageClass: MessageClass

    public init(destination: String, destinationOperator: String? = nil, account: String, messageClass: MessageClass) {
        self.destination = destination
        self.destinationOperator = destinationOperator
        self.account = account
        self.messageClass = messageClass
    }
}

/// One route: every criterion that is not empty must match (an empty list matches anything).
public struct Route: Sendable, Equatable {
    public var name: String
    /// Destination prefixes in international format ("+316").
    public var prefixes: [String]
    /// Destination networks as MCC+MNC ("20408").
    public var operators: [String]
    public var accounts: [String]
    public var classes: [MessageClass]
    /// The SIM group that sends what matches.
    public var group: String

    public init(
        name: String, prefixes: [String] = [], operators: [String] = [], accounts: [String] = [],
        classes: [MessageClass] = [], group: String
    ) {
        self.name = name
        self.prefixes = prefixes
        self.operators = operators
        self.accounts = accounts
        self.classes = classes
        self.group = group
    }

    public var hasCriteria: Bool { !(prefixes.isEmpty && operators.isEmpty && accounts.isEmpty && classes.isEmpty) }

    public func matches(_ message: RoutableMessage) -> Bool {
        (prefixes.isEmpty || prefixes.contains { message.destination.hasPrefix($0) })
            && (operators.isEmpty || message.destinationOperator.map(operators.contains) == true)
            && (accounts.isEmpty || accounts.contains(message.account))
            && (classes.isEmpty || classes.contains(message.messageClass))
    }
}
