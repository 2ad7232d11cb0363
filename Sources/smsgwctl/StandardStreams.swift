#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to the standard streams (the C `stdout`/`stderr` globals are not
/// concurrency-safe in Swift 6, and stdout is fully buffered when it is not a terminal).
enum StandardStreams {
    static func writeOutput(_ text: String) { write(text, to: 1) }
    static func writeError(_ text: String) { write(text, to: 2) }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = unistd_write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}

#if canImport(Glibc)
private let unistd_write = Glibc.write
#elseif canImport(Darwin)
private let unistd_write = Darwin.write
#endif
