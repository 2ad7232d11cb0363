import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// SIGHUP sent to `up`: reload the box, as `systemctl reload smsgw.target` does on a box. The
/// signal is ignored as such and watched by a Dispatch source (as `StopSignal` does); the
/// supervisor's loop takes it and sends SIGHUP to every daemon child (each reloads its
/// configuration; docs/configuration.md, "Reloading").
final class HangupSignal {
    private final class Received: Sendable {
        let count = Atomic<Int>(0)
    }

    private let received = Received()
    private let source: any DispatchSourceSignal

    init() {
        let received = self.received
        Glibc.signal(SIGHUP, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler { received.count.add(1, ordering: .relaxed) }
        source.resume()
    }

    deinit { source.cancel() }

    /// Whether SIGHUP came since the last call (several in a row are one reload).
    func take() -> Bool {
        received.count.exchange(0, ordering: .relaxed) > 0
    }
}
