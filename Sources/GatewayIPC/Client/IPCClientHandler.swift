import NIOCore

/// The client's end of the pipeline: decodes server frames on the event loop and hands each
/// reply to its waiting call, each event to the events stream.
final class IPCClientHandler<Response: Codable & Sendable, Event: Codable & Sendable>: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let calls: PendingCalls<Response>
    private let events: AsyncStream<Event>.Continuation
    private let codec: IPCMessageCodec

    init(calls: PendingCalls<Response>, events: AsyncStream<Event>.Continuation, codec: IPCMessageCodec) {
        self.calls = calls
        self.events = events
        self.codec = codec
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let payload = Self.unwrapInboundIn(data)
        let incoming: IncomingServerMessage<Response, Event>
        do throws(IPCError) {
            incoming = try self.codec.decode(IncomingServerMessage<Response, Event>.self, payload: payload)
        } catch {
            self.fail(context: context, error)
            return
        }
        switch incoming.message {
        case .success(.response(let id, let response)):
            self.calls.complete(id, with: .success(.response(response)))
        case .success(.subscribed(let id)):
            self.calls.complete(id, with: .success(.subscribed))
        case .success(.error(let id?, let error)):
            self.calls.complete(id, with: .failure(error))
        case .success(.error(nil, let error)):
            // An error about no particular request: the server is closing this connection.
            self.fail(context: context, error)
        case .success(.event(let event)):
            if case .dropped = self.events.yield(event) {
                self.fail(context: context, IPCError(.slowConsumer, "more than the configured number of events were left unread"))
            }
        case .failure(let error):
            if let id = incoming.id {
                self.calls.complete(id, with: .failure(error))
            } else {
                self.fail(context: context, error)
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.calls.close(with: IPCError(.connectionClosed, "the connection closed before the reply came"))
        self.events.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let code: IPCErrorCode = if let error = error as? IPCFrameError, case .tooLarge = error.reason { .frameTooLarge } else { .connectionClosed }
        self.fail(context: context, IPCError(code, "\(error)"))
    }

    private func fail(context: ChannelHandlerContext, _ error: IPCError) {
        self.calls.close(with: error)
        self.events.finish()
        context.close(promise: nil)
    }
}
