import Foundation
import GatewayStore
import GatewayTestSupport
import Testing

/// The real smsgw-ingressd serving HTTP on a free port with a real SQLite file (docs/ingressd.md, "HTTP API").
@Suite("ingressd HTTP API end to end", .serialized)
struct IngressHTTPTests {
    @Test("send, read back, retry with the same client_id (200, same id), reuse it with other content (409)")
    func sendAndIdempotency() async throws {
        let box = try IngressHTTPBox()
        try await box.start()
        let first = try box.request("POST", "/api/v1/messages", key: "key-acme",
                                    json: #"{"to":"+491701234567","text":"hello","client_id":"order-1"}"#)
        #expect(first.status == 202)
        let accepted = try IngressHTTPBox.object(first)
        let id = try #require(accepted["id"] as? String)
        #expect(accepted["parts"] as? Int == 1)
        #expect(accepted["state"] as? String == "queued")

        let retry = try box.request("POST", "/api/v1/messages", key: "key-acme",
                                    json: #"{"text":"hello","to":"+491701234567","client_id":"order-1"}"#)
        #expect(retry.status == 200)
        #expect(try IngressHTTPBox.object(retry)["id"] as? String == id)
        let conflict = try box.request("POST", "/api/v1/messages", key: "key-acme",
                                       json: #"{"to":"+491701234567","text":"other","client_id":"order-1"}"#)
        #expect(conflict.status == 409)
        #expect(conflict.body.contains("\"code\":\"client_id_conflict\""))
        // The same client_id of another account is another message.
        let elsewhere = try box.request("POST", "/api/v1/messages", key: "key-other",
                                        json: #"{"to":"+491701234567","text":"other","client_id":"order-1"}"#)
        #expect(elsewhere.status == 202)
        #expect(try box.database().connection.queryFirst("SELECT count(*) FROM messages") { $0.int(0) } == 2)

        let status = try box.request("GET", "/api/v1/messages/\(id)", key: "key-acme")
        #expect(status.status == 200)
        let object = try IngressHTTPBox.object(status)
        #expect(object["state"] as? String == "queued")
        #expect(object["to"] as? String == "+491701234567")
        #expect(object["client_id"] as? String == "order-1")
        #expect((object["parts"] as? [[String: Any]])?.map { $0["state"] as? String } == ["pending"])
        #expect((object["history"] as? [[String: Any]])?.map { $0["state"] as? String } == ["accepted", "queued"])
        // Another account's message does not exist for it.
        #expect(try box.request("GET", "/api/v1/messages/\(id)", key: "key-other").status == 404)
        #expect(try box.request("GET", "/api/v1/messages/999999", key: "key-acme").status == 404)
        #expect(try box.request("GET", "/api/v1/messages/abc", key: "key-acme").status == 404)
    }

    @Test("credentials: none or unknown 401, a disabled account 403; sendsms 403 with Kannel's text")
    func authentication() async throws {
        let box = try IngressHTTPBox()
        try await box.start()
        let body = #"{"to":"1","text":"x"}"#
        let missing = try box.request("POST", "/api/v1/messages", json: body)
        #expect(missing.status == 401)
        #expect(missing.headers["www-authenticate"] == "Bearer")
        #expect(try box.request("POST", "/api/v1/messages", key: "wrong", json: body).status == 401)
        #expect(try box.request("POST", "/api/v1/messages", key: "key-off", json: body).status == 403)
        let kannel = try box.request("GET", "/cgi-bin/sendsms?username=kuser&password=nope&to=1&text=x")
        #expect(kannel.status == 403)
        #expect(kannel.body == "Authorization failed for sendsms")
        #expect(!box.log.contains("nope"))  // no secret in the log
    }

    @Test("Kannel sendsms: one message per recipient, dlr-mask and dlr-url stored; GET and form POST")
    func kannel() async throws {
        let box = try IngressHTTPBox()
        try await box.start()
        let sent = try box.request("GET", "/cgi-bin/sendsms?user=kuser&pass=s3cret&from=Shop&to=%2B491701234567+0170999"
                                   + "&text=Hi+there&dlr-mask=3&dlr-url=http%3A%2F%2Fh%2Fdlr%3Fs%3D%25d")
        #expect(sent.status == 202)
        #expect(sent.body == "0: Accepted for delivery")
        let rows = try box.database().connection.query(
            "SELECT destination, source, text, dlr_mask, dlr_url FROM messages ORDER BY destination") { row in
            [row.text(0), row.text(1), row.text(2), String(row.int(3)), row.text(4)]
        }
        #expect(rows == [["+491701234567", "Shop", "Hi there", "3", "http://h/dlr?s=%d"],
                         ["0170999", "Shop", "Hi there", "3", "http://h/dlr?s=%d"]])
        let posted = try box.request("POST", "/cgi-bin/sendsms", headers: ["Content-Type: application/x-www-form-urlencoded"],
                                     bodyFile: try Self.file(box, "username=kuser&password=s3cret&to=123&text=caf%E9&charset=ISO-8859-1&deferred=10"))
        #expect(posted.status == 202)
        #expect(posted.body == "3: Queued for later delivery")
        #expect(try box.database().connection.queryFirst("SELECT text || '/' || state FROM messages WHERE destination = '123'") { $0.text(0) } == "café/held")
        let missing = try box.request("GET", "/cgi-bin/sendsms?username=kuser&password=s3cret&text=x")
        #expect(missing.status == 400)
        #expect(missing.body == "Missing receiver number, rejected")
    }

    @Test("batch: 207 with one result per item; the good ones stored; a malformed item refuses the whole batch")
    func batch() async throws {
        let box = try IngressHTTPBox()
        try await box.start()
        let response = try box.request("POST", "/api/v1/messages/batch", key: "key-acme", json: """
            {"messages":[{"to":"1","text":"a"},{"to":"2","text":"b","class":"marketing"},{"to":"3","text":"d"}]}
            """)
        #expect(response.status == 207)
        let results = try #require(try IngressHTTPBox.object(response)["results"] as? [[String: Any]])
        #expect(results.map { $0["status"] as? Int } == [202, 403, 202])  // acme may not send marketing
        #expect(try box.database().connection.queryFirst("SELECT count(*) FROM messages") { $0.int(0) } == 2)
        for bad in [#"{"to":"2","text":"b","report":{}}"#, #"{"to":"x","text":"b"}"#, #"{"to":"2","text":"b","priority":7}"#] {
            let malformed = try box.request("POST", "/api/v1/messages/batch", key: "key-acme",
                                            json: #"{"messages":[{"to":"1","text":"a"},"# + bad + "]}")
            #expect(malformed.status == 400)
            #expect(malformed.body.contains("messages[1]"))
        }
        #expect(try box.database().connection.queryFirst("SELECT count(*) FROM messages") { $0.int(0) } == 2)
        // 300 messages (over the group commit's usual 200): one transaction, so one created_at.
        let large = "{\"messages\":[" + (0..<300).map { #"{"to":"\#($0 + 1000)","text":"bulk"}"# }.joined(separator: ",") + "]}"
        let bulk = try box.request("POST", "/api/v1/messages/batch", key: "key-acme", json: large)
        #expect(bulk.status == 207)
        #expect(try box.database().connection.queryFirst(
            "SELECT count(*) || '/' || count(DISTINCT created_at) FROM messages WHERE text = 'bulk'") { $0.text(0) } == "300/1")
        let tooMany = "{\"messages\":[" + Array(repeating: #"{"to":"1","text":"a"}"#, count: 1001).joined(separator: ",") + "]}"
        #expect(try box.request("POST", "/api/v1/messages/batch", key: "key-acme", json: tooMany).status == 400)
    }

    @Test("inbound: the account's complete MO messages after since_id, oldest first, paged by limit")
    func inbound() async throws {
        let box = try IngressHTTPBox()
        try await box.start()
        let database = try box.database()
        try database.connection.execute("INSERT INTO modems (id, name, device, updated_at) VALUES (1, 'm1', '/dev/null', 0)")
        for (id, account, text) in [(1, "acme", "first"), (2, "other", "not yours"), (3, "acme", "second"), (4, "acme", "third")] {
            try database.connection.execute("""
                INSERT INTO inbound_messages (id, modem_id, originator, concat_total, parts_received, state, text,
                    first_received_at, completed_at)
                VALUES (\(id), 1, '+4917000000\(id)', 1, 1, 'complete', '\(text)', 1795977000000, 1795977000000);
                INSERT INTO upstream_outbox (kind, account, inbound_id, payload, next_attempt_at, created_at)
                VALUES ('mo', '\(account)', \(id), x'', 0, 0);
                """)
        }
        let page = try IngressHTTPBox.object(try box.request("GET", "/api/v1/inbound?limit=2", key: "key-acme"))
        let messages = try #require(page["messages"] as? [[String: Any]])
        #expect(messages.map { $0["text"] as? String } == ["first", "second"])
        #expect(messages.first?["from"] as? String == "+49170000001")
        #expect(messages.first?["received_at"] as? String == "2026-11-29T18:30:00.000Z")
        #expect(page["next_since_id"] as? String == "3")
        let next = try IngressHTTPBox.object(try box.request("GET", "/api/v1/inbound?since_id=3", key: "key-acme"))
        #expect((next["messages"] as? [[String: Any]])?.map { $0["text"] as? String } == ["third"])
        #expect(try box.request("GET", "/api/v1/inbound?since_id=-1", key: "key-acme").status == 400)
    }

    @Test("operations: /healthz, /metrics (request counters and store gauges), the OpenAPI document")
    func operations() async throws {
        let box = try IngressHTTPBox()
        try await box.start()
        _ = try box.request("POST", "/api/v1/messages", key: "key-acme", json: #"{"to":"1","text":"x"}"#)
        let health = try box.request("GET", "/healthz")
        #expect(health.status == 200)
        #expect(health.body == "{\"status\":\"ok\"}\n")
        let metrics = try box.request("GET", "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
        #expect(metrics.body.contains("smsgw_http_requests_total{route=\"/api/v1/messages\",method=\"POST\",status=\"202\"} 1\n"))
        #expect(metrics.body.contains("smsgw_store_messages{state=\"queued\"} 1\n"))
        #expect(metrics.body.contains("smsgw_http_messages_total{interface=\"api\",outcome=\"accepted\"} 1\n"))
        #expect(metrics.body.contains("smsgw_store_outbox{kind=\"dlr\",state=\"pending\"} 0\n"))
        let document = try box.request("GET", "/api/v1/openapi.yaml")
        #expect(document.status == 200)
        let file = try String(contentsOf: OpenAPIDocumentTests.root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        #expect(document.body == file)
    }

    @Test("limits: 413 past 1 MiB, 429 with Retry-After past the throughput, 503 for cancel without smsgw-queued")
    func limits() async throws {
        let box = try IngressHTTPBox(throughput: 2)
        try await box.start()
        let big = try Self.file(box, String(repeating: "x", count: (1 << 20) + 1))
        let tooLarge = try box.request("POST", "/api/v1/messages", key: "key-acme", headers: ["Content-Type: application/json"], bodyFile: big)
        #expect(tooLarge.status == 413)
        var statuses: [Int] = []
        var retryAfter: String?
        for _ in 0..<4 {
            let response = try box.request("POST", "/api/v1/messages", key: "key-acme", json: #"{"to":"1","text":"x"}"#)
            statuses.append(response.status)
            if response.status == 429 { retryAfter = response.headers["retry-after"] }
        }
        #expect(statuses.prefix(2) == [202, 202])
        #expect(statuses.contains(429))
        #expect(retryAfter == "1")
        let cancel = try box.request("DELETE", "/api/v1/messages/1", key: "key-acme")
        #expect(cancel.status == 503)
        #expect(cancel.body.contains("queue_unavailable"))
    }

    @Test("cancel through smsgw-queued: a held message → 200 cancelled, again → 409, and it stays readable")
    func cancel() async throws {
        let box = try IngressHTTPBox()
        try await box.start()
        try await box.startQueued()
        let sent = try box.request("POST", "/api/v1/messages", key: "key-acme",
                                   json: #"{"to":"1","text":"later","schedule":"2099-01-01T00:00:00Z"}"#)
        #expect(try IngressHTTPBox.object(sent)["state"] as? String == "held")
        let id = try #require(try IngressHTTPBox.object(sent)["id"] as? String)
        #expect(try box.request("DELETE", "/api/v1/messages/\(id)", key: "key-other").status == 404)  // not its message
        let cancelled = try box.request("DELETE", "/api/v1/messages/\(id)", key: "key-acme")
        #expect(cancelled.status == 200)
        #expect(cancelled.body == "{\"id\":\"\(id)\",\"state\":\"cancelled\"}\n")
        #expect(try box.request("DELETE", "/api/v1/messages/\(id)", key: "key-acme").status == 409)
        #expect(try IngressHTTPBox.object(try box.request("GET", "/api/v1/messages/\(id)", key: "key-acme"))["state"] as? String == "cancelled")
    }

    @Test("keep-alive and pipelining: three requests written at once are answered in order on one connection")
    func pipelining() async throws {
        let box = try IngressHTTPBox()
        try await box.start()
        let script = """
            import re, socket, sys
            s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
            s.sendall(b"GET /healthz HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n" * 2 + b"GET /nothing HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n")
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk: break
                data += chunk
            print(" ".join(code.decode() for code in re.findall(rb"HTTP/1\\.1 (\\d{3}) ", data)))
            """
        let output = try IngressHTTPBox.run("/usr/bin/python3", ["-c", script, String(box.port)])
        #expect(output == "200 200 404\n")
    }

    @Test("a request dripped one byte at a time is read whole (chunked body included)")
    func drip() async throws {
        let box = try IngressHTTPBox()
        try await box.start()
        let script = """
            import socket, sys
            s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            request = (b"POST /api/v1/messages HTTP/1.1\\r\\nHost: x\\r\\nAuthorization: Bearer key-acme\\r\\n"
                       b"Content-Type: application/json\\r\\nTransfer-Encoding: chunked\\r\\nConnection: close\\r\\n\\r\\n"
                       b"a\\r\\n{\\"to\\":\\"1\\",\\r\\nc\\r\\n\\"text\\":\\"hi\\"}\\r\\n0\\r\\n\\r\\n")
            for byte in request:
                s.send(bytes([byte]))
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk: break
                data += chunk
            print(data.split(b"\\r\\n")[0].decode(), data.split(b"\\r\\n\\r\\n", 1)[1].decode().strip())
            """
        let output = try IngressHTTPBox.run("/usr/bin/python3", ["-c", script, String(box.port)])
        #expect(output == "HTTP/1.1 202 Accepted {\"id\":\"1\",\"parts\":1,\"state\":\"queued\"}\n")
    }

    @Test("SIGTERM with an idle keep-alive connection open: ingressd exits at once, not after the 60 s idle timeout")
    func shutdownWithIdleConnection() async throws {
        let box = try IngressHTTPBox()
        try await box.start()
        let script = """
            import socket, sys, time
            s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
            s.sendall(b"GET /healthz HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n")
            s.recv(65536)
            print("open", flush=True)
            s.settimeout(20)
            print("closed by server" if s.recv(65536) == b"" else "data", flush=True)
            """
        let client = Process()
        client.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        client.arguments = ["-c", script, String(box.port)]
        let printed = "\(box.path)/idle-client.out"
        _ = FileManager.default.createFile(atPath: printed, contents: nil)
        client.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: printed))
        try client.run()
        var output: String { (try? String(contentsOfFile: printed, encoding: .utf8)) ?? "" }
        // The client got its answer and holds the connection open, idle.
        try await Eventually.wait(for: "the client's idle connection", within: .seconds(10)) { output.hasPrefix("open\n") }
        let process = try #require(box.process)
        let start = ContinuousClock.now
        process.terminate()
        try await Eventually.wait(for: "ingressd to exit", within: .seconds(10), every: .milliseconds(20)) { !process.isRunning }
        #expect(ContinuousClock.now - start < .seconds(5))
        client.waitUntilExit()
        #expect(output == "open\nclosed by server\n")
    }

    static func file(_ box: IngressHTTPBox, _ text: String) throws -> String {
        let path = "\(box.path)/request-\(UUID().uuidString)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
