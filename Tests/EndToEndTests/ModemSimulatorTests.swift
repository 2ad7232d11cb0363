import Foundation
import GatewayTestSupport
import Glibc
import GatewayTestSupport
import Testing

/// The real `smsgw-modemsim` on real pseudo-terminals: AT over the device link, the control
/// socket, and power through the simulated GPIO chip of the demo configuration.
@Suite("smsgw-modemsim end to end", .serialized)
struct ModemSimulatorTests {
    /// A running simulator in a temporary working directory, stopped when the test ends.
    final class RunningSimulator {
        let directory: URL
        let process = Process()

        init(_ arguments: [String]) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("modemsim-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            process.executableURL = URL(fileURLWithPath: BuiltProducts.path(of: "smsgw-modemsim"))
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.standardOutput = FileHandle.nullDevice
            try process.run()
        }

        func waitFor(_ path: String) throws {
            try Eventually.waitBlocking(for: "\(path) to appear", within: .seconds(5)) { FileManager.default.fileExists(atPath: path) }
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// A driver's end of a modem: the pty slave opened like a serial port.
    final class SerialPeer {
        let descriptor: Int32

        init(_ path: String) throws {
            descriptor = open(path, O_RDWR | O_NOCTTY)
            guard descriptor >= 0 else { throw TestFailure("cannot open \(path)") }
            var settings = termios()
            tcgetattr(descriptor, &settings)
            cfmakeraw(&settings)
            tcsetattr(descriptor, TCSANOW, &settings)
        }

        deinit { close(descriptor) }

        /// Writes a command line and reads until `final` appears or `seconds` pass.
        func exchange(_ line: String, until final: String = "OK\r\n", seconds: Double = 5) -> String {
            if !line.isEmpty { _ = line.withCString { write(descriptor, $0, strlen($0)) } }
            return read(until: final, seconds: seconds)
        }

        func read(until final: String, seconds: Double) -> String {
            var received: [UInt8] = []
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 100) > 0 else { continue }
                var buffer = [UInt8](repeating: 0, count: 1024)
                let count = Glibc.read(descriptor, &buffer, buffer.count)
                if count > 0 { received += buffer[..<count] }
                if String(decoding: received, as: UTF8.self).contains(final) { break }
            }
            return String(decoding: received, as: UTF8.self)
        }
    }

    /// Sends one JSON line to the control socket and returns the answer line.
    static func control(_ socketPath: String, _ json: String) throws -> String {
        let client = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(client) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (offset, byte) in socketPath.utf8.enumerated() { raw[offset] = byte }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else { throw TestFailure("cannot connect to \(socketPath)") }
        let line = json + "\n"
        _ = line.withCString { write(client, $0, strlen($0)) }
        var buffer = [UInt8](repeating: 0, count: 65536)
        var received: [UInt8] = []
        while !received.contains(0x0A) {
            let count = Glibc.read(client, &buffer, buffer.count)
            guard count > 0 else { break }
            received += buffer[..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    @Test("two modems on ptys answer AT; a peer may close and reopen; the control socket injects an inbound SMS")
    func portsAndControl() throws {
        let simulator = try RunningSimulator(["--ports", "2", "--dir", "modems", "--fast"])
        let base = simulator.directory.path + "/modems"
        try simulator.waitFor(base + "/modemsim.sock")
        do {
            let first = try SerialPeer(base + "/m1")
            #expect(first.exchange("ATE0\r").hasSuffix("\r\nOK\r\n"))
            #expect(first.exchange("AT+CGMM\r") == "\r\nSIMCOM_SIM800\r\n\r\nOK\r\n")
        }
        // Closed and reopened (Kannel does this while probing): the modem is still there.
        let peer = try SerialPeer(base + "/m1")
        #expect(peer.exchange("AT+CSQ\r").hasSuffix("\r\n+CSQ: 21,99\r\n\r\nOK\r\n"))
        let other = try SerialPeer(base + "/m2")
        #expect(other.exchange("AT\r").hasSuffix("OK\r\n"))

        #expect(peer.exchange("AT+CNMI=2,1,0,0\r").hasSuffix("OK\r\n"))
        let reply = try Self.control(base + "/modemsim.sock", #"{"command":"inbound","modem":"m1","from":"+31612345678","text":"hello"}"#)
        #expect(reply == "{\"ok\":true}\n")
        #expect(peer.read(until: "+CMTI: \"SM\",1\r\n", seconds: 5).contains("+CMTI: \"SM\",1"))
        let bad = try Self.control(base + "/modemsim.sock", #"{"command":"explode","modem":"m1"}"#)
        #expect(bad.contains("\"ok\":false"))
        let status = try Self.control(base + "/modemsim.sock", #"{"command":"status"}"#)
        #expect(status.contains("\"id\":\"m2\""))
    }

    /// A modem's `power` as the simulator's `status` says it (docs/modemsim.md).
    static func power(of modem: String, at socket: String) throws -> String? {
        struct Status: Decodable {
            struct Modem: Decodable { var id: String; var power: String }
            var modems: [Modem]
        }
        let answer = try JSONLineSocket.request(#"{"command":"status"}"#, at: socket)
        return try JSONDecoder().decode(Status.self, from: Data(answer.utf8)).modems.first { $0.id == modem }?.power
    }

    @Test("demo configuration: driving m1's power line low silences it, high boots it afresh")
    func powerThroughSimulatedGPIO() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let config = root.appendingPathComponent("etc/smsgw/demo.toml").path
        let simulator = try RunningSimulator(["--config", config, "--fast", "--control", "modemsim.sock"])
        let state = simulator.directory.path + "/.smsgw"
        try simulator.waitFor(simulator.directory.path + "/modemsim.sock")
        let peer = try SerialPeer(state + "/modems/m1")
        #expect(peer.exchange("AT\r").hasSuffix("OK\r\n"))

        func drive(_ level: String) throws {
            try FileManager.default.createDirectory(atPath: state + "/gpio/gpiochip0", withIntermediateDirectories: true)
            try level.write(toFile: state + "/gpio/gpiochip0/0.tmp", atomically: false, encoding: .utf8)
            _ = rename(state + "/gpio/gpiochip0/0.tmp", state + "/gpio/gpiochip0/0")
        }
        try drive("0\n")
        // The simulator polls the chip at 20 Hz: wait until it says m1 is off.
        try Eventually.waitBlocking(for: "m1 powered off", within: .seconds(5)) {
            try Self.power(of: "m1", at: simulator.directory.path + "/modemsim.sock") == "off"
        }
        #expect(peer.exchange("AT\r", seconds: 1) == "")  // a second of silence: nothing answers
        try drive("1\n")
        #expect(peer.read(until: "SMS Ready\r\n", seconds: 5).contains("RDY"))
        #expect(peer.exchange("AT\r").hasSuffix("OK\r\n"))
    }
}
