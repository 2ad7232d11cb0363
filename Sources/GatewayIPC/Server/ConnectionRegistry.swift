import Synchronization

/// The server's open connections, for publishing events and for graceful shutdown.
final class ConnectionRegistry: Sendable {
    private struct State {
        var connections: [ObjectIdentifier: ServerConnection] = [:]
        var draining = false
    }

    private let state = Mutex(State())

    /// Adds a connection; one that arrives during a drain is drained at once.
    func add(_ connection: ServerConnection) {
        let draining = self.state.withLock { state in
            state.connections[ObjectIdentifier(connection)] = connection
            return state.draining
        }
        if draining { connection.drain() }
    }

    func remove(_ connection: ServerConnection) {
        _ = self.state.withLock { $0.connections.removeValue(forKey: ObjectIdentifier(connection)) }
    }

    func drainAll() {
        let connections = self.state.withLock { state in
            state.draining = true
            return Array(state.connections.values)
        }
        for connection in connections { connection.drain() }
    }

    var all: [ServerConnection] {
        self.state.withLock { Array($0.connections.values) }
    }
}
