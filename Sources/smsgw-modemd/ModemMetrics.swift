import Metrics
import ModemSession

/// One swift-metrics counter per session counter, labelled with the modem
/// (`smsgw_modemd_<name>{modem="m1"}`): ladder steps, sends, errors, timeouts.
struct ModemMetrics: Sendable {
    private let counters: [SessionCounter: Counter]

    init(modemID: String) {
        var counters: [SessionCounter: Counter] = [:]
        for counter in SessionCounter.allCases {
            counters[counter] = Counter(label: "smsgw_modemd_\(counter.rawValue)", dimensions: [("modem", modemID)])
        }
        self.counters = counters
    }

    func increment(_ counter: SessionCounter) {
        counters[counter]?.increment()
    }
}
