#if canImport(Glibc)
import Glibc
#endif

/// Measurements of the box itself: free disk of the store's file system (statvfs(3)) and
/// available memory (`MemAvailable` of proc(5) /proc/meminfo).
enum BoxProbes {
    /// Bytes available to unprivileged users on the file system holding `path` (`f_bavail × f_frsize`).
    static func freeDisk(at path: String) -> Int64? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }

    static func availableMemory(meminfo: String = "/proc/meminfo") -> Int64? {
        guard let file = fopen(meminfo, "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 256)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let bytes = memAvailable(line) { return bytes }
        }
        return nil
    }

    /// Parses one line `MemAvailable:    123456 kB` into bytes; nil for any other line.
    static func memAvailable(_ line: String) -> Int64? {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard fields.count == 3, fields[0] == "MemAvailable:", fields[2] == "kB", let kibibytes = Int64(fields[1]) else { return nil }
        return kibibytes * 1024
    }

    /// The directory of the store's file (statvfs needs something that exists).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
