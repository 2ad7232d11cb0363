import Logging

#if canImport(Glibc)
import Glibc
#endif

/// swift-log to standard error in the form journald keeps levels from: each line starts with
/// the syslog priority in angle brackets (`sd-daemon(3)`, "<3>" = error; RFC 5424 §6.2.1),
/// then the label and the message; no timestamp (journald stamps every line). One `write(2)`
/// per entry, unbuffered, so a killed daemon loses nothing.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String

    public init(label: String, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let text = JournalLogHandler.format(level: event.level, label: label, message: "\(event.message)", metadata: merged)
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(2, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// The syslog priority of a swift-log level (RFC 5424 §6.2.1 severities).
    public static func priority(of level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// The entry as journald should read it: every line of a multi-line message carries the
    /// prefix (journald splits on newlines and would log later lines at the default priority).
    public static func format(level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        let prefix = "<\(priority(of: level))>"
        let tail = metadata.isEmpty ? "" : " " + metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let lines = "\(label): \(message)\(tail)".split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { prefix + $0 }.joined(separator: "\n") + "\n"
    }
}

/// Whether standard error is connected to the journal: systemd sets `JOURNAL_STREAM` to
/// "<device>:<inode>" of the stream it connected (`systemd.exec(5)`, "$JOURNAL_STREAM"); a
/// daemon whose stderr was redirected elsewhere since must not prefix.
public enum JournalStream {
    public static func matches(_ value: String?, device: UInt64, inode: UInt64) -> Bool {
        guard let value else { return false }
        let fields = value.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2, let dev = UInt64(fields[0]), let ino = UInt64(fields[1]) else { return false }
        return dev == device && ino == inode
    }

    /// True when this process's standard error is the journal stream systemd gave it.
    public static func isStandardError() -> Bool {
        guard let value = getenv("JOURNAL_STREAM") else { return false }
        var info = stat()
        guard fstat(2, &info) == 0 else { return false }
        return matches(String(cString: value), device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
