import GatewayCore

/// `[[routes]]`: typed match criteria and a target SIM group.
extension ConfigurationDecoder {
    mutating func decodeRoutes(_ root: inout TableReader) {
        let prefix = ValueKind<String>.string.checked { prefix in
            let digits = prefix.hasPrefix("+") ? prefix.dropFirst() : Substring(prefix)
            return prefix.hasPrefix("+") && (1...15).contains(digits.count) && digits.allSatisfy({ ("0"..."9").contains($0) })
                ? nil : "is not a destination prefix: write \"+\" and 1 to 15 digits (E.164), found \"\(prefix)\""
        }
        let network = ValueKind<String>.string.checked { code in
            (5...6).contains(code.count) && code.allSatisfy({ ("0"..."9").contains($0) })
                ? nil : "is not an operator: write its MCC and MNC as 5 or 6 digits (\"20408\"), found \"\(code)\""
        }
        routes = entries("routes", of: &root) { reader, log in
            let name = reader.required("name", .identifier, log: &log)
            let prefixes = reader.read("prefixes", .array(of: prefix), default: [], log: &log)
            let operators = reader.read("operators", .array(of: network), default: [], log: &log)
            let accounts = reader.read("accounts", .array(of: .identifier), default: [], log: &log)
            let classes = reader.read("classes", .array(of: ValueKind<MessageClass>.choice), default: [], log: &log)
            let group = reader.required("group", .identifier, log: &log)
            guard let name, let group else { return nil }
            let route = Route(name: name, prefixes: prefixes, operators: operators, accounts: accounts, classes: classes, group: group)
            let criteria = ["prefixes", "operators", "accounts", "classes"]
            if !route.hasCriteria, criteria.allSatisfy({ reader.table[$0] == nil }) {
                log.report(.conflict("the route matches every message and hides the routes after it: give it prefixes, operators, accounts or classes, or use routing.default_group"),
                           at: reader.position, key: reader.path)
            }
            return route
        }
    }
}
