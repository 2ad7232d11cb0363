import ServiceLifecycle
import UnixSignals

/// SIGHUP: reload the configuration file (`ExecReload=kill -HUP $MAINPID` in the units) through
/// the daemon's `ConfigurationReloader`, which its control socket's `reload` request shares.
public struct ReloadService: Service {
    private let reloader: ConfigurationReloader
    private let signals: UnixSignalsSequence

    /// Traps SIGHUP from here on (call it before READY=1, so a reload sent right after READY
    /// never meets the default action, which would end the daemon).
    public init(reloader: ConfigurationReloader) async {
        signals = await UnixSignalsSequence(trapping: .sighup)
        self.reloader = reloader
    }

    public func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            _ = await reloader.reload()
        }
    }
}
