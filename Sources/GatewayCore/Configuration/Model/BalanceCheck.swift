/// When smsgw-simd asks a SIM's operator for its balance (`balance_ussd`, `balance_interval`
/// in `[[sim_groups]]`, overridable per `[[sims]]`): the USSD code, and how often.
public struct BalanceCheck: Sendable, Equatable {
    /// The USSD code; nil: no balance check.
    public var code: String?
    public var interval: Duration

    public init(code: String? = nil, interval: Duration = ConfigurationDefaults.balanceInterval) {
        self.code = code
        self.interval = interval
    }
}
