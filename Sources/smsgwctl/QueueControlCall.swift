import FoundationEssentials
import GatewayIPC

#if canImport(Glibc)
import Glibc
#endif

/// One blocking request to smsgw-queued's control socket (docs/ipc.md wire format: a 4-octet
/// big-endian length, then one JSON envelope) and its response. smsgwctl runs one call and
/// exits, so a plain socket does here what the pipelining `IPCClient` does in the daemons.
enum QueueControlCall {
    private struct Envelope: Decodable {
        var type: String
        var body: QueuedProtocol.Response?
        var error: IPCError?
    }

    private struct RequestEnvelope: Encodable {
        var type = "request"
        var id: UInt64 = 1
        var body: QueuedProtocol.Request
    }

    static func call(_ request: QueuedProtocol.Request, socketPath: String) throws -> QueuedProtocol.Response {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw InputError("cannot create a socket: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array(socketPath.utf8)
        guard path.count < MemoryLayout.size(ofValue: address.sun_path) else { throw InputError("socket path too long: \(socketPath)") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path)
            raw[path.count] = 0
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            throw InputError("cannot reach smsgw-queued at \(socketPath): \(String(cString: strerror(errno)))")
        }
        let payload = Array(try JSONEncoder().encode(RequestEnvelope(body: request)))
        let length = UInt32(payload.count)
        let frame = [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + payload
        try writeAll(descriptor, frame)
        let header = try readExactly(descriptor, 4)
        let size = header.reduce(0) { $0 << 8 | Int($1) }
        guard size <= 1 << 20 else { throw InputError("smsgw-queued answered a frame of \(size) octets") }
        let envelope = try JSONDecoder().decode(Envelope.self, from: Data(try readExactly(descriptor, size)))
        if let error = envelope.error { throw InputError("smsgw-queued: \(error)") }
        guard let body = envelope.body else { throw InputError("smsgw-queued answered \(envelope.type) without a body") }
        return body
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw InputError("writing to smsgw-queued failed: \(String(cString: strerror(errno)))") }
            offset += written
        }
    }

    private static func readExactly(_ descriptor: Int32, _ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let got = bytes[offset...].withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard got > 0 else { throw InputError("smsgw-queued closed the connection or did not answer in time") }
            offset += got
        }
        return bytes
    }
}
