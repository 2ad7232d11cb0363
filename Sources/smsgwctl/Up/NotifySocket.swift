#if canImport(Glibc)
import Glibc
#endif

/// The datagram socket one child's `sd_notify(3)` messages arrive on (`NOTIFY_SOCKET`). One
/// socket per child tells `up` who sent a message without `SO_PASSCRED` ancillary data. It is
/// bound in the abstract namespace (`@smsgw-up-<up's pid>-<child>`: no file to clean up, and
/// sd_notify accepts a leading "@"), non-blocking, closed on exec.
final class NotifySocket {
    let descriptor: Int32
    /// The `NOTIFY_SOCKET` value for the child.
    let address: String

    init(name: String) throws(UpError) {
        address = "@smsgw-up-\(getpid())-\(name)"
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw UpError("notify socket for \(name): \(errnoText())") }
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        let name = Array(address.utf8.dropFirst())
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { path in
            path[0] = 0
            for (index, byte) in name.enumerated() where index + 1 < path.count { path[index + 1] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + 1 + name.count)
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else {
            let text = errnoText()
            close(descriptor)
            throw UpError("notify socket \(address): \(text)")
        }
    }

    deinit { close(descriptor) }

    /// Every datagram waiting now (none when nothing was sent).
    func receiveAll() -> [NotifyDatagram] {
        var datagrams: [NotifyDatagram] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            datagrams.append(NotifyDatagram(bytes: buffer[..<count]))
        }
        return datagrams
    }
}
