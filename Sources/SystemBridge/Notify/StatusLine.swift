import Synchronization

/// The daemon's `STATUS=` line (`sd_notify(3)`): `update` sends only when the text changed, so
/// loops may call it every turn; the last text is kept for health answers.
public final class StatusLine: Sendable {
    private let last = Mutex<String?>(nil)
    private let send: @Sendable (String) -> Void

    /// - Parameter send: delivers the text (default: `STATUS=` to systemd).
    public init(send: @escaping @Sendable (String) -> Void = { ServiceNotifier().status($0) }) {
        self.send = send
    }

    /// Sends `text` unless it is the line already shown; true when it was sent.
    @discardableResult
    public func update(_ text: String) -> Bool {
        let changed = last.withLock { last in
            guard last != text else { return false }
            last = text
            return true
        }
        if changed { send(text) }
        return changed
    }

    public var current: String? { last.withLock { $0 } }
}
