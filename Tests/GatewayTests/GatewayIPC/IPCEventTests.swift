import GatewayIPC
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
            try await Task.sleep(for: .milliseconds(200))
            do throws(IPCError) {
                _ = try await client.call(.echo("x"))
                Issue.record("the client should have closed")
            } catch {
                #expect(error.code == .slowConsumer)
            }
            var buffered = 0
            for await _ in client.events { buffered += 1 }
            #expect(buffered == 2, "what was queued is still readable, then the stream ends")
        }
    }
}
