#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
import GatewayCore
#endif

/// What validation asks of the machine it runs on, injected so tests do not depend on it.
public struct ConfigurationEnvironment: Sendable {
    /// Whether an IANA time zone name is known.
    public var timeZoneExists: @Sendable (String) -> Bool

    public init(timeZoneExists: @escaping @Sendable (String) -> Bool) {
        self.timeZoneExists = timeZoneExists
    }

    /// This machine: a zone exists when /usr/share/zoneinfo has a file of that name.
    public static let system = ConfigurationEnvironment { name in
        TimeZoneNames.isInstalled(name, under: "/usr/share/zoneinfo")
    }
}

/// IANA time zone names as tzdata installs them.
public enum TimeZoneNames {
    /// "UTC", or a name of letters, digits, `_`, `-`, `+` and `/`-separated parts (no "..",
    /// no leading "/") that names a regular file under `directory`.
    public static func isInstalled(_ name: String, under directory: String) -> Bool {
        if name == "UTC" { return true }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        let wellFormed = !parts.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part != "." && part != ".."
                && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-+".contains($0)) }
        }
        guard wellFormed else { return false }
        var status = stat()
        guard stat("\(directory)/\(name)", &status) == 0 else { return false }
        return (status.st_mode & S_IFMT) == S_IFREG
    }
}
