import ServiceLifecycle
import Webhooks

/// Keeps the HTTP client's threads for the daemon's life and stops them on graceful shutdown
/// (after the calls in flight). Put it before the outbox dispatcher in the service group, so
/// that the dispatcher, stopped first, makes no call after this.
struct HTTPCallClientService: Service {
    let client: HTTPCallClient

    func run() async throws {
        try? await gracefulShutdown()
        try await client.shutdown()
    }
}
