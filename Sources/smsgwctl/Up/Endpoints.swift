import GatewayCore

/// What `up` prints once the box is ready: where each listener is, and where things are.
enum Endpoints {
    static func text(_ configuration: GatewayConfiguration, configPath: String, children: [ChildSpec], readyAfter: Duration,
                     logDirectory: String) -> String {
        let listeners = configuration.listeners
        var lines = ["up: the box is ready after \(SupervisedChild.seconds(readyAfter)): \(children.map(\.name).joined(separator: ", "))"]
        if listeners.http.enabled {
            let base = "http://\(host(listeners.http.address)):\(listeners.http.port)"
            lines.append("up: HTTP API   \(base)/api/v1/messages (docs/openapi.yaml; \(base)/healthz, \(base)/metrics, Kannel \(base)/cgi-bin/sendsms)")
        }
        if listeners.smpp.enabled {
            lines.append("up: SMPP       \(host(listeners.smpp.address)):\(listeners.smpp.port)")
        }
        if listeners.admin.listener.enabled {
            let admin = listeners.admin.listener
            lines.append("up: web page   http://\(host(admin.address)):\(admin.port) (user \(listeners.admin.user); docs/webpage.md)")
        }
        lines.append("up: runtime    \(configuration.runtime.directory) (logs in \(logDirectory)); store \(configuration.store.path)")
        lines.append("up: try  smsgwctl status --config \(configPath)  ·  smsgwctl send --config \(configPath) --to +31612345678 --text Hello  ·  Ctrl-C stops the box")
        return lines.joined(separator: "\n") + "\n"
    }

    /// An IPv6 address in a URL goes in brackets.
    static func host(_ address: String) -> String { address.contains(":") ? "[\(address)]" : address }
}
