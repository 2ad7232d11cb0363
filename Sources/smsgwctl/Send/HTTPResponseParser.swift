/// One HTTP/1.1 response read to the end of the connection (`Connection: close`), parsed:
/// the status line and headers (RFC 9112 §4, §5), the body by `Content-Length` or chunked
/// transfer coding (RFC 9112 §7.1), else everything up to the close. Pure: bytes in.
struct HTTPResponseParser {
    struct Response: Equatable {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        static func == (left: Response, right: Response) -> Bool {
            left.status == right.status && left.body == right.body
                && left.headers.map { "\($0.name):\($0.value)" } == right.headers.map { "\($0.name):\($0.value)" }
        }

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    struct ParseError: Error, CustomStringConvertible, Equatable {
        var description: String
    }

    static func parse(_ bytes: [UInt8]) throws(ParseError) -> Response {
        guard let headEnd = find([13, 10, 13, 10], in: bytes, from: 0) else {
            throw ParseError(description: "the response ended before its headers did (\(bytes.count) bytes)")
        }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst()
        let fields = statusLine.split(separator: " ", maxSplits: 2)
        guard fields.count >= 2, fields[0].hasPrefix("HTTP/1."), fields[1].count == 3, let status = Int(fields[1]) else {
            throw ParseError(description: "not an HTTP/1.x status line: \"\(statusLine.prefix(80))\"")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw ParseError(description: "a header line without a colon: \"\(line.prefix(80))\"") }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingSpaces()))
        }
        var response = Response(status: status, headers: headers, body: [])
        let rest = Array(bytes[(headEnd + 4)...])
        if response.header("transfer-encoding")?.lowercased().contains("chunked") == true {
            response.body = try dechunk(rest)
        } else if let lengthText = response.header("content-length") {
            guard let length = Int(lengthText), length >= 0 else { throw ParseError(description: "Content-Length \"\(lengthText)\" is not a length") }
            guard rest.count >= length else { throw ParseError(description: "the body ended after \(rest.count) of \(length) bytes") }
            response.body = Array(rest[..<length])
        } else {
            response.body = rest
        }
        return response
    }

    /// RFC 9112 §7.1: hexadecimal sizes (extensions after ";" ignored), a zero-size last chunk.
    static func dechunk(_ bytes: [UInt8]) throws(ParseError) -> [UInt8] {
        var body: [UInt8] = []
        var offset = 0
        while true {
            guard let lineEnd = find([13, 10], in: bytes, from: offset) else { throw ParseError(description: "a chunk size line without its end") }
            let sizeText = String(decoding: bytes[offset..<lineEnd], as: UTF8.self).split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingSpaces(), radix: 16), size >= 0 else {
                throw ParseError(description: "chunk size \"\(sizeText.prefix(20))\" is not hexadecimal")
            }
            offset = lineEnd + 2
            if size == 0 { return body }
            guard bytes.count >= offset + size + 2 else { throw ParseError(description: "a chunk of \(size) bytes ended early") }
            body += bytes[offset..<(offset + size)]
            offset += size + 2
        }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
