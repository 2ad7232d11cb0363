import Foundation
import GatewayCore
import GatewayStore
import SMPPCodec
import Testing

/// Durable accepts, measured (budget, docs/architecture.md: ≥ 10,000 submit_sm/s over 4 binds
/// with a window of 50). The real smsgw-ingressd with a real SQLite file (WAL,
/// synchronous=FULL); the load comes from plain blocking sockets, one thread per bind, each
/// keeping 50 submit_sm unanswered. Latency is submit_sm written → submit_sm_resp read, so it
/// includes the group commit's fsync. Measurements, not checks: `scripts/bench IngressBenchmarks`
/// (SMSGW_BENCH=1; SMSGW_BENCH_SUBMITS sets the SMPP total, default 40,000; HTTP sends half).
@Suite("Ingress benchmarks", .enabled(if: ProcessInfo.processInfo.environment["SMSGW_BENCH"] == "1"), .serialized)
struct IngressBenchmarks {
    static let total = Int(ProcessInfo.processInfo.environment["SMSGW_BENCH_SUBMITS"] ?? "") ?? 40_000

    @Test("SMPP: durable submit_sm/s over 4 binds, window 50")
    func smpp() async throws {
        let box = try IngressSMPPBox(maxBinds: 4, throughput: 100_000, logLevel: "notice")
        try await box.start()
        let binds = 4, window = 50, perBind = Self.total / binds
        let port = box.port
        let started = ContinuousClock.now
        let all = await withTaskGroup(of: (latencies: [Double], error: String?).self) { group in
            for bind in 0..<binds {
                group.addTask { await Self.runBind(port: port, index: bind, count: perBind, window: window) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let elapsed = (ContinuousClock.now - started).seconds
        for case let error? in all.map(\.error) { Issue.record("\(error)") }
        let latencies = LatencySummary(all.flatMap(\.latencies))
        print("BENCH SMPP durable accepts: \(perBind * binds) submit_sm over \(binds) binds (window \(window)) in "
              + String(format: "%.2f s = %.0f/s; latency %@", elapsed, Double(perBind * binds) / elapsed, latencies.text))
        if let pid = box.process?.processIdentifier,
           let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
           let rss = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) {
            print("BENCH   ingressd after the run: \(rss.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " "))")
        }
        let stored = try GatewayDatabase(path: box.databasePath, now: Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970)))
            .connection.queryFirst("SELECT count(*) FROM messages") { $0.int(0) }
        #expect(stored == perBind * binds, "every acknowledged submit is in the store")
        box.stop()
    }

