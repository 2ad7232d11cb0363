/// The `+CMS ERROR` causes operators use when they bar a SIM from sending (one table).
/// Values 0…127 are RP causes of 3GPP TS 24.011 §8.2.5.4 (Table 8.4), passed through by
/// 3GPP TS 27.005 §3.2.5; 300 and above are the ME/network errors of TS 27.005.
public enum BarringCauses {
    public static let all: [Int: String] = [
        8: "operator determined barring",
        10: "call barred",
        21: "short message transfer rejected",
        29: "facility rejected",
        50: "requested facility not subscribed",
        69: "requested facility not implemented",
    ]

    public static func isBarring(_ code: Int?) -> Bool { code.map { all[$0] != nil } ?? false }
}
