import NIOCore

extension IPCServer {
    /// One connection: read frames, start a child task per request (at most
    /// `maximumRequestsInFlightPerConnection` at once), forward events once subscribed.
    /// A frame that is not a valid envelope gets an error reply and ends the connection.
    func serve(_ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        let connection = ServerConnection(
            channel: channel.channel,
            maximumQueuedEvents: self.configuration.maximumQueuedEventsPerSubscriber
        )
        self.registry.add(connection)
        defer { self.registry.remove(connection) }
        do {
            try await channel.executeThenClose { inbound, outbound in
                // Each child says whether it was a request (true) or the event forwarder (false).
                await withTaskGroup(of: Bool.self) { group in
                    group.addTask {
                        for await frame in connection.events {
                            do { try await outbound.write(frame) } catch { break }
                        }
                        return false
                    }
                    var running = 0
                    do {
                        for try await payload in inbound {
                            let incoming: IncomingClientMessage<P.Request>
                            do throws(IPCError) {
                                incoming = try self.codec.decode(IncomingClientMessage<P.Request>.self, payload: payload)
                            } catch {
                                try await outbound.write(self.encode(.error(id: nil, error)))
                                break
                            }
                            switch incoming.message {
                            case .failure(let error):
                                try await outbound.write(self.encode(.error(id: incoming.id, error)))
                            case .success(.subscribe(let id)):
                                connection.subscribe()
                                try await outbound.write(self.encode(.subscribed(id: id)))
                                continue
                            case .success(.request(let id, let request)):
                                guard connection.beginRequest() else {
                                    let refusal = IPCError(.shuttingDown, "\(self.path) is shutting down; request \(id) was not started")
                                    try await outbound.write(self.encode(.error(id: id, refusal)))
                                    continue
                                }
                                while running >= self.configuration.maximumRequestsInFlightPerConnection,
                                    let finished = await group.next()
                                {
                                    if finished { running -= 1 }
                                }
                                running += 1
                                group.addTask {
                                    let reply = await self.answer(id: id, request: request)
                                    try? await outbound.write(reply)
                                    connection.endRequest()
                                    return true
                                }
                                continue
                            }
                            break  // a refused frame ends the connection
                        }
                    } catch let error as IPCFrameError {
                        let code: IPCErrorCode = if case .tooLarge = error.reason { .frameTooLarge } else { .malformedFrame }
                        try? await outbound.write(self.encode(.error(id: nil, IPCError(code, error.description))))
                    } catch {
                        self.logger.debug("connection ended", metadata: ["path": "\(self.path)", "error": "\(error)"])
                    }
                    connection.finishEvents()
                }
            }
        } catch {
            self.logger.debug("connection closed with an error", metadata: ["path": "\(self.path)", "error": "\(error)"])
        }
    }

    /// The reply frame to one request: the handler's response, or its error.
    func answer(id: UInt64, request: P.Request) async -> ByteBuffer {
        let outcome: Outgoing
        do {
            outcome = .response(id: id, try await self.handler(request))
        } catch let error as IPCError {
            outcome = .error(id: id, error)
        } catch {
            outcome = .error(id: id, IPCError(.handlerFailed, "\(error)"))
        }
        do {
            return try self.codec.frame(outcome)
        } catch {
            return self.encode(.error(id: id, error))
        }
    }

    /// A frame for a message the transport itself writes (errors, acknowledgements), which are small.
    func encode(_ message: Outgoing) -> ByteBuffer {
        do {
            return try self.codec.frame(message)
        } catch {
            // Only a response body can fail to encode; transport messages are plain strings and ints.
            return IPCFrameEncoding.frame(payload: Array(#"{"error":{"code":"handler_failed","message":"unencodable reply"},"id":null,"type":"error"}"#.utf8))
        }
    }
}
