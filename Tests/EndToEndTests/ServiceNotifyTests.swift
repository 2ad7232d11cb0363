import Foundation
import Testing

/// A fake systemd notify socket (`sd_notify(3)`): a Unix datagram socket the test binds and
/// hands to a daemon as NOTIFY_SOCKET; each datagram is one notification.
final class FakeNotifySocket {
    let path: String
    private let descriptor: Int32

    init(path: String) throws {
        self.path = path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw BoxError("socket: \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw BoxError("notify path too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw BoxError("bind \(path): \(errno)") }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(descriptor)
        unlink(path)
    }

    /// Notifications received until `until` is true of them all or `seconds` pass.
    func receive(for seconds: Double, until: ([String]) -> Bool) -> [String] {
        var received: [String] = []
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline, !until(received) {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 { received.append(String(decoding: buffer[..<count], as: UTF8.self)) }
        }
        return received
    }
}

/// A real daemon (smsgw-queued, alone: it waits for modemd) under a fake systemd: READY=1 once
/// its sockets are bound, STATUS= lines, and WATCHDOG=1 pets at half of WATCHDOG_USEC from its
/// work loop; SIGHUP with a broken file keeps it running on the last good configuration.
@Suite("sd_notify end to end", .serialized)
struct ServiceNotifyTests {
    @Test func readyStatusAndWatchdogPetsArrive() throws {
        let box = try QueuedBox(extra: QueuedEndToEndTests.oneGroup)
        let notify = try FakeNotifySocket(path: "\(box.path)/notify")
        box.processes["queued"] = try box.launch("smsgw-queued", ["--config", box.configPath], log: "queued",
                                                 environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "1000000"])
        let received = notify.receive(for: 15) { lines in lines.filter { $0 == "WATCHDOG=1" }.count >= 3 }
        let lines = received.flatMap { $0.split(separator: "\n").map(String.init) }
        #expect(lines.first == "READY=1", "\(received)")
        #expect(lines.contains { $0.hasPrefix("STATUS=") }, "\(received)")
        #expect(lines.filter { $0 == "WATCHDOG=1" }.count >= 3, "\(received)\n\(box.log("queued"))")
        // READY=1 only after the sockets are bound.
        #expect(FileManager.default.fileExists(atPath: "\(box.runtime)/queued.sock"))
    }

    /// WATCHDOG_PID naming another process (variables inherited from a parent): no pets.
    @Test func anotherProcesssWatchdogIsNotPetted() throws {
        let box = try QueuedBox(extra: QueuedEndToEndTests.oneGroup)
        let notify = try FakeNotifySocket(path: "\(box.path)/notify")
        box.processes["queued"] = try box.launch("smsgw-queued", ["--config", box.configPath], log: "queued",
                                                 environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "400000", "WATCHDOG_PID": "1"])
        let received = notify.receive(for: 3) { _ in false }
        #expect(received.contains { $0.hasPrefix("READY=1") }, "\(received)")
        #expect(!received.contains("WATCHDOG=1"), "\(received)")
    }

    @Test func sighupWithABrokenFileKeepsTheLastGood() throws {
        let box = try QueuedBox(extra: QueuedEndToEndTests.oneGroup)
        let notify = try FakeNotifySocket(path: "\(box.path)/notify")
        let process = try box.launch("smsgw-queued", ["--config", box.configPath], log: "queued",
                                     environment: ["NOTIFY_SOCKET": notify.path])
        box.processes["queued"] = process
        _ = notify.receive(for: 10) { $0.contains { $0.hasPrefix("READY=1") } }
        let good = try String(contentsOfFile: box.configPath, encoding: .utf8)
        try (good + "\n[queue]\nmax_attempts = \"many\"\n").write(toFile: box.configPath, atomically: true, encoding: .utf8)
        kill(process.processIdentifier, SIGHUP)
        let reload = notify.receive(for: 10) { $0.contains("READY=1") }
        let reloading = reload.firstIndex(of: "RELOADING=1"), ready = reload.firstIndex(of: "READY=1")
        #expect(reloading != nil && ready != nil && reloading! < ready!, "\(reload)")
        #expect(process.isRunning)
        let log = box.log("queued")
        #expect(log.contains("refused"), "\(log)")
        #expect(log.contains("keeping the last good configuration"), "\(log)")
        // The good file again: accepted, nothing to apply live in queued.
        try good.write(toFile: box.configPath, atomically: true, encoding: .utf8)
        kill(process.processIdentifier, SIGHUP)
        _ = notify.receive(for: 10) { $0.contains("READY=1") }
        #expect(box.log("queued").contains("is valid"))
        #expect(process.isRunning)
    }
}
