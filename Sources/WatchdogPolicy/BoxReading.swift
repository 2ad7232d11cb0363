/// What smsgw-watchdogd measured of the box itself on one turn.
public struct BoxReading: Sendable, Hashable {
    /// Whether the tiny write into `watchdog_probe` committed.
    public var storeWritable: Bool
    /// The last `PRAGMA quick_check` result ("ok" when sound; nil: not run yet).
    public var integrity: String?
    /// Free bytes for unprivileged users on the store's file system (statvfs `f_bavail`).
    public var diskFreeBytes: Int64?
    /// `MemAvailable` of /proc/meminfo.
    public var memoryAvailableBytes: Int64?

    public init(storeWritable: Bool, integrity: String?, diskFreeBytes: Int64?, memoryAvailableBytes: Int64?) {
        self.storeWritable = storeWritable
        self.integrity = integrity
        self.diskFreeBytes = diskFreeBytes
        self.memoryAvailableBytes = memoryAvailableBytes
    }
}

/// The thresholds under which the box is reported degraded.
public struct BoxThresholds: Sendable, Hashable {
    public var minimumFreeDisk: Int64
    public var minimumFreeMemory: Int64

    public init(minimumFreeDisk: Int64, minimumFreeMemory: Int64) {
        self.minimumFreeDisk = minimumFreeDisk
        self.minimumFreeMemory = minimumFreeMemory
    }
}
