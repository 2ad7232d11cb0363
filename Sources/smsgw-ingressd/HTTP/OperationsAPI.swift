import GatewayDaemon
import NIOHTTP1

/// `GET /healthz` (200 `{"status":"ok"}` when the store answers, else 503) and
/// `GET /metrics` (Prometheus text 0.0.4: every swift-metrics metric of the daemon, then the
/// store's counts computed at scrape time). Neither needs credentials: bind the listener to
/// an address only the operator reaches when that matters.
struct OperationsAPI: Sendable {
    let reader: HTTPStoreReader
    let metrics: PrometheusMetricsFactory

    struct Health: Encodable { var status: String }

    func health(_ request: HTTPRequest) async -> HTTPResponse {
        if await reader.ping() { return .json(Health(status: "ok")) }
        var response = HTTPResponse.json(Health(status: "store_unavailable"), status: .serviceUnavailable)
        response.headers.append(("retry-after", "5"))
        return response
    }

    func scrape(_ request: HTTPRequest) async -> HTTPResponse {
        var text = metrics.render()
        if let gauges = try? await reader.gauges() { text += Self.exposition(gauges) }
        return .text(text, contentType: PrometheusTextFormat.contentType)
    }

    /// The store's counts as gauges: every message state and outbox state appears, zero or not,
    /// so a dashboard's series do not vanish.
    static func exposition(_ gauges: StoreGauges) -> String {
        var text = "# TYPE smsgw_store_messages gauge\n"
        for state in ["accepted", "queued", "held", "sending", "sent", "delivered", "failed", "expired", "unknown", "cancelled"] {
            text += PrometheusTextFormat.sample("smsgw_store_messages", [("state", state)], Double(gauges.messagesByState[state] ?? 0))
        }
        text += "# TYPE smsgw_store_outbox gauge\n"
        for kind in ["dlr", "mo"] {
            for state in ["pending", "done", "dead"] {
                text += PrometheusTextFormat.sample("smsgw_store_outbox", [("kind", kind), ("state", state)],
                                                    Double(gauges.outbox[kind]?[state] ?? 0))
            }
        }
        text += "# TYPE smsgw_store_modems gauge\n"
        for state in ["unknown", "initializing", "ready", "hung", "resetting", "offline", "disabled"] {
            text += PrometheusTextFormat.sample("smsgw_store_modems", [("state", state)], Double(gauges.modemsByState[state] ?? 0))
        }
        return text
    }
}
