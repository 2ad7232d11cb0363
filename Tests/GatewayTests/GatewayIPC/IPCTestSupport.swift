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
func withTestServer<Result: Sendable>(
    configuration: IPCServerConfiguration = IPCServerConfiguration(),
    _ body: @Sendable (IPCServer<TestProtocol>, String) async throws -> Result
) async throws -> Result {
    let directory = try TemporarySocketDirectory()
    let path = directory.socket("control.sock")
    let box = ServerBox()
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

/// Lets the handler publish through the server it belongs to.
final class ServerBox: Sendable {
    private let server = Mutex<IPCServer<TestProtocol>?>(nil)
    private let sleepers = Mutex(0)
    private let released = Mutex(false)
    var isReleased: Bool { self.released.withLock { $0 } }
    func release() { self.released.withLock { $0 = true } }
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
        try await Task.sleep(for: .milliseconds(milliseconds))
        return .done
    case .hold:
        box.sleeperStarted()
        while !box.isReleased { try await Task.sleep(for: .milliseconds(5)) }
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
