import Synchronization
import SystemBridge

#if canImport(Glibc)
import Glibc
#endif

/// A thread that reads one serial line and hands what it reads to a modem's runner, in order.
/// A blocking reader per port, on a thread of its own so a waiting read never holds one of
/// the few cooperative-pool threads: poll(2) with a short timeout, so `stop()` ends it within 200 ms.
final class SerialReader: Sendable {
    private let port: SerialPort
    private let inputs: AsyncStream<RunnerInput>.Continuation
    private let stopped = Atomic<Bool>(false)

    init(port: SerialPort, inputs: AsyncStream<RunnerInput>.Continuation) {
        self.port = port
        self.inputs = inputs
    }

    func start() {
        let box = Unmanaged.passRetained(self)
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { argument in
            guard let argument else { return nil }
            let reader = Unmanaged<SerialReader>.fromOpaque(argument).takeRetainedValue()
            reader.loop()
            return nil
        }, box.toOpaque())
        if created == 0 {
            pthread_detach(thread)
        } else {
            box.release()
            inputs.yield(.lineFailed("cannot start the reader thread (error \(created))"))
        }
    }

    func stop() { stopped.store(true, ordering: .relaxed) }

    private func loop() {
        var failing = false
        while !stopped.load(ordering: .relaxed) {
            do {
                let bytes = try port.read(timeoutMilliseconds: 200)
                failing = false
                if !bytes.isEmpty { inputs.yield(.bytes(bytes)) }
            } catch {
                if !failing { inputs.yield(.lineFailed(error.description)) }
                failing = true
                usleep(200_000)
            }
        }
    }
}
