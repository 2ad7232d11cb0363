import GatewayIPC
import GatewayTestSupport
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
        // The receiver reads every queued datagram before anyone consumes: a datagram of the
        // test's own, sent after them, is read last, so once it is read all of them are.
        let probe = try DatagramProbe(to: path)
        try probe.send()
        try await Eventually.wait(for: "the receiver to read every datagram", every: .milliseconds(5)) { try probe.unreadBytes() == 0 }
        let count = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in receiver.wakes { count.add() }
            }
            try await count.wait(for: 1)
            // Nothing more may come: this quiet time is what the test checks (a second signal for
            // the same busy time would show up within it).
            try await Task.sleep(for: .milliseconds(200))
            #expect(count.value == 1, "\(delivered.filter { $0 }.count + 1) datagrams, one signal")
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

    /// Waits until the count reaches `target` (at most 30 s; the machine is shared and busy).
    func wait(for target: Int) async throws {
        try await Eventually.wait(for: "\(target) signals", within: .seconds(30), every: .milliseconds(5)) { self.value >= target }
    }
}

/// A datagram sender of the test's own that tells when the receiver has read what it sent:
/// AF_UNIX datagrams stay charged to their sender until the receiver reads them, and SIOCOUTQ
/// on the sender counts those bytes (unix(7)). Bound to an abstract address, as `Wakeup.send`
/// is (the receiver's channel refuses unnamed senders).
final class DatagramProbe {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let descriptor: Int32

    init(to path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var family = sa_family_t(AF_UNIX)
        let bound = withUnsafePointer(to: &family) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sa_family_t>.size)) }
        }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        // A send may wait for room in the receiver's queue, never longer than this.
        var patience = timeval(tv_sec: 10, tv_usec: 0)
        let limited = setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &patience, socklen_t(MemoryLayout<timeval>.size))
        guard bound == 0, connected == 0, limited == 0 else {
            close(descriptor)
            throw Failure(description: "cannot reach \(path): errno \(errno)")
        }
    }

    deinit { close(descriptor) }

    /// Sends one datagram, waiting for room in the receiver's queue.
    func send() throws {
        var payload: UInt8 = 1
        guard Glibc.send(descriptor, &payload, 1, 0) == 1 else { throw Failure(description: "send: errno \(errno)") }
    }

    /// Bytes sent and not yet read by the receiver.
    func unreadBytes() throws -> Int {
        var unread: Int32 = 0
        guard ioctl(descriptor, UInt(TIOCOUTQ), &unread) == 0 else { throw Failure(description: "SIOCOUTQ: errno \(errno)") }
        return Int(unread)
    }
}
