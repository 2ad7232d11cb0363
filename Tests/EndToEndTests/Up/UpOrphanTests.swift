import Foundation
import GatewayTestSupport
import Testing

/// `smsgwctl up` killed by SIGKILL (it cannot stop its children then): each child asked the
/// kernel for SIGTERM when `up` dies (`SMSGW_PARENT_PID`, PR_SET_PDEATHSIG), so none is left
/// running and the box's ports are free again within a few seconds.
@Suite(.serialized) struct UpOrphanTests {
    @Test(.timeLimit(.minutes(2))) func childrenDieWithUp() throws {
        let box = try UpBox(watchdogSeconds: 3)
        try box.start()
        let children = ["modemsim", "modemd", "queued", "ingressd", "simd", "watchdogd"].flatMap(box.pids(of:))
        #expect(children.count >= 5)
        #expect(children.allSatisfy(Self.running))
        kill(box.process.processIdentifier, SIGKILL)
        box.process.waitUntilExit()
        let killedAt = Date()
        try box.waitFor("every child of the killed up gone", seconds: 10) {
            children.allSatisfy { !Self.running($0) }
        }
        let gone = Date().timeIntervalSince(killedAt)
        print("up SIGKILLed: its \(children.count) children gone after \(String(format: "%.2f", gone)) s")
        #expect(gone < 5)
        for port in [box.httpPort, box.smppPort] {
            #expect(Self.canBind(port), "port \(port) still held")
        }
    }

    /// Alive and not a zombie: the children were reparented (to init or a subreaper, perhaps
    /// this test process) and may linger as zombies until reaped; a zombie holds no port.
    /// (/proc files report size 0: read them with read(2), not Foundation's whole-file read.)
    static func running(_ pid: Int32) -> Bool {
        guard let file = fopen("/proc/\(pid)/stat", "r") else { return false }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = fread(&buffer, 1, buffer.count, file)
        let stat = String(decoding: buffer[..<count], as: UTF8.self)
        guard let close = stat.lastIndex(of: ")"), stat.distance(from: close, to: stat.endIndex) > 2 else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }

    /// Whether 127.0.0.1:`port` can be bound again (SO_REUSEADDR, as the daemons bind).
    static func canBind(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