    /// ≥ 5,000 single-message HTTP requests/s: `POST /api/v1/messages`, each answered
    /// 202 only after its group commit; 32 keep-alive connections, one request at a time each.
    @Test("HTTP: durable POST /api/v1/messages per second, 32 keep-alive connections")
    func http() async throws {
        let box = try IngressHTTPBox(throughput: 100_000, logLevel: "notice")
        try await box.start()
        let connections = 32, perConnection = Self.total / 2 / connections
        let port = box.port
        let started = ContinuousClock.now
        let all = await withTaskGroup(of: (latencies: [Double], error: String?).self) { group in
            for index in 0..<connections {
                group.addTask {
                    await withCheckedContinuation { continuation in
                        Thread.detachNewThread {
                            do {
                                continuation.resume(returning: (try Self.postLoop(port: port, index: index, count: perConnection), nil))
                            } catch {
                                continuation.resume(returning: ([], "connection \(index): \(error)"))
                            }
                        }
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let elapsed = (ContinuousClock.now - started).seconds
        for case let error? in all.map(\.error) { Issue.record("\(error)") }
        let total = perConnection * connections
        print("BENCH HTTP durable accepts: \(total) POST /api/v1/messages over \(connections) connections in "
              + String(format: "%.2f s = %.0f/s; latency %@", elapsed, Double(total) / elapsed, LatencySummary(all.flatMap(\.latencies)).text))
        let stored = try GatewayDatabase(path: box.databasePath, now: Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970)))
            .connection.queryFirst("SELECT count(*) FROM messages") { $0.int(0) }
        #expect(stored == total, "every 202 is in the store")
        box.stop()
    }

    /// Sequential keep-alive requests on one connection; each answer read whole (Content-Length).
    private static func postLoop(port: Int, index: Int, count: Int) throws -> [Double] {
        let connection = try BlockingTCPConnection(port: port)
        var latencies: [Double] = []
        latencies.reserveCapacity(count)
        var pending: [UInt8] = []
        for number in 0..<count {
            let body = #"{"to":"+3161\#(index)\#(String(format: "%06d", number))","text":"Your code is \#(100_000 + number)"}"#
            let request = "POST /api/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer key-acme\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
            let start = ContinuousClock.now
            try connection.write(Array(request.utf8))
            // Read one response: headers to the blank line, then Content-Length octets.
            while true {
                if let end = pending.firstRange(of: Array("\r\n\r\n".utf8)) {
                    let head = String(decoding: pending[..<end.lowerBound], as: UTF8.self)
                    guard head.hasPrefix("HTTP/1.1 202") else { throw IngressBoxError("answer: \(head.prefix(200))") }
                    let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                        .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                    if pending.count >= end.upperBound + length {
                        pending.removeFirst(end.upperBound + length)
                        break
                    }
                }
                let bytes = try connection.read()
                guard !bytes.isEmpty else { throw IngressBoxError("connection closed") }
                pending += bytes
            }
            latencies.append((ContinuousClock.now - start).seconds)
        }
        return latencies
    }

    /// One bind on its own thread: bind_transmitter, then keep `window` submits in flight.
    static func runBind(port: Int, index: Int, count: Int, window: Int) async -> (latencies: [Double], error: String?) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                do {
                    continuation.resume(returning: (try submitLoop(port: port, index: index, count: count, window: window), nil))
                } catch {
                    continuation.resume(returning: ([], "bind \(index): \(error)"))
                }
            }
        }
    }

    private static func submitLoop(port: Int, index: Int, count: Int, window: Int) throws -> [Double] {
        let connection = try BlockingTCPConnection(port: port)
        var decoder = SMPPFrameDecoder()
        func nextPDU() throws -> PDU {
            while true {
                if let frame = try decoder.nextFrame() { return try PDU(decoding: frame) }
                let bytes = try connection.read()
                guard !bytes.isEmpty else { throw IngressBoxError("connection closed") }
                decoder.append(bytes)
            }
        }
        try connection.write(PDU(.bindTransmitter(Bind(systemID: "esme", password: "s3cret")), sequenceNumber: 1).encoded())
        let bound = try nextPDU()
        guard bound.commandStatus == .ok else { throw IngressBoxError("bind refused: \(bound.commandStatus)") }
        var sentAt = [UInt32: ContinuousClock.Instant]()
        var latencies: [Double] = []
        latencies.reserveCapacity(count)
        var sent = 0, answered = 0
        while answered < count {
            var batch: [UInt8] = []
            while sent < count, sentAt.count < window {
                let sequence = UInt32(sent + 2)
                let submit = SubmitSM(source: SMEAddress(address: "ACME"),
                                      destination: SMEAddress(ton: .international, npi: .isdn, address: "3161\(index)\(String(format: "%06d", sent))"),
                                      shortMessage: Array("Your code is \(100_000 + sent % 900_000)".utf8))
                batch += try PDU(.submitSM(submit), sequenceNumber: sequence).encoded()
                sentAt[sequence] = .now
                sent += 1
            }
            if !batch.isEmpty { try connection.write(batch) }
            let answer = try nextPDU()
            guard answer.commandID == .submitSMResp, let start = sentAt.removeValue(forKey: answer.sequenceNumber) else {
                throw IngressBoxError("unexpected \(answer.commandID) seq \(answer.sequenceNumber)")
            }
            guard answer.commandStatus == .ok else { throw IngressBoxError("submit refused: \(answer.commandStatus)") }
            latencies.append((ContinuousClock.now - start).seconds)
            answered += 1
        }
        return latencies
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
