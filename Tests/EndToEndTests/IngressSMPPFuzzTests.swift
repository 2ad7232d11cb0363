import Foundation
import GatewayTestSupport
import SMPPCodec
import Testing

/// SMPP fuzzing of the real daemon (parsers of untrusted input are fuzzed):
/// seeded random and mutated PDUs from several connections at once while one well-behaved
/// smpplib session keeps submitting. The daemon must not crash, that session must not notice,
/// and every byte the daemon sends back must be well-formed PDUs.
@Suite("ingressd SMPP fuzz", .serialized)
struct IngressSMPPFuzzTests {
    static let fuzzConnections = 4
    static let pdusPerConnection = 400

    @Test func randomAndMutatedPDUsDoNotHurtAWellBehavedSession() async throws {
        let box = try IngressSMPPBox(throughput: 100_000, window: 100, logLevel: "notice")
        try await box.start()
        let port = box.port
        let results = FuzzResults()
        let group = DispatchGroup()
        for connection in 0..<Self.fuzzConnections {
            DispatchQueue.global().async(group: group) {
                var random = SeededRandom(seed: 0x5EED_0000 + UInt64(connection))
                results.add(Self.fuzz(port: port, random: &random))
            }
        }
        let python = IngressSMPPBox.python
        DispatchQueue.global().async(group: group) {
            results.wellBehaved = Result { try Self.runPython(python, port: port, #"""
                import sys, smpplib.client
                client = smpplib.client.Client('127.0.0.1', int(sys.argv[1]), timeout=10)
                client.connect()
                client.bind_transceiver(system_id='esme', password='s3cret')
                ok = 0
                for i in range(300):
                    client.send_message(source_addr_ton=5, source_addr='Shop', dest_addr_ton=1, dest_addr_npi=1,
                                        destination_addr='49151%08d' % i, short_message=b'Fuzz-proof %d' % i)
                    resp = client.read_pdu()
                    while resp.command == 'enquire_link':
                        client.send_pdu(smpplib.smpp.make_pdu('enquire_link_resp', client=client, sequence=resp.sequence))
                        resp = client.read_pdu()
                    if resp.command == 'submit_sm_resp' and resp.status == 0: ok += 1
                client.unbind()
                print(ok)
                """#) }
        }
        await withCheckedContinuation { continuation in group.notify(queue: .global()) { continuation.resume() } }

        #expect(try results.wellBehaved.get().trimmingCharacters(in: .whitespacesAndNewlines) == "300")
        #expect(box.process?.isRunning == true, "ingressd died:\n\(box.log.suffix(2000))")
        let summary = results.summary
        print("SMPP fuzz: \(summary.sent) PDUs over \(Self.fuzzConnections) connections, \(summary.answers) answers, "
              + "\(summary.closed) connections closed by the daemon, malformed answers: \(summary.malformed)")
        #expect(summary.malformed.isEmpty)
        #expect(summary.answers > Self.fuzzConnections * Self.pdusPerConnection / 4)
        #expect(summary.closed == Self.fuzzConnections)  // each by its absurd last PDU
        // Still serving: a fresh connection's enquire_link is answered.
        let probe = try FuzzSocket(port: port)
        try probe.write(PDU(.enquireLink, sequenceNumber: 7).encoded())
        var decoder = SMPPFrameDecoder()
        decoder.append(probe.readAll(until: 1))
        let answer = try decoder.nextFrame().map { try PDU(decoding: $0) }
        #expect(answer?.commandID == .enquireLinkResp && answer?.sequenceNumber == 7)
    }

    /// One connection's worth: valid PDUs of every kind, mutated (bytes flipped, cut, command
    /// ids and lengths changed) or replaced by noise behind a plausible header; the answers are
    /// read concurrently and checked to be whole, decodable PDUs.
    static func fuzz(port: Int, random: inout SeededRandom) -> FuzzResults.Connection {
        var outcome = FuzzResults.Connection()
        guard let socket = try? FuzzSocket(port: port) else {
            outcome.malformed.append("could not connect")
            return outcome
        }
        var stream: [UInt8] = []
        // Half the connections bind first, so bound-state paths are fuzzed too.
        if Bool.random(using: &random) {
            stream += (try? PDU(.bindTransceiver(Bind(systemID: "esme", password: "s3cret")), sequenceNumber: 1).encoded()) ?? []
        }
        for index in 0..<pdusPerConnection {
            stream += mutated(seed(index, random: &random), random: &random)
        }
        // Last, an absurd command_length (below 16 or above 64 KiB): generic_nack, then closed.
        let absurd: UInt32 = Bool.random(using: &random) ? UInt32.random(in: 0...15, using: &random)
                                                          : UInt32.random(in: 65_537...1_000_000, using: &random)
        withUnsafeBytes(of: absurd.bigEndian) { stream += Array($0) + [0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 9] }
        outcome.sent = pdusPerConnection
        // Written in random slices (framing across reads), tolerating a daemon that closed on us;
        // the answers (smaller than what we send) wait in our receive buffer meanwhile.
        var offset = 0
        while offset < stream.count {
            let size = Int.random(in: 1...512, using: &random)
            let end = min(stream.count, offset + size)
            guard (try? socket.write(Array(stream[offset..<end]))) != nil else { break }
            offset = end
        }
        let received = socket.readAll(until: 3)
        outcome.closed = socket.closedByPeer
        var decoder = SMPPFrameDecoder()
        decoder.append(received[...])
        while true {
            do {
                guard let frame = try decoder.nextFrame() else { break }
                _ = try PDU(decoding: frame)
                outcome.answers += 1
            } catch {
                outcome.malformed.append("\(error)")
                break
            }
        }
        if decoder.bufferedCount > 0 { outcome.malformed.append("\(decoder.bufferedCount) trailing bytes") }
        return outcome
    }

    /// A valid PDU to start from: every command the daemon may meet.
    static func seed(_ index: Int, random: inout SeededRandom) -> [UInt8] {
        let sequence = UInt32(index + 2)
        let submit = SubmitSM(source: SMEAddress(ton: .alphanumeric, address: "Shop"),
                              destination: SMEAddress(ton: .international, npi: .isdn, address: "4915112345678"),
                              shortMessage: Array("fuzz \(index)".utf8), registeredDelivery: 1)
        let bodies: [PDUBody] = [
            .submitSM(submit), .deliverSM(submit), .enquireLink, .enquireLinkResp, .genericNack, .unbindResp,
            // (No failing binds: from the 5th in a minute every bind from 127.0.0.1 is slowed down.)
            .bindTransmitter(Bind(systemID: "esme", password: "s3cret")), .querySM(QuerySM()), .cancelSM(CancelSM()),
            .deliverSMResp(MessageIDResponse()), .submitSMResp(MessageIDResponse(messageID: "1")),
        ]
        let body = bodies[Int.random(in: 0..<bodies.count, using: &random)]
        return (try? PDU(body, sequenceNumber: sequence).encoded()) ?? []
    }

    static func mutated(_ pdu: [UInt8], random: inout SeededRandom) -> [UInt8] {
        var bytes = pdu
        // A lying command_length desynchronises the rest of the stream (the next "length" is
        // then any 4 bytes, usually absurd: closed), so it is rare, as on a real link.
        switch Int.random(in: 0..<(5 * 40 + 1), using: &random) / 40 {
        case 0:  // kept valid
            break
        case 1:  // a few bytes flipped after the length field
            for _ in 0..<Int.random(in: 1...4, using: &random) where bytes.count > 4 {
                bytes[Int.random(in: 4..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
        case 2:  // body cut short, command_length kept consistent
            let keep = Int.random(in: 16...max(16, bytes.count), using: &random)
            bytes = Array(bytes.prefix(keep))
            setLength(&bytes)
        case 3:  // a random command_id, maybe a response bit
            let command = UInt32.random(in: 0...0x1FF, using: &random) | (Bool.random(using: &random) ? 0x8000_0000 : 0)
            withUnsafeBytes(of: command.bigEndian) { bytes.replaceSubrange(4..<8, with: $0) }
        case 4:  // noise behind a plausible header
            let noise = (0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            bytes = Array(bytes.prefix(16)) + noise
            setLength(&bytes)
        default:  // a lying but plausible command_length (swallows part of what follows)
            let length = UInt32.random(in: 16...UInt32(bytes.count + 64), using: &random)
            withUnsafeBytes(of: length.bigEndian) { bytes.replaceSubrange(0..<4, with: $0) }
        }
        return bytes
    }

    /// Runs `script` with the venv's Python (argv: port); its standard output.
    static func runPython(_ python: String, port: Int, _ script: String) throws -> String {
        let run = Process()
        run.executableURL = URL(fileURLWithPath: python)
        run.arguments = ["-c", script, String(port)]
        let out = Pipe(), err = Pipe()
        run.standardOutput = out
        run.standardError = err
        try run.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        run.waitUntilExit()
        guard run.terminationStatus == 0 else {
            throw IngressBoxError("python failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func setLength(_ bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { bytes.replaceSubrange(0..<4, with: $0) }
    }
}

/// What every fuzzing connection saw (filled from several threads).
final class FuzzResults: @unchecked Sendable {
    // Safe: every access goes through `lock`.
    struct Connection { var sent = 0, answers = 0, closed = false, malformed: [String] = [] }
    private let lock = NSLock()
    private var connections: [Connection] = []
    private var _wellBehaved: Result<String, any Error> = .success("")

    var wellBehaved: Result<String, any Error> {
        get { lock.withLock { _wellBehaved } }
        set { lock.withLock { _wellBehaved = newValue } }
    }

    func add(_ connection: Connection) { lock.withLock { connections.append(connection) } }

    var summary: (sent: Int, answers: Int, closed: Int, malformed: [String]) {
        lock.withLock {
            (connections.map(\.sent).reduce(0, +), connections.map(\.answers).reduce(0, +),
             connections.filter(\.closed).count, connections.flatMap(\.malformed))
        }
    }
}

/// A blocking TCP socket with a receive timeout, for the fuzzers.
final class FuzzSocket: @unchecked Sendable {
    // Safe: each socket is used by one thread at a time (the fuzzing connection's own).
    private let fd: Int32
    private(set) var closedByPeer = false

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw IngressBoxError("socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw IngressBoxError("connect to port \(port): \(errno)")
        }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { send(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw IngressBoxError("write: \(errno)") }
            offset += written
        }
    }

    /// Reads until the peer closes or nothing came for `quietSeconds` in a row.
    func readAll(until quietSeconds: Int) -> [UInt8] {
        var all: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var quiet = 0
        while quiet < quietSeconds {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                all += buffer[0..<count]
                quiet = 0
            } else if count == 0 {
                closedByPeer = true
                break
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                quiet += 1
            } else {
                closedByPeer = true
                break
            }
        }
        return all
    }
}
