#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
import GatewayCore
#endif

/// Reads a whole UTF-8 text file with POSIX calls (Foundation stays out of the daemons); the
/// loader and the web page (which shows the file to edit) use it.
public enum TextFile {
    public struct ReadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Larger files are refused: a configuration is a few kilobytes.
    static let maximumSize = 4 << 20

    public static func read(_ path: String) throws(ReadError) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(description: systemMessage()) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(description: systemMessage())
            }
            if count == 0 { break }
            bytes += chunk[..<count]
            guard bytes.count <= maximumSize else { throw ReadError(description: "larger than \(maximumSize >> 20) MiB") }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ReadError(description: "not UTF-8 text")
        }
        return text
    }

    private static func systemMessage() -> String {
        strerror(errno).map { String(cString: $0) } ?? "error \(errno)"
    }
}
