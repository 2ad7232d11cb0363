import Dispatch
import Foundation
import GatewayCore
import Synchronization
import Testing
@testable import GatewayStore

/// Several processes on one file (the daemons share one SQLite database), and
/// durability across a process that dies without closing.
@Suite("Store with several processes")
struct MultiProcessTests {
    static let python = "/usr/bin/python3"

    /// Runs `script` with `arguments` under /usr/bin/python3 (stdlib sqlite3, same libsqlite3).
    private static func startPython(_ script: String, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + arguments
        try process.run()
        return process
    }

    /// The child writes 200 modems in its own BEGIN IMMEDIATE transactions, holding the write
    /// lock for 20 ms every tenth time, while we accept batches until it exits. Neither side
    /// may see SQLITE_BUSY (the busy timeout waits), and every row of both must be there.
    static let writerScript = """
        import sqlite3, sys, time
        db = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None)
        db.execute("PRAGMA synchronous=FULL")
        for i in range(200):
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT INTO modems (name, device, updated_at) VALUES (?, '/dev/null', 0)", ("py-%d" % i,))
            if i % 10 == 0:
                time.sleep(0.02)  # holds the write lock: the contention under test
            db.execute("COMMIT")
        print(db.execute("PRAGMA journal_mode").fetchone()[0])
        """

    @Test("a child process writes concurrently with us: no SQLITE_BUSY, every row there", .enabled(if: FileManager.default.isExecutableFile(atPath: python)))
    func concurrentWriters() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let output = Pipe()
        let child = Process()
        child.executableURL = URL(fileURLWithPath: Self.python)
        child.arguments = ["-c", Self.writerScript, temporary.path]
        child.standardOutput = output
        try child.run()
        var accepted = 0, transactions = 0
        while child.isRunning || transactions < 20 {
            accepted += try db.accept((0..<5).map { _ in Fixtures.message() }, now: .testStart).count
            transactions += 1
        }
        child.waitUntilExit()
        #expect(child.terminationStatus == 0)
        let mode = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(mode.trimmingCharacters(in: .whitespacesAndNewlines) == "wal")  // the child saw WAL, set by us
        #expect(try db.connection.queryFirst("SELECT count(*) FROM modems WHERE name LIKE 'py-%'") { $0.int(0) } == 200)
        #expect(try db.connection.queryFirst("SELECT count(*) FROM messages") { $0.int(0) } == accepted)
        #expect(transactions >= 20)
    }

    /// The child opens a second connection through the schema we made, commits, and kills itself
    /// with SIGKILL: no close, no checkpoint. Reopening must find the row (WAL recovery).
    @Test("a commit survives a writer killed without closing", .enabled(if: FileManager.default.isExecutableFile(atPath: python)))
    func killedWriter() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        try temporary.open().close()
        let child = try Self.startPython("""
            import os, signal, sqlite3, sys
            db = sqlite3.connect(sys.argv[1], isolation_level=None)
            db.execute("PRAGMA synchronous=FULL")
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT INTO modems (name, device, updated_at) VALUES ('killed', '/dev/null', 0)")
            db.execute("COMMIT")
            os.kill(os.getpid(), signal.SIGKILL)
            """, [temporary.path])
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        let db = try temporary.open()
        #expect(try db.connection.queryFirst("SELECT count(*) FROM modems WHERE name = 'killed'") { $0.int(0) } == 1)
    }

    /// What is on disk right after `accept` returns, copied while our connection is still open
    /// (as a power cut would leave it: database and WAL, no shared memory), holds the batch.
    @Test("an accepted batch is in the files on disk before the connection closes")
    func acceptedIsOnDisk() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let ids = try db.accept((0..<50).map { _ in Fixtures.message() }, now: .testStart)
        let image = temporary.directory.appendingPathComponent("image.sqlite").path
        try FileManager.default.copyItem(atPath: temporary.path, toPath: image)
        try FileManager.default.copyItem(atPath: temporary.path + "-wal", toPath: image + "-wal")
        let copy = try GatewayDatabase(path: image, now: .testStart)
        #expect(try copy.connection.query("SELECT id FROM messages ORDER BY id") { $0.int64(0) } == ids)
        #expect(try copy.history(of: ids[49]).map(\.state) == [.accepted, .queued])
        db.close()
    }

    /// Daemons start together on a new box: several connections (threads here, each with its own
    /// connection as a process would have) open and migrate one new file at the same time.
    @Test("eight connections opening a new file at once all succeed; each migration is applied once")
    func concurrentFirstOpen() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let path = temporary.path
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do {
                let db = try GatewayDatabase(path: path, now: .testStart)
                _ = try db.accept([Fixtures.message()], now: .testStart)
                db.close()
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let db = try temporary.open()
        #expect(try db.connection.queryFirst("SELECT count(*) FROM schema_migrations") { $0.int(0) } == ShippedMigrations.all.count)
        #expect(try db.connection.queryFirst("SELECT count(*) FROM messages") { $0.int(0) } == 8)
    }
}
