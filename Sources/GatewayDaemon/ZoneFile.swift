#if canImport(Glibc)
import Glibc
#endif
import GatewayTime

/// The box's time zone (`box.time_zone`) read from the system's TZif files (RFC 8536), for
/// GatewayTime's `LocalCalendar`: quiet hours, the SIM counters' local windows (queued) and SIM
/// policies' active hours and calendar resets (simd).
public enum ZoneFile {
    public static let directory = "/usr/share/zoneinfo"

    /// The rules of `name` ("UTC" needs no file).
    public static func rules(named name: String) throws -> ZoneRules {
        if name == "UTC" { return .utc }
        let path = "\(directory)/\(name)"
        guard let file = fopen(path, "rb") else { throw ZoneRulesError("cannot open \(path) (errno \(errno))") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            guard bytes.count <= 1 << 20 else { throw ZoneRulesError("\(path) is larger than 1 MiB: not a TZif file") }
        }
        return try ZoneRules(tzif: bytes)
    }
}
