import Glibc

/// A pseudo-terminal whose master side a simulator drives, linked at a device path so that a
/// driver opens the slave side like a serial port (POSIX `posix_openpt`, `grantpt`, `unlockpt`).
///
/// The slave is put in raw mode with `TCSANOW` (TCSAFLUSH would drop what a peer already
/// wrote), and the simulator keeps its own descriptor on the slave open: a peer that closes
/// and reopens the device (Kannel does while probing) then never hangs up the master.
public final class PseudoTerminal {
    /// The master side, non-blocking.
    public let master: Int32
    /// The slave's device path (`/dev/pts/N`).
    public let slavePath: String
    /// The symbolic link pointing at the slave, if one was made.
    public let linkPath: String?
    private let heldSlave: Int32

    /// Opens a pty and links `linkPath` (replacing an old link there) to its slave.
    public init(linkAt linkPath: String?) throws(TerminalError) {
        let master = ptyOpen(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw TerminalError(.open, path: "/dev/ptmx") }
        var name = [CChar](repeating: 0, count: 128)
        guard ptyGrant(master) == 0, ptyUnlock(master) == 0, ptyName(master, &name, name.count) == 0 else {
            close(master)
            throw TerminalError(.open, path: "/dev/ptmx")
        }
        let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let slave = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else {
            close(master)
            throw TerminalError(.open, path: slavePath)
        }
        do throws(TerminalError) {
            try PseudoTerminal.makeRaw(slave, path: slavePath)
            _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
            if let linkPath {
                unlink(linkPath)
                guard symlink(slavePath, linkPath) == 0 else { throw TerminalError(.link, path: linkPath) }
            }
        } catch {
            close(slave)
            close(master)
            throw error
        }
        self.master = master
        self.slavePath = slavePath
        self.linkPath = linkPath
        self.heldSlave = slave
    }

    deinit {
        if let linkPath { unlink(linkPath) }
        close(heldSlave)
        close(master)
    }

    /// Raw mode (cfmakeraw: no echo, no line editing, no CR/NL translation), 115200 baud,
    /// applied at once (`TCSANOW`).
    static func makeRaw(_ descriptor: Int32, path: String) throws(TerminalError) {
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0 else { throw TerminalError(.configure, path: path) }
        cfmakeraw(&settings)
        cfsetispeed(&settings, speed_t(B115200))
        cfsetospeed(&settings, speed_t(B115200))
        guard tcsetattr(descriptor, TCSANOW, &settings) == 0 else { throw TerminalError(.configure, path: path) }
    }

    /// Reads what the peer wrote; empty when nothing is waiting.
    public func readAvailable() -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        return count > 0 ? Array(buffer[..<count]) : []
    }

    /// Writes to the peer; what does not fit in the terminal's buffer is dropped, as a
    /// serial line without flow control would lose it.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Int {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            offset += written
        }
        return offset
    }
}

/// Why a pseudo-terminal could not be set up.
public struct TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Step: String, Sendable, Hashable {
        case open
        case configure
        case link
    }

    public var step: Step
    public var path: String
    public var reason: String

    public init(_ step: Step, path: String) {
        self.step = step
        self.path = path
        self.reason = String(cString: strerror(errno))
    }

    public var description: String { "\(path): cannot \(step.rawValue) the pseudo-terminal: \(reason)" }
}

// glibc declares these only with _XOPEN_SOURCE, which Swift's Glibc module does not define.
// They take and return plain C ints and pointers, for which the Swift and C calling
// conventions agree on the Linux targets we build for (x86_64, aarch64).
@_silgen_name("posix_openpt") private func ptyOpen(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func ptyGrant(_ descriptor: Int32) -> Int32
@_silgen_name("unlockpt") private func ptyUnlock(_ descriptor: Int32) -> Int32
@_silgen_name("ptsname_r") private func ptyName(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<CChar>, _ length: Int) -> Int32
