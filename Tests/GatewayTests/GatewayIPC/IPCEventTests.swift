import GatewayIPC
import GatewayTestSupport
import Testing

@Suite("IPC server: events")
struct IPCEventTests {
    @Test("events reach subscribers only, in order, and only those published after subscribing")
    func subscribersOnly() async throws {
        try await withTestServer { _, path in
            let subscriber = try await IPCClient.connect(to: path, protocol: TestProtocol.self)
            let bystander = try await IPCClient.connect(to: path, protocol: TestProtocol.self)
            try await subscriber.subscribe()
            _ = try await bystander.call(.publish("one"))
            _ = try await bystander.call(.publish("two"))
            try await bystander.subscribe()
            _ = try await subscriber.call(.publish("three"))

            var received: [TestProtocol.Event] = []
            for await event in subscriber.events {
                received.append(event)
                if received.count == 3 { break }
            }
            #expect(received == [.note("one"), .note("two"), .note("three")])
            var late: TestProtocol.Event?
            for await event in bystander.events {
                late = event
                break
            }
            #expect(late == .note("three"), "the bystander saw nothing before it subscribed")
            await subscriber.close()
            await bystander.close()
        }
    }

    @Test("a client that leaves events unread past its limit is closed with slow_consumer")
    func slowConsumer() async throws {
        try await withTestServer { server, path in
            let client = try await IPCClient.connect(
                to: path, protocol: TestProtocol.self, configuration: IPCClientConfiguration(maximumQueuedEvents: 2)
            )
            try await client.subscribe()
            for index in 0..<10 { try server.publish(.note("\(index)")) }
            // The events arrive unread until the third overflows the client's queue, which then
            // closes: its calls answer until that moment, and fail with slow_consumer after it.
            var closedWith: IPCErrorCode?
            try await Eventually.wait(for: "the client to close", within: .seconds(10), every: .milliseconds(5)) {
                do throws(IPCError) {
                    _ = try await client.call(.echo("x"))
                    return false
                } catch {
                    closedWith = error.code
                    return true
                }
            }
            #expect(closedWith == .slowConsumer)
            var buffered = 0
            for await _ in client.events { buffered += 1 }
            #expect(buffered == 2, "what was queued is still readable, then the stream ends")
        }
    }
}
