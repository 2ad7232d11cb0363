import GatewayIPC
import GatewayTestSupport
import Testing

@Suite("IPC client and server: calls")
struct IPCRoundTripTests {
    @Test("a request is answered with its response; a handler's IPCError comes back typed")
    func roundTrip() async throws {
        try await withTestServer { _, path in
            let client = try await IPCClient.connect(to: path, protocol: TestProtocol.self)
            #expect(try await client.call(.echo("héllo")) == .echoed("héllo"))
            #expect(try await client.call(.add(2, 40)) == .sum(42))
            await #expect(throws: IPCError(IPCErrorCode("modem_busy"), "modem 3 is sending")) {
                try await client.call(.fail(code: "modem_busy", message: "modem 3 is sending"))
            }
            // Another error type becomes handler_failed; the connection stays usable after both.
            await #expect(throws: IPCError.self) { try await client.call(.crash) }
            do throws(IPCError) {
                _ = try await client.call(.crash)
            } catch {
                #expect(error.code == .handlerFailed)
            }
            #expect(try await client.call(.echo("still here")) == .echoed("still here"))
            await client.close()
        }
    }

    @Test("10,000 calls pipelined on one connection each get their own answer")
    func pipelinedOneConnection() async throws {
        try await withTestServer { _, path in
            let client = try await IPCClient.connect(to: path, protocol: TestProtocol.self)
            let sums = try await withThrowingTaskGroup(of: (Int, TestProtocol.Response).self) { group in
                for index in 0..<10_000 {
                    group.addTask { (index, try await client.call(.add(index, 1_000_000))) }
                }
                var sums: [Int: TestProtocol.Response] = [:]
                for try await (index, response) in group { sums[index] = response }
                return sums
            }
            #expect(sums.count == 10_000)
            #expect(sums.allSatisfy { $0.value == .sum($0.key + 1_000_000) })
            await client.close()
        }
    }

    @Test("several connections call concurrently without crossing answers")
    func severalConnections() async throws {
        try await withTestServer { _, path in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for connection in 0..<4 {
                    group.addTask {
                        let client = try await IPCClient.connect(to: path, protocol: TestProtocol.self)
                        try await withThrowingTaskGroup(of: Void.self) { calls in
                            for index in 0..<2_000 {
                                calls.addTask {
                                    let text = "\(connection)-\(index)"
                                    let response = try await client.call(.echo(text))
                                    #expect(response == .echoed(text))
                                }
                            }
                            try await calls.waitForAll()
                        }
                        await client.close()
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    @Test("a call times out with a typed error; its late reply, which comes before the next call's, is dropped; the connection goes on")
    func timeout() async throws {
        // One request at a time per connection: the server writes the held call's reply before
        // it starts the next request, so the late reply is on the wire ahead of the next answer.
        let box = ServerBox()
        try await withTestServer(configuration: IPCServerConfiguration(maximumRequestsInFlightPerConnection: 1), box: box) { _, path in
            let client = try await IPCClient.connect(to: path, protocol: TestProtocol.self)
            do throws(IPCError) {
                _ = try await client.call(.hold, timeout: .milliseconds(20))
                Issue.record("the call should have timed out")
            } catch {
                #expect(error.code == .timeout)
            }
            box.release()
            #expect(try await client.call(.echo("after")) == .echoed("after"), "not the late reply to the held call")
            #expect(box.sleepersStarted == 1, "the held call did run, and was answered first")
            await client.close()
        }
    }

    @Test("a cancelled call fails with cancelled at once")
    func cancellation() async throws {
        let box = ServerBox()
        try await withTestServer(box: box) { _, path in
            let client = try await IPCClient.connect(to: path, protocol: TestProtocol.self)
            let outcome = await withTaskGroup(of: IPCErrorCode?.self) { group in
                group.addTask {
                    do throws(IPCError) {
                        _ = try await client.call(.hold, timeout: nil)
                        return nil
                    } catch {
                        return error.code
                    }
                }
                // Cancelled while the server runs it.
                try? await Eventually.wait(for: "the call to reach the server", within: .seconds(10), every: .milliseconds(5)) {
                    box.sleepersStarted == 1
                }
                group.cancelAll()
                return await group.next() ?? nil
            }
            #expect(outcome == .cancelled)
            await client.close()
            box.release()
        }
    }

    @Test("connecting to a path where nobody listens fails with connect_failed")
    func connectFailed() async throws {
        let directory = try TemporarySocketDirectory()
        do {
            _ = try await IPCClient.connect(to: directory.socket("absent.sock"), protocol: TestProtocol.self)
            Issue.record("connect should fail")
        } catch {
            #expect(error.code == .connectFailed)
        }
    }

    @Test("closing the client fails its waiting calls with connection_closed")
    func clientClose() async throws {
        let box = ServerBox()
        try await withTestServer(box: box) { _, path in
            let client = try await IPCClient.connect(to: path, protocol: TestProtocol.self)
            try await withThrowingTaskGroup(of: IPCErrorCode?.self) { group in
                group.addTask {
                    do throws(IPCError) {
                        _ = try await client.call(.hold)
                        return nil
                    } catch {
                        return error.code
                    }
                }
                // Closed while the server runs the call.
                try await Eventually.wait(for: "the call to reach the server", within: .seconds(10), every: .milliseconds(5)) {
                    box.sleepersStarted == 1
                }
                await client.close()
                #expect(try await group.next() == .some(.connectionClosed))
            }
            do throws(IPCError) {
                _ = try await client.call(.echo("too late"))
                Issue.record("a closed client must refuse calls")
            } catch {
                #expect(error.code == .connectionClosed)
            }
            box.release()
        }
    }
}
