/// Why the hardware watchdog could not be opened or fed: the device path, the operation and
/// the errno text.
public struct HardwareWatchdogError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// No such device (no watchdog driver on this machine).
        case missing
        /// open(2) failed otherwise (permissions, busy: another process holds it).
        case openFailed(errno: Int32)
        case writeFailed(errno: Int32)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .missing: "no hardware watchdog at \(path)"
        case .openFailed(let code): "cannot open the hardware watchdog \(path): \(ErrnoText.text(code))"
        case .writeFailed(let code): "cannot feed the hardware watchdog \(path): \(ErrnoText.text(code))"
        }
    }
}

enum ErrnoText {
    static func text(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "errno \(code)" }
        return "\(String(cString: message)) (errno \(code))"
    }
}

#if canImport(Glibc)
import Glibc
#endif
