import Logging
import NIOCore
import ServiceLifecycle

/// The run of a TCP listener (SMPP, HTTP API, web page): each accepted connection served in a
/// child task of its own, until graceful shutdown closes the listening socket; the connections
/// already accepted finish before this returns.
enum AcceptLoop {
    static func run<Inbound: Sendable, Outbound: Sendable>(
        _ listener: NIOAsyncChannel<NIOAsyncChannel<Inbound, Outbound>, Never>, name: String, logger: Logger,
        serve: @escaping @Sendable (NIOAsyncChannel<Inbound, Outbound>) async -> Void
    ) async throws {
        let channel = listener.channel
        try await withGracefulShutdownHandler {
            try await listener.executeThenClose { connections in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await connection in connections {
                            group.addTask { await serve(connection) }
                        }
                    } catch {
                        logger.debug("\(name) accepting ended: \(error)")
                    }
                }
            }
        } onGracefulShutdown: {
            channel.close(promise: nil)
        }
    }
}
