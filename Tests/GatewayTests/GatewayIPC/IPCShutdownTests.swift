import GatewayIPC
import GatewayTestSupport
import Logging
import ServiceLifecycle
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("IPC server: shutdown")
struct IPCShutdownTests {
    @Test("graceful shutdown: running calls answer, new ones get shutting_down, then the socket goes")
    func graceful() async throws {
        let directory = try TemporarySocketDirectory()
        let path = directory.socket("graceful.sock")
        let box = ServerBox()
        let server = try await IPCServer.bind(path: path, protocol: TestProtocol.self) { try await testHandler($0, box: box) }
        let services = ServiceGroup(configuration: .init(services: [server], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            let client = try await IPCClient.connect(to: path, protocol: TestProtocol.self)
            #expect(try await client.call(.echo("up")) == .echoed("up"))
            group.addTask {
                // In flight when shutdown begins, until the test releases it: it must be allowed to finish.
                let reply = try await client.call(.hold, timeout: .seconds(60))
                #expect(reply == .done)
            }
            try await Eventually.wait(for: "the held call to run", within: .seconds(10), every: .milliseconds(5)) {
                box.sleepersStarted == 1
            }
            // Triggering may wait for the shutdown to progress, so it runs beside the test.
            group.addTask { await services.triggerGracefulShutdown() }
            // Until the trigger has run, requests are still served; once it has, while the
            // held call drains, every new request is refused (polled, not timed: CI is loaded).
            var refusal: IPCError?
            try await Eventually.wait(for: "a request refused during the drain", within: .seconds(10), every: .milliseconds(5)) {
                do throws(IPCError) {
                    _ = try await client.call(.echo("late"))
                    return false
                } catch {
                    refusal = error
                    return true
                }
            }
            #expect(refusal?.code == .shuttingDown, "a request during the drain must be refused")
            box.release()
            try await group.waitForAll()
            do throws(IPCError) {
                _ = try await client.call(.echo("after"))
                Issue.record("the drained connection must be closed")
            } catch {
                #expect(error.code == .connectionClosed)
            }
        }
        #expect(access(path, F_OK) != 0, "the socket file is removed when the server stops")
        do throws(IPCError) {
            _ = try await IPCClient.connect(to: path, protocol: TestProtocol.self)
            Issue.record("nobody listens any more")
        } catch {
            #expect(error.code == .connectFailed)
        }
    }

    @Test("cancelling the server fails every call in flight with connection_closed")
    func cancelled() async throws {
        let directory = try TemporarySocketDirectory()
        let path = directory.socket("cancel.sock")
        let box = ServerBox()
        let server = try await IPCServer.bind(path: path, protocol: TestProtocol.self) { try await testHandler($0, box: box) }
        let client = try await IPCClient.connect(to: path, protocol: TestProtocol.self)
        let codes = try await withThrowingTaskGroup(of: IPCErrorCode?.self) { group in
            group.addTask {
                try? await server.run()
                return nil
            }
            for _ in 0..<20 {
                group.addTask {
                    do throws(IPCError) {
                        _ = try await client.call(.sleep(milliseconds: 10_000))
                        return nil
                    } catch {
                        return error.code
                    }
                }
            }
            try await Eventually.wait(for: "20 calls running", within: .seconds(10), every: .milliseconds(5)) {
                box.sleepersStarted == 20
            }
            group.cancelAll()
            var codes: [IPCErrorCode] = []
            for try await code in group { if let code { codes.append(code) } }
            return codes
        }
        // The client's calls are cancelled too (same group): each ends either way, typed, none hangs.
        #expect(codes.count == 20)
        #expect(codes.allSatisfy { $0 == .connectionClosed || $0 == .cancelled })
    }

    @Test("the server going away fails the calls of a client that outlives it with connection_closed")
    func serverGone() async throws {
        let directory = try TemporarySocketDirectory()
        let path = directory.socket("gone.sock")
        let box = ServerBox()
        let server = try await IPCServer.bind(path: path, protocol: TestProtocol.self) { try await testHandler($0, box: box) }
        let client = try await IPCClient.connect(to: path, protocol: TestProtocol.self)
        async let outcome: IPCErrorCode? = {
            do throws(IPCError) {
                _ = try await client.call(.sleep(milliseconds: 10_000))
                return nil
            } catch {
                return error.code
            }
        }()
        await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try? await Eventually.wait(for: "the call to run", within: .seconds(10), every: .milliseconds(5)) {
                box.sleepersStarted == 1
            }
            group.cancelAll()
        }
        #expect(await outcome == .connectionClosed)
    }
}
