#if canImport(Glibc)
import Glibc
#endif

/// The box's hardware watchdog through the Linux watchdog API
/// (https://docs.kernel.org/watchdog/watchdog-api.html): opening the device starts it, every
/// write feeds it, `WDIOC_SETTIMEOUT` sets its timeout, and writing the magic character 'V'
/// just before close(2) stops it ("magic close") — only on a clean stop. Closing without it
/// leaves the timer running, so the box resets when nobody feeds it any more.
///
/// A value owning one open descriptor; tests point it at a regular file and read what was
/// written (a feed is one NUL octet, the magic close one 'V').
public struct HardwareWatchdog: Sendable {
    public let path: String
    private let descriptor: Int32
    /// The timeout the driver reports after `WDIOC_SETTIMEOUT` (seconds), nil when the device
    /// does not take the ioctl (a regular file in tests, a driver with a fixed timeout).
    public let timeoutSeconds: Int32?

    /// `_IOWR('W', 6, int)` of <linux/watchdog.h>: direction 3 << 30, size 4 << 16, type 'W' << 8, number 6.
    static let setTimeoutRequest: UInt = 0xC004_5706

    /// Opens (and so starts) the watchdog and asks for `timeoutSeconds`.
    public static func open(path: String, timeoutSeconds: Int32) throws(HardwareWatchdogError) -> HardwareWatchdog {
        let descriptor = Glibc.open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw HardwareWatchdogError(path: path, reason: code == ENOENT || code == ENODEV || code == ENXIO ? .missing : .openFailed(errno: code))
        }
        var timeout = timeoutSeconds
        let granted = ioctl(descriptor, setTimeoutRequest, &timeout) == 0 ? timeout : nil
        return HardwareWatchdog(path: path, descriptor: descriptor, timeoutSeconds: granted)
    }

    /// Feeds the watchdog (one write of a NUL octet: any data but 'V' does).
    public func feed() throws(HardwareWatchdogError) {
        try write([0])
    }

    /// The clean stop: the magic 'V', then close; the watchdog stops counting.
    public func closeCleanly() {
        try? write([UInt8(ascii: "V")])
        Glibc.close(descriptor)
    }

    /// Close without the magic character: the timer keeps running and the box resets unless
    /// someone opens and feeds the device again.
    public func abandon() {
        Glibc.close(descriptor)
    }

    private func write(_ bytes: [UInt8]) throws(HardwareWatchdogError) {
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw HardwareWatchdogError(path: path, reason: .writeFailed(errno: errno)) }
    }
}
