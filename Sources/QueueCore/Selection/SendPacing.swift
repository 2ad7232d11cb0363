/// "Human" pacing between two messages of one SIM: its `cooldown` plus a random jitter in
/// 0 ... `queue.send_jitter`, drawn once per send so the gap stays put between looks.
public struct SendPacing: Sendable, Hashable {
    public var jitter: Duration

    public init(jitter: Duration) { self.jitter = jitter }

    /// The gap owed after a send by a SIM with `cooldown`, with randomness from `generator`.
    public func gap<Generator: RandomNumberGenerator>(cooldown: Duration, using generator: inout Generator) -> Duration {
        let spread = jitter.milliseconds
        guard spread > 0 else { return cooldown }
        return cooldown + .milliseconds(Int64.random(in: 0...spread, using: &generator))
    }
}
