import Synchronization

/// Honest watchdog pets (only a loop that does the work pets; `sd_watchdog_enabled(3)`): each work loop of a
/// daemon registers a `Lane` and beats it once per turn; the beat itself pets systemd, at most
/// once per `petInterval`, and only while *every* registered lane has beaten within
/// `staleAfter`. There is no timer of its own: when every loop is stuck nothing beats, and when
/// one loop is stuck the others' beats see it and withhold the pet, so systemd's `WatchdogSec=`
/// expires and `Restart=` applies.
///
/// Time is an input (`now`, monotonic nanoseconds) and the pet an injected action, so tests
/// drive stalls in-process.
public final class WorkLoopHeartbeat: Sendable {
    /// One registered loop.
    public struct Lane: Sendable, Hashable {
        public let index: Int
        public let name: String
    }

    /// What a beat did (for tests and logs).
    public enum BeatOutcome: Sendable, Equatable {
        /// Not time to pet yet (or no watchdog).
        case beat
        /// Petted systemd.
        case petted
        /// Time to pet, but these lanes are stale: no pet.
        case withheld(stale: [String])
    }

    private struct State {
        var names: [String] = []
        var beats: [Int64] = []
        var lastPet: Int64?
        var lastWithheldReport: Int64?
    }

    /// Half of the watchdog timeout; nil when the watchdog is off (beats are then only recorded).
    public let petInterval: Duration?
    /// How long a lane may go without a beat and still count as turning.
    public let staleAfter: Duration
    private let state = Mutex(State())
    private let now: @Sendable () -> Int64
    private let pet: @Sendable () -> Void
    private let withheld: @Sendable ([String]) -> Void

    /// - Parameters:
    ///   - watchdog: the service watchdog (nil: off).
    ///   - staleAfter: default: the pet interval (so a loop stuck for longer than half of
    ///     `WatchdogSec=` stops the pets, and systemd acts within 1.5 × `WatchdogSec=`), or 5 s
    ///     without a watchdog (for health answers).
    ///   - now: monotonic nanoseconds.
    ///   - pet: sends `WATCHDOG=1`.
    ///   - withheld: told the stale lanes when a pet is withheld (at most once per pet interval).
    public init(watchdog: ServiceWatchdog?, staleAfter: Duration? = nil,
                now: @escaping @Sendable () -> Int64 = MonotonicClock.nanoseconds,
                pet: @escaping @Sendable () -> Void,
                withheld: @escaping @Sendable ([String]) -> Void = { _ in }) {
        petInterval = watchdog?.petInterval
        self.staleAfter = staleAfter ?? watchdog?.petInterval ?? .seconds(5)
        self.now = now
        self.pet = pet
        self.withheld = withheld
    }

    /// Registers a loop; it counts as having beaten now (a grace of `staleAfter` to start).
    public func register(_ name: String) -> Lane {
        let time = now()
        return state.withLock { state in
            state.names.append(name)
            state.beats.append(time)
            return Lane(index: state.names.count - 1, name: name)
        }
    }

    /// Called by `lane`'s loop once per turn; pets when due and every lane is fresh.
    @discardableResult
    public func beat(_ lane: Lane) -> BeatOutcome {
        let time = now()
        let stale = staleAfter.nanoseconds
        let outcome: BeatOutcome = state.withLock { state in
            guard lane.index < state.beats.count else { return .beat }
            state.beats[lane.index] = time
            guard let interval = petInterval?.nanoseconds else { return .beat }
            if let last = state.lastPet, time - last < interval { return .beat }
            let staleLanes = state.beats.indices.filter { time - state.beats[$0] > stale }.map { state.names[$0] }
            if staleLanes.isEmpty {
                state.lastPet = time
                return .petted
            }
            if let reported = state.lastWithheldReport, time - reported < interval { return .beat }
            state.lastWithheldReport = time
            return .withheld(stale: staleLanes)
        }
        switch outcome {
        case .petted: pet()
        case .withheld(let staleLanes): withheld(staleLanes)
        case .beat: break
        }
        return outcome
    }

    /// The lanes that have not beaten within `staleAfter` (for health answers).
    public func staleLanes() -> [String] {
        let time = now()
        let stale = staleAfter.nanoseconds
        return state.withLock { state in
            state.beats.indices.filter { time - state.beats[$0] > stale }.map { state.names[$0] }
        }
    }
}

extension Duration {
    /// The duration in whole nanoseconds (saturating).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? Int64.max : whole + attoseconds / 1_000_000_000
    }
}
