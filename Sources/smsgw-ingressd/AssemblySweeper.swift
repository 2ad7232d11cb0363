import GatewayCore
import GatewayDaemon
import Logging
import ServiceLifecycle

/// Fails upstream-split messages whose parts did not all arrive before their deadline
/// (`listeners.smpp` assembly timeout, docs/ingressd.md): they become `failed` with the
/// missing parts named in their history, and a failed DLR is queued when upstream asked for
/// one. Runs every `interval` of `clock` (a quarter of the timeout, at most 5 s) until shutdown.
struct AssemblySweeper: Service {
    let store: IngressStore
    let interval: Duration
    let clock: any DaemonClock
    let logger: Logger

    init(store: IngressStore, timeout: Duration, clock: any DaemonClock, logger: Logger) {
        self.store = store
        self.interval = min(timeout / 4, .seconds(5))
        self.clock = clock
        self.logger = logger
    }

    func run() async throws {
        await repeatUntilShutdown(every: interval, clock: clock) {
            do {
                let failed = try await store.failIncompleteAssemblies(limit: 500, now: clock.now())
                if !failed.isEmpty {
                    logger.notice("assemblies timed out with parts missing", metadata: ["messages": "\(failed)"])
                }
            } catch {
                logger.error("assembly sweep failed: \(error)")
            }
        }
    }
}
