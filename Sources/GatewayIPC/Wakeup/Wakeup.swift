#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Wake-ups: one tiny datagram on a Unix datagram socket tells a daemon "there is work"
/// (ingress wakes smsgw-queued after each durable accept). The datagram carries
/// nothing; the receiver looks at the database. See ``WakeupReceiver`` and docs/ipc.md.
public enum Wakeup {
    /// Sends one wake-up datagram to the socket at `path`. Never blocks and never fails the
    /// sender: nobody listening (no file, refused) or a full receive queue (the receiver has
    /// wakes pending already) is fine.
    /// - Returns: whether the datagram was queued at the receiver (for tests and metrics).
    @discardableResult
    public static func send(to path: String) -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard var address = UnixSocketAddress(path: path) else { return false }
        // Autobind the sender to an abstract address (Linux unix(7)): an unnamed sender's
        // datagrams arrive without a source address, which the receiver's NIO channel refuses.
        var family = sa_family_t(AF_UNIX)
        let bound = withUnsafePointer(to: &family) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sa_family_t>.size)) }
        }
        guard bound == 0 else { return false }
        var payload: UInt8 = 1
        let sent = address.withSocketAddress { pointer, length in
            sendto(descriptor, &payload, 1, Int32(MSG_DONTWAIT), pointer, length)
        }
        return sent == 1
    }
}

/// A `sockaddr_un` for a path that fits in it.
struct UnixSocketAddress {
    private var storage = sockaddr_un()

    init?(path: String) {
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: self.storage.sun_path)
        guard !bytes.isEmpty, bytes.count < capacity else { return nil }
        self.storage.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &self.storage.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
    }

    mutating func withSocketAddress<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        withUnsafePointer(to: &self.storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }
}
