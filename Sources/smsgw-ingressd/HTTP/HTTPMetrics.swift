import Metrics
import NIOHTTP1

/// The HTTP server's own metrics (swift-metrics, so whatever backend the daemon bootstrapped
/// sees them): requests by route pattern, method and status, and their durations.
struct HTTPMetrics: Sendable {
    func record(route: String, method: HTTPMethod, status: HTTPResponseStatus, duration: Duration) {
        let dimensions = [("route", route), ("method", method.rawValue), ("status", String(status.code))]
        Counter(label: "smsgw_http_requests_total", dimensions: dimensions).increment()
        Timer(label: "smsgw_http_request_duration_seconds", dimensions: [("route", route)]).record(duration: duration)
    }
}
