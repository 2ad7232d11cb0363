import Glibc

/// The control socket: a Unix stream socket taking one JSON request per line and answering
/// one JSON line each. Non-blocking; served from the bank's poll loop.
final class ControlServer {
    struct Received {
        var client: Int32
        var request: ControlRequest
    }

    let path: String
    private let listener: Int32
    private var clients: [Int32: [UInt8]] = [:]
    /// A client sending a longer line without a newline is cut off.
    static let maximumLineLength = 64 * 1024

    init(path: String) throws(BankError) {
        self.path = path
        unlink(path)
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard listener >= 0 else { throw BankError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(listener)
            throw BankError("socket path too long")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (offset, byte) in bytes.enumerated() { raw[offset] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            close(listener)
            throw BankError("bind: \(reason)")
        }
    }

    deinit {
        for client in clients.keys { close(client) }
        close(listener)
        unlink(path)
    }

    /// The descriptors to poll for input.
    var descriptors: [Int32] { [listener] + clients.keys.sorted() }

    /// Accepts new clients and reads complete request lines from those that are readable.
    func service(readable: Set<Int32>) -> [Received] {
        if readable.contains(listener) {
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { break }
                _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                clients[client] = []
            }
        }
        var received: [Received] = []
        for client in clients.keys.sorted() where readable.contains(client) {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { read(client, $0.baseAddress, $0.count) }
            if count <= 0 {
                if count == 0 || (errno != EAGAIN && errno != EINTR) { drop(client) }
                continue
            }
            var pending = (clients[client] ?? []) + buffer[..<count]
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) else { continue }
                switch ControlRequest.parse(line) {
                case .success(let request): received.append(Received(client: client, request: request))
                case .failure(let problem): reply(.failure(problem.message), to: client)
                }
            }
            if pending.count > ControlServer.maximumLineLength {
                reply(.failure("request line too long"), to: client)
                drop(client)
            } else if clients[client] != nil {
                clients[client] = pending
            }
        }
        return received
    }

    /// Writes the whole answer line. A long one (`ledger`) may not fit the socket's buffer: the
    /// rest is written as the client reads, waiting at most `writePatience` for it to make room.
    func reply(_ reply: ControlReply, to client: Int32) {
        let bytes = reply.line
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written > 0 {
                offset += written
                continue
            }
            if written < 0, errno == EINTR { continue }
            var writable = pollfd(fd: client, events: Int16(POLLOUT), revents: 0)
            guard written < 0, errno == EAGAIN, poll(&writable, 1, ControlServer.writePatience) > 0,
                writable.revents & Int16(POLLOUT) != 0
            else {
                drop(client)
                return
            }
        }
    }

    /// Milliseconds a client may take to read a long answer before it is cut off.
    static let writePatience: Int32 = 5_000

    private func drop(_ client: Int32) {
        guard clients.removeValue(forKey: client) != nil else { return }
        close(client)
    }
}
