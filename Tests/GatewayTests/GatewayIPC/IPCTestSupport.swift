import GatewayIPC
import Logging
import NIOCore
import NIOPosix
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The protocol the IPC tests speak: echo, arithmetic, slow and failing handlers, and events.
enum TestProtocol: IPCProtocol {
    enum Request: Codable, Sendable, Equatable {
        case echo(String)
        case add(Int, Int)
        case sleep(milliseconds: Int)
        /// Runs until the test calls `ServerBox.release()` (a request in flight for as long as a test needs).
        case hold
        case fail(code: String, message: String)
        case crash
        case publish(String)
    }

    enum Response: Codable, Sendable, Equatable {
        case echoed(String)
        case sum(Int)
        case done
    }

    enum Event: Codable, Sendable, Equatable {
        case note(String)
    }
}

struct TestHandlerError: Error {}

/// A short temporary directory (a socket path must fit in 108 octets), removed at deinit.
final class TemporarySocketDirectory: Sendable {
    let path: String

    init() throws {
        var template = Array("/tmp/smsgw-ipc-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TestHandlerError() }
        self.path = String(cString: made)
    }

    func socket(_ name: String) -> String { "\(self.path)/\(name)" }

    deinit {
        if let directory = opendir(self.path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { unlink("\(self.path)/\(name)") }
            }
            closedir(directory)
        }
        rmdir(self.path)
    }
}

/// Binds a test server, runs it in a child task for the body, then shuts it down gracefully.
/// `box` lets the test release held requests and see which started.
func withTestServer<Result: Sendable>(
    configuration: IPCServerConfiguration = IPCServerConfiguration(),
    box: ServerBox = ServerBox(),
    _ body: @Sendable (IPCServer<TestProtocol>, String) async throws -> Result
) async throws -> Result {
    let directory = try TemporarySocketDirectory()
    let path = directory.socket("control.sock")
    let server = try await IPCServer.bind(path: path, protocol: TestProtocol.self, configuration: configuration) { request in
        try await testHandler(request, box: box)
    }
    box.set(server)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        do {
            let result = try await body(server, path)
            server.shutdownGracefully()
            try await group.waitForAll()
            return result
        } catch {
            server.shutdownGracefully()
            try await group.waitForAll()
            throw error
        }
    }
}

/// Lets the handler publish through the server it belongs to, and the test release `hold`s.
final class ServerBox: Sendable {
    private struct Gate {
        var released = false
        var holders: [UInt64: CheckedContinuation<Void, any Error>] = [:]
        var next: UInt64 = 0
    }

    private let server = Mutex<IPCServer<TestProtocol>?>(nil)
    private let sleepers = Mutex(0)
    private let gate = Mutex(Gate())

    /// Lets every `hold` running or still to come return.
    func release() {
        let holders = self.gate.withLock { gate in
            gate.released = true
            defer { gate.holders.removeAll() }
            return Array(gate.holders.values)
        }
        for holder in holders { holder.resume() }
    }

    /// Returns once `release()` was called; throws `CancellationError` if the task is cancelled first.
    func waitForRelease() async throws {
        let ticket = self.gate.withLock { gate in
            defer { gate.next += 1 }
            return gate.next
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (holder: CheckedContinuation<Void, any Error>) in
                let released = self.gate.withLock { gate in
                    if !gate.released { gate.holders[ticket] = holder }
                    return gate.released
                }
                if released {
                    holder.resume()
                } else if Task.isCancelled, let mine = self.gate.withLock({ $0.holders.removeValue(forKey: ticket) }) {
                    mine.resume(throwing: CancellationError())  // cancelled before it was registered
                }
            }
        } onCancel: {
            self.gate.withLock { $0.holders.removeValue(forKey: ticket) }?.resume(throwing: CancellationError())
        }
    }

    /// Handlers of `.sleep` that have started (so a test knows a request is in flight).
    var sleepersStarted: Int { self.sleepers.withLock { $0 } }
    func sleeperStarted() { self.sleepers.withLock { $0 += 1 } }
    func set(_ server: IPCServer<TestProtocol>) { self.server.withLock { $0 = server } }
    func publish(_ event: TestProtocol.Event) throws { try self.server.withLock { $0 }?.publish(event) }
}

func testHandler(_ request: TestProtocol.Request, box: ServerBox) async throws -> TestProtocol.Response {
    switch request {
    case .echo(let text):
        return .echoed(text)
    case .add(let a, let b):
        return .sum(a + b)
    case .sleep(let milliseconds):
        box.sleeperStarted()
        // A slow handler is what this request is: its run time is the behaviour under test.
        try await Task.sleep(for: .milliseconds(milliseconds))
        return .done
    case .hold:
        box.sleeperStarted()
        try await box.waitForRelease()
        return .done
    case .fail(let code, let message):
        throw IPCError(IPCErrorCode(code), message)
    case .crash:
        throw TestHandlerError()
    case .publish(let text):
        try box.publish(.note(text))
        return .done
    }
}

/// A peer that writes raw bytes and reads raw frames, to send what a real client never would.
struct RawPeer {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>

    static func connect(to path: String) async throws -> RawPeer {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(unixDomainSocketPath: path) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(IPCFrameDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return RawPeer(channel: channel)
    }

    /// Writes `bytes`, then returns every frame the server sends until it closes the connection.
    func send(_ bytes: [UInt8]) async throws -> (frames: [String], closed: Bool) {
        try await self.channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(bytes: bytes))
            var frames: [String] = []
            for try await frame in inbound {
                frames.append(String(decoding: frame.readableBytesView, as: UTF8.self))
            }
            return (frames, true)
        }
    }
}

func framed(_ json: String) -> [UInt8] {
    Array(IPCFrameEncoding.frame(payload: Array(json.utf8)).readableBytesView)
}
