import Glibc

/// The simulated GPIO chip: a directory (`[gpio] simulated_state_path`) holding one small
/// file per driven line, `<dir>/<chip>/<offset>`, whose content is the physical level, `0` or
/// `1` and a newline. Writers replace a file atomically (write a temporary file, rename), so a
/// reader never sees half a value; the modem simulator polls the files (20 Hz) and powers its
/// modems on and off by them. A line without a file has never been driven.
public final class SimulatedGPIOController: GPIOController {
    public let directory: String
    private var requested: Set<GPIOLineAddress> = []

    public init(directory: String) {
        self.directory = directory
    }

    public func requestOutput(_ line: GPIOLineAddress, initialValue: Bool) throws(GPIOError) {
        requested.insert(line)
        try setValue(initialValue, of: line)
    }

    public func setValue(_ value: Bool, of line: GPIOLineAddress) throws(GPIOError) {
        guard requested.contains(line) else { throw GPIOError(line, .setValue, "line not requested as output") }
        let physical = value != line.activeLow
        try SimulatedGPIOController.writeLevel(physical, of: line, in: directory)
    }

    public func value(of line: GPIOLineAddress) throws(GPIOError) -> Bool {
        guard let physical = SimulatedGPIOController.level(of: line, in: directory) else {
            throw GPIOError(line, .readValue, "the line has never been driven")
        }
        return physical != line.activeLow
    }

    public func release(_ line: GPIOLineAddress) {
        requested.remove(line)
    }

    /// The path of a line's file.
    public static func path(of line: GPIOLineAddress, in directory: String) -> String {
        "\(directory)/\(line.chip)/\(line.offset)"
    }

    /// The physical level in a line's file; nil when the file is missing or unreadable.
    public static func level(of line: GPIOLineAddress, in directory: String) -> Bool? {
        let descriptor = open(path(of: line, in: directory), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var byte: UInt8 = 0
        guard read(descriptor, &byte, 1) == 1 else { return nil }
        switch byte {
        case UInt8(ascii: "0"): return false
        case UInt8(ascii: "1"): return true
        default: return nil
        }
    }

    /// Writes a level: temporary file in the same directory, then rename (atomic on POSIX).
    public static func writeLevel(_ level: Bool, of line: GPIOLineAddress, in directory: String) throws(GPIOError) {
        let chipDirectory = "\(directory)/\(line.chip)"
        for path in [directory, chipDirectory] where mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw GPIOError(line, .setValue, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        let final = path(of: line, in: directory)
        let temporary = "\(final).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw GPIOError(line, .setValue, "cannot write \(temporary): \(String(cString: strerror(errno)))") }
        let text: [UInt8] = [level ? UInt8(ascii: "1") : UInt8(ascii: "0"), 0x0A]
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == text.count, rename(temporary, final) == 0 else {
            unlink(temporary)
            throw GPIOError(line, .setValue, "cannot replace \(final): \(String(cString: strerror(errno)))")
        }
    }
}
