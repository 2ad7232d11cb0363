import Synchronization
import SystemBridge

/// modemd's `STATUS=` line, "3/8 modems ready": each modem loop reports its readiness after
/// every turn; the line is sent only when the count changes.
final class ModemsReadyStatus: Sendable {
    private let ready = Mutex<Set<String>>([])
    private let total: Int
    private let line: StatusLine

    init(total: Int, line: StatusLine = StatusLine()) {
        self.total = total
        self.line = line
    }

    var text: String { "\(ready.withLock { $0.count })/\(total) modems ready" }

    func set(_ modem: String, ready isReady: Bool) {
        let changed = ready.withLock { set in
            isReady ? set.insert(modem).inserted : set.remove(modem) != nil
        }
        if changed { line.update(text) }
    }
}
