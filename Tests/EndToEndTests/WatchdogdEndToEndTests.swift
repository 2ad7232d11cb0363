import Foundation
import GatewayIPC
import GatewayStore
import GatewayTestSupport
import Testing

/// smsgw-watchdogd against the real queued, modemd and simulator, with a short interval. The
/// hardware watchdog is a regular file the test reads: a feed is one NUL octet, the magic
/// close one 'V' (the ioctl fails on a regular file, which the daemon logs and carries on).
@Suite("smsgw-watchdogd end to end", .serialized)
struct WatchdogdEndToEndTests {
    static func box(device: String, extraWatchdog: String = "") throws -> QueuedBox {
        let box = try QueuedBox(extra: QueuedEndToEndTests.oneGroup)
        var text = try String(contentsOfFile: box.configPath, encoding: .utf8)
        text = text.replacingOccurrences(of: "[watchdog]\nhardware = false\n", with: """
            [watchdog]
            hardware = true
            hardware_device = "\(device.replacingOccurrences(of: "{dir}", with: box.path))"
            health_interval = "500ms"
            health_timeout = "3s"
            kill_after = "2s"
            hardware_ping_interval = "1s"
            integrity_check_interval = "2s"
            \(extraWatchdog)

            """)
        try text.write(toFile: box.configPath, atomically: true, encoding: .utf8)
        return box
    }

    static func startWatchdogd(_ box: QueuedBox) async throws -> Process {
        let process = try box.launch("smsgw-watchdogd", ["--config", box.configPath], log: "watchdogd")
        try await box.waitFor("watchdogd") { FileManager.default.fileExists(atPath: "\(box.runtime)/watchdogd.sock") }
        return process
    }

    static func snapshot(_ box: QueuedBox) throws -> HealthSnapshot { try box.database().healthSnapshot() }

    static func daemon(_ box: QueuedBox, _ name: String) throws -> HealthRecord? {
        try snapshot(box).daemons.first { $0.subject == name }
    }

    @Test("SIGSTOP of queued: seen silent, SIGTERM then SIGKILL, restarted as systemd would, healthy again; the device fed and closed with 'V'")
    func stoppedQueuedIsRestarted() async throws {
        let box = try Self.box(device: "{dir}/watchdog-device")
        _ = FileManager.default.createFile(atPath: "\(box.path)/watchdog-device", contents: nil)
        try await box.start()
        let watchdogd = try await Self.startWatchdogd(box)
        defer { if watchdogd.isRunning { kill(watchdogd.processIdentifier, SIGKILL) } }
        try await box.waitFor("queued healthy in the snapshot") { try Self.daemon(box, "queued")?.state == "healthy" }
        let queuedPid = try #require(box.processes["queued"]?.processIdentifier)
        #expect(try Self.daemon(box, "queued")?.pid == queuedPid)
        #expect(try Self.daemon(box, "modemd")?.state == "healthy")
        #expect(try Self.snapshot(box).box?.state == "healthy")

        kill(queuedPid, SIGSTOP)
        let stoppedAt = ContinuousClock.now
        do {
            try await box.waitFor("queued to end after SIGTERM/SIGKILL", within: .seconds(20)) { box.processes["queued"]?.isRunning == false }
        } catch {
            throw BoxError("\(error)\n--- watchdogd:\n\(box.log("watchdogd").split(separator: "\n").filter { !$0.hasPrefix(" ") }.prefix(30).joined(separator: "\n"))")
        }
        let ended = ContinuousClock.now - stoppedAt
        let steps = try box.database().escalations().filter { $0.subject == "queued" }.map(\.step)
        #expect(steps.reversed() == ["terminate", "kill"])
        #expect(box.log("watchdogd").contains("escalation kill of queued pid \(queuedPid)"))
        print("SIGSTOP of queued: ended by watchdogd after \(ended)")

        try await box.startQueued()  // as systemd's Restart= would
        let newPid = try #require(box.processes["queued"]?.processIdentifier)
        try await box.waitFor("queued healthy again under its new pid") {
            let record = try Self.daemon(box, "queued")
            return record?.state == "healthy" && record?.pid == newPid
        }
        #expect(try Self.daemon(box, "queued")?.restartsLastHour == 1)
        #expect(try Self.daemon(box, "queued")?.lastEscalation == "kill")

        // Answers on its own socket.
        let client = try await IPCClient<WatchdogdProtocol>.connect(to: "\(box.runtime)/watchdogd.sock", retryingFor: .seconds(5))
        guard case .snapshot(let snapshot) = try await client.call(.snapshot, timeout: .seconds(5)) else { throw BoxError("no snapshot") }
        #expect(snapshot.subjects.first?.subject == "box")
        guard case .health(let health) = try await client.call(.health, timeout: .seconds(5)) else { throw BoxError("no health") }
        #expect(health.daemon.healthy && health.hardwareFeeding == true && health.daemon.pid == watchdogd.processIdentifier)
        await client.close()

        watchdogd.terminate()
        watchdogd.waitUntilExit()
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(box.path)/watchdog-device")))
        #expect(written.dropLast().count >= 3 && written.dropLast().allSatisfy { $0 == 0 })
        #expect(written.last == UInt8(ascii: "V"))
        #expect(box.log("watchdogd").contains("did not take WDIOC_SETTIMEOUT"))
    }

    @Test("no hardware watchdog at the configured path: said once, and the daemon carries on watching")
    func missingDeviceLoggedOnce() async throws {
        let box = try Self.box(device: "{dir}/no-such-watchdog")
        try await box.start()
        let watchdogd = try await Self.startWatchdogd(box)
        defer { if watchdogd.isRunning { kill(watchdogd.processIdentifier, SIGKILL) } }
        try await box.waitFor("a few turns") { try Self.daemon(box, "queued")?.state == "healthy" }
        // Three more turns of the watch loop (each rewrites queued's row and would feed a device):
        // the missing device is not said again.
        var turns: Set<Int64> = []
        try await box.waitFor("three more watch turns") {
            if let at = try Self.daemon(box, "queued")?.checkedAt.millisecondsSince1970 { turns.insert(at) }
            return turns.count > 3
        }
        let log = box.log("watchdogd")
        #expect(log.components(separatedBy: "no hardware watchdog at \(box.path)/no-such-watchdog").count - 1 == 1)
        #expect(try Self.snapshot(box).box?.hardwareFeeding == nil)
        #expect(try Self.snapshot(box).box?.storeWritable == true)
        #expect(try Self.snapshot(box).box?.integrity == "ok")
        // simd and ingressd are not part of this box: unknown, never escalated.
        #expect(try Self.daemon(box, "simd")?.state == "unknown")
        #expect(try box.database().escalations().isEmpty)
        watchdogd.terminate()
        watchdogd.waitUntilExit()
        #expect(watchdogd.terminationStatus == 0)
    }
}
