import Metrics
import NIOHTTP1

/// The HTTP server's own metrics (swift-metrics, so whatever backend the daemon bootstrapped
/// sees them): requests by route pattern, method and status, their durations, and the
/// messages the HTTP interfaces stored.
struct HTTPMetrics: Sendable {
    func record(route: String, method: HTTPMethod, status: HTTPResponseStatus, duration: Duration) {
        let dimensions = [("route", route), ("method", method.rawValue), ("status", String(status.code))]
        Counter(label: "smsgw_http_requests_total", dimensions: dimensions).increment()
        Timer(label: "smsgw_http_request_duration_seconds", dimensions: [("route", route)]).record(duration: duration)
    }

    /// `count` messages from `interface` (`api`, `sendsms`) ended as `outcome` (`accepted`,
    /// `duplicate`, `conflict`, `failed`: the store did not take them).
    static func messages(interface: String, outcome: String, count: Int = 1) {
        guard count > 0 else { return }
        Counter(label: "smsgw_http_messages_total", dimensions: [("interface", interface), ("outcome", outcome)])
            .increment(by: count)
    }
}
