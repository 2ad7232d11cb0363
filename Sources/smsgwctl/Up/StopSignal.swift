import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT (Ctrl-C) and SIGTERM ask `up` to stop the box: the signals are ignored as such and
/// watched by Dispatch sources (no C handler, no global state), and the supervisor's loop reads
/// the flag. SIGPIPE is ignored so a closed terminal cannot kill `up` halfway through a stop.
/// Children get default dispositions back (ChildProcess sets them at spawn).
final class StopSignal {
    /// The signal received (0: none); written by the Dispatch handlers, read by the loop.
    private final class Received: Sendable {
        let number = Atomic<Int32>(0)
    }

    private let received = Received()
    private let sources: [any DispatchSourceSignal]

    init() {
        Glibc.signal(SIGPIPE, SIG_IGN)
        let received = self.received
        sources = [SIGINT, SIGTERM].map { number in
            Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { received.number.store(number, ordering: .relaxed) }
            source.resume()
            return source
        }
    }

    deinit { for source in sources { source.cancel() } }

    /// The signal that asked to stop, or nil.
    var signal: Int32? {
        let number = received.number.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
