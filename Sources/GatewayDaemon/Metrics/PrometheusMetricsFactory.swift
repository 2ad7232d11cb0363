import CoreMetrics
import Synchronization

/// A swift-metrics backend that keeps every metric in memory and renders them in the
/// Prometheus text exposition format 0.0.4 (`render()`), for a daemon's `GET /metrics`.
/// Counters (integer and floating point) are `counter`s; meters and non-aggregating recorders
/// are `gauge`s; aggregating recorders and timers are `histogram`s (timers in seconds).
/// The same label and dimensions give back the same handler, so a metric made twice counts once.
public final class PrometheusMetricsFactory: MetricsFactory {
    private let metrics = Mutex<[PrometheusMetricKey: PrometheusMetric]>([:])
    private let valueBuckets: [Double]
    private let secondBuckets: [Double]

    /// Buckets for aggregating recorders (`valueBuckets`) and for timers, in seconds.
    public init(valueBuckets: [Double] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
                secondBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]) {
        self.valueBuckets = valueBuckets.sorted()
        self.secondBuckets = secondBuckets.sorted()
    }

    public func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        obtain(label, dimensions, type: .counter) { .counter(PrometheusCounter()) }.counter ?? PrometheusCounter()
    }

    public func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        obtain(label, dimensions, type: .counter) { .counter(PrometheusCounter()) }.counter ?? PrometheusCounter()
    }

    public func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        obtain(label, dimensions, type: .gauge) { .gauge(PrometheusGauge()) }.gauge ?? PrometheusGauge()
    }

    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        if aggregate {
            let buckets = valueBuckets
            return obtain(label, dimensions, type: .histogram) { .histogram(PrometheusHistogram(buckets: buckets)) }.histogram
                ?? PrometheusHistogram(buckets: buckets)
        }
        return obtain(label, dimensions, type: .gauge) { .gauge(PrometheusGauge()) }.gauge ?? PrometheusGauge()
    }

    public func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        let buckets = secondBuckets
        return obtain(label, dimensions, type: .histogram) { .histogram(PrometheusHistogram(buckets: buckets)) }.histogram
            ?? PrometheusHistogram(buckets: buckets)
    }

    public func destroyCounter(_ handler: any CounterHandler) { remove(handler) }
    public func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) { remove(handler) }
    public func destroyMeter(_ handler: any MeterHandler) { remove(handler) }
    public func destroyRecorder(_ handler: any RecorderHandler) { remove(handler) }
    public func destroyTimer(_ handler: any TimerHandler) { remove(handler) }

    /// Every metric as Prometheus text exposition format 0.0.4, families sorted by name.
    public func render() -> String {
        let snapshot = metrics.withLock { $0 }
        var families: [String: [(key: PrometheusMetricKey, metric: PrometheusMetric)]] = [:]
        for (key, metric) in snapshot { families[key.name, default: []].append((key, metric)) }
        var text = ""
        for name in families.keys.sorted() {
            let members = families[name, default: []].sorted { $0.key.labels.lexicographicallyPrecedes($1.key.labels) { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) } }
            guard let first = members.first else { continue }
            text += "# TYPE \(name) \(first.key.type.rawValue)\n"
            for member in members { text += member.metric.exposition(name: name, labels: member.key.labels) }
        }
        return text
    }

    /// A metric of another type under a name already taken gets the name with its type
    /// appended, so the exposition stays valid (one TYPE per family).
    private func obtain(_ label: String, _ dimensions: [(String, String)], type: PrometheusMetricType,
                        make: () -> PrometheusMetric) -> PrometheusMetric {
        metrics.withLock { metrics in
            var name = PrometheusTextFormat.metricName(label)
            if metrics.keys.contains(where: { $0.name == name && $0.type != type }) { name += "_" + type.rawValue }
            let key = PrometheusMetricKey(name: name, type: type, labels: dimensions.map { (PrometheusTextFormat.labelName($0.0), $0.1) })
            if let existing = metrics[key] { return existing }
            let metric = make()
            metrics[key] = metric
            return metric
        }
    }

    private func remove(_ handler: AnyObject) {
        metrics.withLock { metrics in
            if let key = metrics.first(where: { $0.value.handler === handler })?.key { metrics[key] = nil }
        }
    }
}

enum PrometheusMetricType: String, Sendable {
    case counter, gauge, histogram
}

struct PrometheusMetricKey: Hashable, Sendable {
    var name: String
    var type: PrometheusMetricType
    var labels: [(String, String)]

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.name == rhs.name && lhs.type == rhs.type && lhs.labels.map(\.0) == rhs.labels.map(\.0) && lhs.labels.map(\.1) == rhs.labels.map(\.1)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        for (label, value) in labels { hasher.combine(label); hasher.combine(value) }
    }
}

enum PrometheusMetric: Sendable {
    case counter(PrometheusCounter)
    case gauge(PrometheusGauge)
    case histogram(PrometheusHistogram)

    var counter: PrometheusCounter? { if case .counter(let value) = self { value } else { nil } }
    var gauge: PrometheusGauge? { if case .gauge(let value) = self { value } else { nil } }
    var histogram: PrometheusHistogram? { if case .histogram(let value) = self { value } else { nil } }

    var handler: AnyObject {
        switch self {
        case .counter(let value): value
        case .gauge(let value): value
        case .histogram(let value): value
        }
    }

    func exposition(name: String, labels: [(String, String)]) -> String {
        switch self {
        case .counter(let counter): PrometheusTextFormat.sample(name, labels, counter.value)
        case .gauge(let gauge): PrometheusTextFormat.sample(name, labels, gauge.value)
        case .histogram(let histogram): histogram.exposition(name: name, labels: labels)
        }
    }
}
