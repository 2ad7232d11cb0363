import CoreMetrics
import Synchronization

/// A monotonically increasing total (Prometheus `counter`).
public final class PrometheusCounter: CounterHandler, FloatingPointCounterHandler {
    private let total = Mutex<Double>(0)

    public func increment(by amount: Int64) { total.withLock { $0 += Double(amount) } }
    public func increment(by amount: Double) { total.withLock { $0 += amount } }
    public func reset() { total.withLock { $0 = 0 } }
    var value: Double { total.withLock { $0 } }
}

/// A value that goes up and down (Prometheus `gauge`).
public final class PrometheusGauge: RecorderHandler, MeterHandler {
    private let current = Mutex<Double>(0)

    public func record(_ value: Int64) { current.withLock { $0 = Double(value) } }
    public func record(_ value: Double) { current.withLock { $0 = value } }
    public func set(_ value: Int64) { current.withLock { $0 = Double(value) } }
    public func set(_ value: Double) { current.withLock { $0 = value } }
    public func increment(by amount: Double) { current.withLock { $0 += amount } }
    public func decrement(by amount: Double) { current.withLock { $0 -= amount } }
    var value: Double { current.withLock { $0 } }
}

/// Observations counted into cumulative buckets (Prometheus `histogram`: `_bucket{le=…}`,
/// `_sum`, `_count`). As a timer it records seconds.
public final class PrometheusHistogram: RecorderHandler, TimerHandler {
    private struct State {
        var counts: [Int]
        var sum: Double = 0
        var count = 0
    }

    let buckets: [Double]
    private let state: Mutex<State>

    init(buckets: [Double]) {
        self.buckets = buckets
        self.state = Mutex(State(counts: Array(repeating: 0, count: buckets.count)))
    }

    public func record(_ value: Int64) { record(Double(value)) }
    public func record(_ value: Double) {
        let buckets = self.buckets
        state.withLock { state in
            if let index = buckets.firstIndex(where: { value <= $0 }) { state.counts[index] += 1 }
            state.sum += value
            state.count += 1
        }
    }
    public func recordNanoseconds(_ duration: Int64) { record(Double(duration) / 1e9) }

    func exposition(name: String, labels: [(String, String)]) -> String {
        let (counts, sum, count) = state.withLock { ($0.counts, $0.sum, $0.count) }
        var text = ""
        var cumulative = 0
        for (bound, bucketCount) in zip(buckets, counts) {
            cumulative += bucketCount
            text += PrometheusTextFormat.sample(name + "_bucket", labels + [("le", PrometheusTextFormat.number(bound))], Double(cumulative))
        }
        text += PrometheusTextFormat.sample(name + "_bucket", labels + [("le", "+Inf")], Double(count))
        text += PrometheusTextFormat.sample(name + "_sum", labels, sum)
        text += PrometheusTextFormat.sample(name + "_count", labels, Double(count))
        return text
    }
}
