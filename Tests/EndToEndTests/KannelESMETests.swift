import Foundation
import Testing

/// Kannel (Debian's bearerbox and smsbox, the `smpp` driver) bound as an ESME to our SMPP
/// server, with every daemon of the box behind it: a message Kannel's sendsms takes goes
/// bearerbox → submit_sm → smsgw-ingressd → queued → modemd → the simulator; its status report
/// comes back as our deliver_sm receipt, which Kannel must match to its submit_sm_resp id and
/// turn into its dlr-url callback (a long text Kannel splits: one receipt, for the part that
/// asked); an SMS arriving at a modem reaches Kannel's sms-service URL.
/// Platforms wired to Kannel's SMPP client work unchanged.
@Suite("Kannel as an ESME", .serialized)
struct KannelESMETests {
    @Test func kannelSendsThroughTheBoxAndGetsReportsAndReplies() async throws {
        let (box, smppPort) = try await SMPPToModemTests.startBox(extra: "[inbound]\ndefault_account = \"platform\"\n")
        let work = URL(fileURLWithPath: box.path).appendingPathComponent("kannel")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let (admin, link, sendsms, listener) = (try IngressSMPPBox.freePort(), try IngressSMPPBox.freePort(),
                                                try IngressSMPPBox.freePort(), try IngressSMPPBox.freePort())
        // A callback listener: one line per request in calls.log ("<path>?<query>").
        let calls = work.appendingPathComponent("calls.log").path
        let receiver = try Self.spawn("/usr/bin/python3", ["-c", """
            import http.server, signal, sys
            signal.pthread_sigmask(signal.SIG_SETMASK, [])
            class H(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    open(sys.argv[2], 'a').write(self.path + '\\n')
                    self.send_response(200); self.send_header('Content-Length', '0'); self.end_headers()
                def log_message(self, *a): pass
            http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
            """, String(listener), calls], log: work.appendingPathComponent("listener.err").path)
        defer { Self.stop(receiver) }
        let config = """
            group = core
            admin-port = \(admin)
            admin-interface = 127.0.0.1
            admin-password = smsgw
            admin-allow-ip = 127.0.0.1
            smsbox-port = \(link)
            smsbox-interface = 127.0.0.1
            box-allow-ip = 127.0.0.1
            log-file = "\(work.path)/bearerbox.log"
            log-level = 0
            access-log = "\(work.path)/access.log"
            dlr-storage = internal

            group = smsc
            smsc = smpp
            smsc-id = smsgw
            host = 127.0.0.1
            port = \(smppPort)
            transceiver-mode = true
            smsc-username = esme
            smsc-password = s3cret
            system-type = ""
            msg-id-type = 0x00
            enquire-link-interval = 30

            group = smsbox
            bearerbox-host = 127.0.0.1
            bearerbox-port = \(link)
            sendsms-port = \(sendsms)
            sendsms-interface = 127.0.0.1
            global-sender = Shop
            log-file = "\(work.path)/smsbox.log"
            log-level = 0

            group = sendsms-user
            username = platform
            password = secret
            max-messages = 5
            concatenation = true

            group = sms-service
            keyword = default
            get-url = "http://127.0.0.1:\(listener)/mo?from=%p&text=%a"
            max-messages = 0

            """
        try config.write(to: work.appendingPathComponent("kannel.conf"), atomically: true, encoding: .utf8)
        let bearerbox = try Self.spawn("/usr/sbin/bearerbox", [work.appendingPathComponent("kannel.conf").path],
                                       log: work.appendingPathComponent("bearerbox.out").path)
        defer { Self.stop(bearerbox) }
        // smsbox connects to bearerbox once, at start: bearerbox must be serving by then (its
        // admin status answers once its listeners are up).
        try await box.waitFor("bearerbox to serve its admin status", within: .seconds(30)) {
            !Self.get("http://127.0.0.1:\(admin)/status.txt?password=smsgw").isEmpty
        }
        let smsbox = try Self.spawn("/usr/sbin/smsbox", [work.appendingPathComponent("kannel.conf").path],
                                    log: work.appendingPathComponent("smsbox.out").path)
        defer { Self.stop(smsbox) }
        func kannelLog() -> String {
            ["bearerbox.log", "smsbox.log"].map { name in
                "--- \(name)\n" + String(((try? String(contentsOf: work.appendingPathComponent(name), encoding: .utf8)) ?? "").suffix(3000))
            }.joined(separator: "\n") + "\n--- ingressd\n" + String(box.log("ingressd").suffix(2000))
        }
        // Kannel's SMPP link is online once bearerbox's status says so.
        try await box.waitFor("Kannel's SMPP link online", within: .seconds(30)) {
            Self.get("http://127.0.0.1:\(admin)/status.txt?password=smsgw").contains("online")
        }
        let dlrURL = "http://127.0.0.1:\(listener)/dlr?type=%d&to=%p"
        var query = URLComponents(string: "http://127.0.0.1:\(sendsms)/cgi-bin/sendsms")
        query?.queryItems = [.init(name: "username", value: "platform"), .init(name: "password", value: "secret"),
                             .init(name: "to", value: "+31612345678"), .init(name: "text", value: "Hello through Kannel"),
                             .init(name: "dlr-mask", value: "3"), .init(name: "dlr-url", value: dlrURL)]
        var answer = ""
        try await box.waitFor("smsbox's sendsms to answer", within: .seconds(30)) {  // smsbox may still be starting
            answer = Self.get(query?.url?.absoluteString ?? "")
            return !answer.isEmpty
        }
        #expect(answer.hasPrefix("0: Accepted for delivery"), "sendsms: \(answer)\n\(kannelLog())")

        try await box.waitFor("the final DLR callback from Kannel", within: .seconds(60)) {
            ((try? String(contentsOfFile: calls, encoding: .utf8)) ?? "").contains("/dlr?type=1")
        }
        #expect(try box.count("SELECT count(*) FROM messages WHERE state = 'delivered' AND text = 'Hello through Kannel'") == 1)
        #expect(try box.simulatorSent().values.reduce(0, +) == 1)

        // A long text: Kannel splits it into two submit_sm with a UDH and asks for a report on
        // the first part only. Each part gets its own id; the one receipt, for the first
        // part's id, is what Kannel matches to turn into its single callback.
        let long = String(repeating: "Kannel splits this long text in two. ", count: 5)
        query?.queryItems = [.init(name: "username", value: "platform"), .init(name: "password", value: "secret"),
                             .init(name: "to", value: "+31612345679"), .init(name: "text", value: long),
                             .init(name: "dlr-mask", value: "3"), .init(name: "dlr-url", value: dlrURL + "&long=1")]
        answer = Self.get(query?.url?.absoluteString ?? "")
        #expect(answer.hasPrefix("0: Accepted for delivery"), "sendsms: \(answer)\n\(kannelLog())")
        try await box.waitFor("the long message's DLR callback from Kannel", within: .seconds(60)) {
            ((try? String(contentsOfFile: calls, encoding: .utf8)) ?? "").contains("/dlr?type=1&to=31612345679&long=1")
        }
        // Part 1's receipt goes out on its own report: part 2's may still be on its way.
        var delivered: Int64?
        try await box.waitFor("the long message delivered") {
            delivered = try box.database().connection.queryFirst(
                "SELECT id FROM messages WHERE state = 'delivered' AND units = 2 AND text = ?", long) { $0.int64(0) }
            return delivered != nil
        }
        let message = try #require(delivered)
        #expect(try box.database().connection.query(
            "SELECT submit_id, submit_dlr_mask FROM message_parts WHERE message_id = ? ORDER BY seq", message
        ) { "\($0.text(0)):\($0.int(1))" } == ["\(message)-1:3", "\(message)-2:0"], "Kannel asked on part 1 only")
        #expect(try box.database().connection.query(
            "SELECT json_extract(CAST(payload AS TEXT), '$.submit_id') FROM upstream_outbox WHERE message_id = ?", message
        ) { $0.text(0) } == ["\(message)-1"], "one receipt, for the part that asked")
        #expect(try box.simulatorSent().values.reduce(0, +) == 3)

        _ = try box.simulatorControl(#"{"command":"inbound","modem":"m3","from":"+31611111111","text":"Hello Kannel"}"#)
        try await box.waitFor("the inbound SMS at Kannel's service URL", within: .seconds(30)) {
            ((try? String(contentsOfFile: calls, encoding: .utf8)) ?? "").contains("/mo?from=%2B31611111111&text=Hello+Kannel")
                || ((try? String(contentsOfFile: calls, encoding: .utf8)) ?? "").contains("/mo?from=31611111111&text=Hello+Kannel")
        }
        box.stop()
    }

    /// SIGKILL: a child of the test process inherits its blocked signals, SIGTERM among them,
    /// and Kannel does not unblock them.
    static func stop(_ process: Process) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    static func spawn(_ path: String, _ arguments: [String], log: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    /// The body of a GET, or "" when the server does not answer (curl, as the other tests).
    static func get(_ url: String) -> String {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "--max-time", "5", url]
        let output = Pipe()
        curl.standardOutput = output
        guard (try? curl.run()) != nil else { return "" }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
