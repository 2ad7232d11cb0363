import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// Creating the runtime and store directories (`mkdir -p`, mode 0755).
public enum DaemonDirectories {
    public static func create(_ path: String) throws {
        guard !path.isEmpty else { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw ValidationError("cannot create \(prefix): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The directory part of `path` ("." when there is none).
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
