import CoreMetrics
import GatewayDaemon
import Testing

@Suite("Prometheus text exposition 0.0.4 of swift-metrics")
struct PrometheusMetricsFactoryTests {
    @Test("counters, gauges and histograms render as families, sorted, with escaped labels")
    func render() {
        let factory = PrometheusMetricsFactory(valueBuckets: [1, 10])
        factory.makeCounter(label: "smsgw.requests", dimensions: [("route", "/a")]).increment(by: 2)
        factory.makeCounter(label: "smsgw.requests", dimensions: [("route", "/a")]).increment(by: 1)  // same series
        factory.makeCounter(label: "smsgw.requests", dimensions: [("route", "q\"\\\n")]).increment(by: 1)
        factory.makeMeter(label: "depth", dimensions: []).set(Int64(7))
        let histogram = factory.makeRecorder(label: "batch", dimensions: [], aggregate: true)
        histogram.record(Int64(1))
        histogram.record(Int64(5))
        histogram.record(Int64(50))
        #expect(factory.render() == """
            # TYPE batch histogram
            batch_bucket{le="1"} 1
            batch_bucket{le="10"} 2
            batch_bucket{le="+Inf"} 3
            batch_sum 56
            batch_count 3
            # TYPE depth gauge
            depth 7
            # TYPE smsgw_requests counter
            smsgw_requests{route="/a"} 3
            smsgw_requests{route="q\\"\\\\\\n"} 1

            """)
    }

    @Test("timers are histograms in seconds")
    func timer() {
        let factory = PrometheusMetricsFactory(secondBuckets: [0.01, 1])
        factory.makeTimer(label: "t", dimensions: []).recordNanoseconds(5_000_000)
        #expect(factory.render().contains("t_bucket{le=\"0.01\"} 1\n"))
        #expect(factory.render().contains("t_sum 0.005\n"))
    }

    @Test("a name taken by another type gets the type appended; destroy removes the series")
    func clashesAndDestroy() {
        let factory = PrometheusMetricsFactory()
        let counter = factory.makeCounter(label: "x", dimensions: [])
        counter.increment(by: 1)
        factory.makeMeter(label: "x", dimensions: []).set(Int64(2))
        #expect(factory.render() == "# TYPE x counter\nx 1\n# TYPE x_gauge gauge\nx_gauge 2\n")
        factory.destroyCounter(counter)
        #expect(!factory.render().contains("# TYPE x counter"))
    }

    @Test("names: characters outside the alphabet become underscores", arguments: [
        ("smsgw.http.requests", "smsgw_http_requests"), ("9lives", "_lives"), ("a:b-c", "a:b_c"), ("", "_"),
    ])
    func names(label: String, name: String) {
        #expect(PrometheusTextFormat.metricName(label) == name)
    }

    @Test("numbers", arguments: [(3.0, "3"), (0.25, "0.25"), (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"), (Double.nan, "NaN")])
    func numbers(value: Double, text: String) {
        #expect(PrometheusTextFormat.number(value) == text)
    }
}
