/// SplitMix64 (Steele, Lea, Flood 2014): a small seeded generator so that a simulated modem's
/// random choices (error rates, report outcomes, part order) repeat from run to run and in tests.
struct DeterministicRandom: RandomNumberGenerator, Sendable, Hashable {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A seed from a text (the modem id), FNV-1a.
    init(seed text: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        state = hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var value = state
        value = (value ^ (value >> 30)) &* 0xbf58_476d_1ce4_e5b9
        value = (value ^ (value >> 27)) &* 0x94d0_49bb_1331_11eb
        return value ^ (value >> 31)
    }

    /// True with probability `rate` (0…1).
    mutating func chance(_ rate: Double) -> Bool {
        rate >= 1 || (rate > 0 && Double.random(in: 0..<1, using: &self) < rate)
    }
}
