import Testing
import SMPPCodec
#if canImport(Glibc)
import Glibc
#endif

/// Throughput of the ingress hot path: frame + decode a stream of submit_sm, encode the
/// submit_sm_resp into a reused buffer. A benchmark, not a test: it asserts nothing about
/// time and runs only with SMSGW_BENCH=1 (`scripts/bench`).
/// Numbers from a debug build are a floor; the budget (docs/architecture.md) is 10,000 submit_sm/s.
@Suite(.enabled(if: smppBenchmarkEnabled)) struct SMPPBenchmark {
    @Test func submitSMStream() throws {
        let count = 200_000
        let one = try PDU(.submitSM(SMPPSamples.submit), sequenceNumber: 1).encoded()
        let stream = Array((0..<2000).map { _ in one }.joined())
        var decoder = SMPPFrameDecoder()
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        let clock = ContinuousClock()
        var decoded = 0
        let elapsed = try clock.measure {
            var offset = 0
            while decoded < count {
                // 1460-octet reads, as TCP segments would arrive.
                let end = min(stream.count, offset + 1460)
                decoder.append(stream[offset..<end])
                offset = end == stream.count ? 0 : end
                while let frame = try decoder.nextFrame() {
                    let pdu = try PDU(decoding: frame)
                    guard case .submitSM(let body) = pdu.body, !body.destination.address.isEmpty else { continue }
                    decoded += 1
                    if output.count > 60_000 { output.removeAll(keepingCapacity: true) }
                    try PDU(.submitSMResp(MessageIDResponse(messageID: "0123456789AB")),
                            sequenceNumber: pdu.sequenceNumber).encode(into: &output)
                }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("SMPPBenchmark: \(decoded) submit_sm framed+decoded, resp encoded in \(seconds) s = \(Int(Double(decoded) / seconds))/s on one core")
    }
}

private let smppBenchmarkEnabled: Bool = {
    #if canImport(Glibc)
    return getenv("SMSGW_BENCH").map { String(cString: $0) } == "1"
    #else
    return false
    #endif
}()
