#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A modem's serial line in raw mode (termios, POSIX.1 §11; `cfmakeraw`): 8N1, no echo, no
/// line editing, no flow control, no CR/LF translation. Works on real UARTs, USB serial ports
/// and pseudo-terminals alike (the simulator's ptys are real ttys).
///
/// Raw mode is set with `TCSANOW`, not `TCSAFLUSH`: flushing would drop what the modem wrote
/// before we opened the line (a module's boot banner, a driver's first command).
///
/// Reads wait with `poll(2)` so a reader thread can be stopped: `read(timeout:)` returns an
/// empty array when nothing came in time.
public final class SerialPort: @unchecked Sendable {
    // @unchecked Sendable: `descriptor` is set once in `init` and only closed in `close()`/
    // `deinit`; the kernel serialises concurrent read(2)/write(2) on one descriptor, and modemd
    // reads from one thread and writes from another, never two of either.
    public let device: String
    private let descriptor: Int32

    /// Opens `device` read-write, without becoming its controlling terminal, in raw mode at `baud`.
    public init(device: String, baud: Int) throws(SerialPortError) {
        self.device = device
        guard let speed = SerialPort.speed(baud) else {
            throw SerialPortError(device: device, operation: .unsupportedBaudRate, reason: "\(baud) baud")
        }
        let fd = open(device, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw SerialPortError(device: device, operation: .open, reason: SerialPort.lastError()) }
        var settings = termios()
        guard tcgetattr(fd, &settings) == 0 else {
            let reason = SerialPort.lastError()
            Glibc.close(fd)
            throw SerialPortError(device: device, operation: .configure, reason: reason)
        }
        cfmakeraw(&settings)
        settings.c_cflag |= tcflag_t(CLOCAL | CREAD)
        settings.c_cflag &= ~tcflag_t(CRTSCTS)
        cfsetispeed(&settings, speed)
        cfsetospeed(&settings, speed)
        guard tcsetattr(fd, TCSANOW, &settings) == 0 else {
            let reason = SerialPort.lastError()
            Glibc.close(fd)
            throw SerialPortError(device: device, operation: .configure, reason: reason)
        }
        descriptor = fd
    }

    deinit { Glibc.close(descriptor) }

    /// Writes all of `bytes`, waiting while the line's output buffer is full.
    public func write(_ bytes: [UInt8]) throws(SerialPortError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EAGAIN || errno == EINTR {
                var entry = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&entry, 1, 100)
            } else {
                throw SerialPortError(device: device, operation: .write, reason: SerialPort.lastError())
            }
        }
    }

    /// The bytes available within `timeoutMilliseconds`; empty when none came.
    public func read(timeoutMilliseconds: Int32) throws(SerialPortError) -> [UInt8] {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&entry, 1, timeoutMilliseconds)
        if ready < 0 {
            if errno == EINTR { return [] }
            throw SerialPortError(device: device, operation: .poll, reason: SerialPort.lastError())
        }
        guard ready > 0 else { return [] }
        if entry.revents & Int16(POLLIN) == 0, entry.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            throw SerialPortError(device: device, operation: .read, reason: "line hung up")
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EAGAIN || errno == EINTR { return [] }
            throw SerialPortError(device: device, operation: .read, reason: SerialPort.lastError())
        }
        return Array(buffer[0..<count])
    }

    /// termios speed constants for the rates `ModemConfiguration.supportedBaudRates` lists.
    static func speed(_ baud: Int) -> speed_t? {
        switch baud {
        case 9600: speed_t(B9600)
        case 19200: speed_t(B19200)
        case 38400: speed_t(B38400)
        case 57600: speed_t(B57600)
        case 115_200: speed_t(B115200)
        case 230_400: speed_t(B230400)
        case 460_800: speed_t(B460800)
        case 921_600: speed_t(B921600)
        default: nil
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
