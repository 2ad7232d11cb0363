import Foundation

/// A plain blocking TCP connection to 127.0.0.1 for load generators: one per thread, so the
/// measured side (the daemon) is the only one using SwiftNIO and the generator stays simple.
final class BlockingTCPConnection {
    private let fd: Int32
    private var buffer = [UInt8](repeating: 0, count: 65_536)

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw IngressBoxError("socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw IngressBoxError("connect to port \(port): \(errno)")
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close(fd) }

    /// Writes all of `bytes`.
    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            guard written > 0 else { throw IngressBoxError("write: \(errno)") }
            offset += written
        }
    }

    /// Blocks until some bytes arrive; empty at end of stream.
    func read() throws -> ArraySlice<UInt8> {
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
        guard count >= 0 else { throw IngressBoxError("read: \(errno)") }
        return buffer[0..<count]
    }
}

/// Latencies in seconds → the figures a benchmark prints.
struct LatencySummary {
    var sorted: [Double]

    init(_ samples: [Double]) { sorted = samples.sorted() }

    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    var text: String {
        String(format: "p50 %.2f ms, p99 %.2f ms, max %.2f ms", percentile(0.5) * 1000, percentile(0.99) * 1000,
               (sorted.last ?? 0) * 1000)
    }
}
