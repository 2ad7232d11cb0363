import GatewayCore
import GatewayTestSupport
import Synchronization
import Testing
@testable import GatewayStore

#if canImport(Glibc)
import Glibc
#endif

/// The store's threads: actors that call SQLite run on a `DatabaseThread`, never on the
/// cooperative pool, and modemd's `GroupWriter` commits the writes of many modems together.
@Suite("Store threads and group writes")
struct GroupWriterTests {
    let temporary: TemporaryDatabase

    init() throws {
        temporary = try TemporaryDatabase()
    }

    /// An actor on a `DatabaseThread`, as every store actor of the daemons is declared.
    actor ThreadedActor {
        private let thread: DatabaseThread
        nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
        private var calls = 0

        init(name: String) throws { thread = try DatabaseThread(name: name) }

        /// The name of the thread this call runs on, and how many calls came before it.
        func whereAmI() -> (thread: String, order: Int) {
            calls += 1
            return (currentThreadName(), calls)
        }
    }

    static func currentThreadName() -> String {
        let descriptor = open("/proc/thread-self/comm", O_RDONLY)
        guard descriptor >= 0 else { return "?" }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        return String(decoding: buffer.prefix(max(0, count)), as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    @Test("an actor on a DatabaseThread runs every call on that one named thread, in order, off the pool")
    func actorRunsOnItsThread() async throws {
        let subject = try ThreadedActor(name: "test-store-thread")
        let answers = try await withThrowingTaskGroup(of: (thread: String, order: Int).self) { group in
            for _ in 0..<50 { group.addTask { await subject.whereAmI() } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // The kernel keeps 15 bytes of a thread's name.
        #expect(Set(answers.map(\.thread)) == ["test-store-thre"])
        #expect(answers.map(\.order).sorted() == Array(1...50))
        // The test itself runs on the pool, whose threads are not named like ours.
        #expect(Self.currentThreadName() != "test-store-thre")
    }

    /// Holds the writer's thread inside a write until the test opens it.
    final class Gate: Sendable {
        let entered = Atomic<Bool>(false)
        let opened = Atomic<Bool>(false)

        func hold() {
            entered.store(true, ordering: .sequentiallyConsistent)
            // Blocks the database thread on purpose: the state under test is "a commit in flight".
            while !opened.load(ordering: .sequentiallyConsistent) { usleep(200) }
        }
    }

    @Test("writes that arrive while a commit is in flight are committed together by the next one")
    func groupCommit() async throws {
        let writer = try GroupWriter(path: temporary.path, threadName: "test-writer", now: .testStart)
        _ = try await writer.write { try $0.connection.execute("CREATE TABLE t (i INTEGER PRIMARY KEY)") }
        let gate = Gate()
        async let first: Void = writer.write { database in
            try database.connection.run("INSERT INTO t VALUES (0)")
            gate.hold()
        }
        try await Eventually.wait(for: "the first write to hold the thread") { gate.entered.load(ordering: .sequentiallyConsistent) }
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for value in 1...20 {
                group.addTask {
                    try await writer.write { database in
                        try database.connection.run("INSERT INTO t VALUES (?)", value)
                        return value
                    }
                }
            }
            try await Eventually.wait(for: "20 writes queued behind the held commit") { writer.waitingCallCount == 20 }
            gate.opened.store(true, ordering: .sequentiallyConsistent)
            return try await group.reduce(into: []) { $0.append($1) }
        }
        try await first
        #expect(values.sorted() == Array(1...20))
        // One commit for the table, one for the held write, ONE for the twenty that queued.
        #expect(await writer.batchSizes == [1, 1, 20])
        let count = try await writer.write { try $0.connection.queryFirst("SELECT count(*) FROM t") { $0.int(0) } }
        #expect(count == 21)
    }

    @Test("a write that throws is undone alone: its caller gets the error, the rest of its batch commits")
    func failingWriteInBatch() async throws {
        let writer = try GroupWriter(path: temporary.path, threadName: "test-writer", now: .testStart)
        _ = try await writer.write { try $0.connection.execute("CREATE TABLE t (i INTEGER PRIMARY KEY)") }
        let gate = Gate()
        async let first: Void = writer.write { _ in gate.hold() }
        try await Eventually.wait(for: "the first write to hold the thread") { gate.entered.load(ordering: .sequentiallyConsistent) }
        struct Refused: Error {}
        let results = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for value in 1...3 {
                group.addTask {
                    do {
                        try await writer.write { database in
                            try database.connection.run("INSERT INTO t VALUES (?)", value * 10)
                            // The second write inserts, then fails: its row must not stay.
                            if value == 2 { throw Refused() }
                        }
                        return (value, true)
                    } catch {
                        return (value, false)
                    }
                }
            }
            try await Eventually.wait(for: "3 writes queued") { writer.waitingCallCount == 3 }
            gate.opened.store(true, ordering: .sequentiallyConsistent)
            return try await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
        }
        try await first
        #expect(results == [1: true, 2: false, 3: true])
        #expect(await writer.batchSizes.last == 3)
        let rows = try await writer.write { try $0.connection.query("SELECT i FROM t ORDER BY i") { $0.int(0) } }
        #expect(rows == [10, 30])
    }
}
