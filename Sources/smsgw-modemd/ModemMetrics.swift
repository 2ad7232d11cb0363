import Metrics
import ModemSession

/// One swift-metrics counter per session counter, labelled with the modem
/// (`smsgw_modemd_<name>{modem="m1"}`): ladder steps, sends, errors, timeouts.
struct ModemMetrics: Sendable {
    private let counters: [SessionCounter: Counter]
    /// Inbound parts dropped as repeats of a message already complete or abandoned.
    let repeatsDropped: Counter

    init(modemID: String) {
        var counters: [SessionCounter: Counter] = [:]
        for counter in SessionCounter.allCases {
            counters[counter] = Counter(label: "smsgw_modemd_\(counter.rawValue)", dimensions: [("modem", modemID)])
        }
        self.counters = counters
        repeatsDropped = Counter(label: "smsgw_modemd_inbound_repeats_dropped", dimensions: [("modem", modemID)])
    }

    func increment(_ counter: SessionCounter) {
        counters[counter]?.increment()
    }
}
