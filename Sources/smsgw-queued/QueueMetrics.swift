import Metrics
import Synchronization

/// The queue's counters: swift-metrics `smsgw_queued_<name>` for the metrics backend, and the
/// same totals since start for `status`.
final class QueueMetrics: Sendable {
    private let totals = Mutex<[String: Int]>([:])

    func count(_ name: String, _ amount: Int) {
        guard amount > 0 else { return }
        Counter(label: "smsgw_queued_\(name)").increment(by: amount)
        totals.withLock { $0[name, default: 0] += amount }
    }

    var snapshot: [String: Int] { totals.withLock { $0 } }
}
