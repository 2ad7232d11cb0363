#if canImport(Glibc)
import Glibc
#endif

/// A tiny blocking HTTP/1.1 client for the box's own API over plain TCP: one request per
/// connection (`Connection: close`), the whole response read, a receive timeout.
struct HTTPClient {
    var host: String
    var port: Int
    var timeoutSeconds = 10

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func request(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) throws(Failure) -> HTTPResponseParser.Response {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: \(Endpoints.host(host)):\(port)\r\nConnection: close\r\nUser-Agent: smsgwctl\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        let descriptor = try connect()
        defer { close(descriptor) }
        try send(Array((head + "\r\n").utf8) + body, on: descriptor)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { throw Failure(description: "reading from \(host):\(port): \(errnoText())") }
            if count == 0 { break }
            received += buffer[..<count]
        }
        do { return try HTTPResponseParser.parse(received) } catch {
            throw Failure(description: "\(host):\(port) answered: \(error.description)")
        }
    }

    private func connect() throws(Failure) -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let found = getaddrinfo(host, String(port), &hints, &list)
        guard found == 0, let first = list else {
            throw Failure(description: "cannot resolve \(host): \(String(cString: gai_strerror(found)))")
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let descriptor = socket(info.pointee.ai_family, info.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), info.pointee.ai_protocol)
            guard descriptor >= 0 else { lastError = errnoText(); continue }
            var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            if Glibc.connect(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return descriptor }
            lastError = errnoText()
            close(descriptor)
        }
        throw Failure(description: "cannot connect to \(host):\(port): \(lastError) (is the box up? smsgwctl up)")
    }

    private func send(_ bytes: [UInt8], on descriptor: Int32) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            // baseAddress is never nil here: the request always has a request line.
            let written = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw Failure(description: "writing to \(host):\(port): \(errnoText())") }
            offset += written
        }
    }
}
