/// A SIM's state in the `sims` table (`sims.state`; simd keeps its own in `sim_states`, see
/// `SimRotationState`).
public enum SimState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Present, not the selected SIM of its modem.
    case idle
    /// The SIM its modem is using.
    case active
    /// Resting after a limit was reached, until `cooldown_until`.
    case cooldown
    /// The operator blocked it (detected from network errors).
    case blocked
    /// Locked by a person: never used until unlocked.
    case locked
    /// Not in its slot.
    case absent
}
