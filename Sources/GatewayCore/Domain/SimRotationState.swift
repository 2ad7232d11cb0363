/// A configured SIM's state in `smsgw-simd`'s inventory (docs/simd.md; table
/// `sim_states`, migration 10).
public enum SimRotationState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Its modem has it on air.
    case active
    /// Present and usable, not on air.
    case standby
    /// Rotated off; may come back once its cool-down ends.
    case cooling
    /// Judged barred by its operator (block detection); only a person releases it.
    case quarantined
    /// Locked by a person: never on air until unlocked.
    case locked
    /// A switch to it failed (no SIM, no registration); tried again after a while.
    case missing
}
