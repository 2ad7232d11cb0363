import CSystemd
#if canImport(Glibc)
import Glibc
#endif

/// A child of `smsgwctl up` dies with it: `up` names itself in `SMSGW_PARENT_PID`, and the child
/// asks the kernel for SIGTERM when its parent dies (prctl(2) `PR_SET_PDEATHSIG`), then checks
/// its parent still is that pid — `up` may have died between the spawn and the prctl call, and
/// the orphan would then never get the signal. Under systemd the variable is not set and nothing
/// happens (systemd stops its units itself).
public enum ParentDeath {
    public static let variable = "SMSGW_PARENT_PID"

    /// What `bind` found.
    public enum Outcome: Sendable, Equatable {
        /// `SMSGW_PARENT_PID` is not set (or not a pid): not supervised by `up`.
        case unsupervised
        /// SIGTERM is due when the parent dies.
        case bound(parent: Int32)
        /// The parent was already gone (the process is an orphan): SIGTERM was raised now.
        case parentGone(expected: Int32, actual: Int32)
        /// prctl refused (errno).
        case failed(errno: Int32)
    }

    /// Call on the main thread, first thing: `PR_SET_PDEATHSIG` is a setting of the calling
    /// thread (threads started later do not inherit it), and only the main thread surely lives
    /// as long as the process (a pool thread may exit and take the setting with it). The signal
    /// is sent when the thread of the parent that spawned us exits; `up` is one thread.
    @discardableResult
    public static func bind(environment value: String? = getenv(variable).map { String(cString: $0) }) -> Outcome {
        guard let value, let parent = Int32(value), parent > 1 else { return .unsupervised }
        guard smsgw_set_parent_death_signal(SIGTERM) == 0 else { return .failed(errno: errno) }
        let actual = getppid()
        guard actual == parent else {
            raise(SIGTERM)
            return .parentGone(expected: parent, actual: actual)
        }
        return .bound(parent: parent)
    }
}
