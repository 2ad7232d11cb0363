import GatewayIPC
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Wake-ups")
struct WakeupTests {
    @Test("sending where nobody listens returns at once and does not fail the sender")
    func nobodyListening() throws {
        let directory = try TemporarySocketDirectory()
        #expect(Wakeup.send(to: directory.socket("absent.sock")) == false)
        #expect(Wakeup.send(to: String(repeating: "x", count: 200)) == false, "a path too long for sun_path")
    }

    @Test("many wakes while the consumer is busy coalesce into one signal; a later wake is one more")
    func coalescing() async throws {
        let directory = try TemporarySocketDirectory()
        let path = directory.socket("queued.wake")
        let receiver = try await WakeupReceiver.bind(path: path)
        var mode = stat()
        #expect(stat(path, &mode) == 0 && mode.st_mode & 0o777 == 0o660)
        // Past the kernel's datagram queue (net.unix.max_dgram_qlen, often 10) sends return false
        // at once instead of blocking: the receiver has wakes pending already, nothing is lost.
        let delivered = (0..<100).map { _ in Wakeup.send(to: path) }
        #expect(delivered.first == true)
        try await Task.sleep(for: .milliseconds(500))  // the queued datagrams are read before anyone consumes
        let count = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in receiver.wakes { count.add() }
            }
            try await count.wait(for: 1)
            try await Task.sleep(for: .milliseconds(200))
            #expect(count.value == 1, "\(delivered.filter { $0 }.count) datagrams, one signal")
            #expect(Wakeup.send(to: path), "the queue was drained, so this one is queued")
            try await count.wait(for: 2)
            #expect(count.value == 2)
            await receiver.close()
            try await group.waitForAll()  // closing ends the sequence
        }
        #expect(access(path, F_OK) != 0)
    }
}

final class Counter: Sendable {
    private let count = Mutex(0)
    func add() { self.count.withLock { $0 += 1 } }
    var value: Int { self.count.withLock { $0 } }

    /// Polls until the count reaches `target` (at most 30 s; the machine is shared and busy).
    func wait(for target: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(30)  // generous: CI machines stall under load
        while self.value < target, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
    }
}
