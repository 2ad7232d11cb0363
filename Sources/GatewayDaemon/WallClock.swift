#if canImport(Glibc)
import Glibc
#endif
import GatewayCore
import Synchronization
import SystemBridge

extension Timestamp {
    /// Now, by the box's wall clock (CLOCK_REALTIME, plus `WallClock.offset`): the store's times
    /// are wall-clock milliseconds. Every daemon reads the time through this one property.
    public static var wallClock: Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let real = Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
        return Timestamp(millisecondsSince1970: real + WallClock.offsetMilliseconds())
    }
}

/// The test-only shift of the daemons' wall clock, so end-to-end tests can move the box's time
/// (past local midnight, to the 1st of a month) without sleeping and without changing the
/// system clock.
///
/// `SMSGW_CLOCK_OFFSET_FILE` names a file holding a whole number of seconds (may be negative;
/// a missing, empty or unreadable file means 0). It is read again at most every 200 ms of
/// monotonic time, so a test that rewrites it moves every daemon's clock at once (the change
/// is seen within 200 ms). Without the variable — on the box — the offset is always 0 and no
/// file is read. Monotonic time (pacing, timeouts, the watchdog) is never shifted.
public enum WallClock {
    public static let offsetFileVariable = "SMSGW_CLOCK_OFFSET_FILE"
    static let rereadMilliseconds: Int64 = 200

    private static let path: String? = getenv(offsetFileVariable).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    /// (offset in ms, monotonic ms when read); nil before the first read.
    private static let cached = Mutex<(offset: Int64, readAt: Int64)?>(nil)

    /// The current offset in milliseconds (0 unless `SMSGW_CLOCK_OFFSET_FILE` is set).
    public static func offsetMilliseconds() -> Int64 {
        guard let path else { return 0 }
        let now = MonotonicClock.milliseconds()
        if let fresh = cached.withLock({ value in value.flatMap { now - $0.readAt < rereadMilliseconds ? $0.offset : nil } }) {
            return fresh
        }
        let offset = (readSeconds(path) ?? 0) * 1000
        cached.withLock { $0 = (offset, now) }
        return offset
    }

    /// Parses the file's first line as a signed whole number of seconds.
    static func parseSeconds(_ text: String) -> Int64? {
        let line = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: " \t") } ?? ""
        return Int64(line)
    }

    private static func readSeconds(_ path: String) -> Int64? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        return parseSeconds(String(decoding: buffer[0..<count], as: UTF8.self))
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var text = self
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return text
    }
}
