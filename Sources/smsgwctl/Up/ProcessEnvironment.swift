#if canImport(Glibc)
import Glibc
#endif

/// This process's own executable (`/proc/self/exe`): the daemons are looked up beside it.
enum ExecutablePath {
    static func current() throws(UpError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { throw UpError("cannot read /proc/self/exe: \(errnoText())") }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// The environment `up` passes on to its children (`environ`).
enum Environment {
    static func current() -> [String] {
        var entries: [String] = []
        var cursor = environ
        while let entry = cursor.pointee {
            entries.append(String(cString: entry))
            cursor += 1
        }
        return entries
    }
}

/// `mkdir -p`.
enum Directories {
    static func create(_ path: String) throws(UpError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o755) != 0, errno != EEXIST { throw UpError("cannot create \(prefix): \(errnoText())") }
        }
    }
}
