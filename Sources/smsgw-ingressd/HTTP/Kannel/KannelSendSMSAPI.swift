import GatewayCore
import GatewayStore
import NIOHTTP1

/// `GET|POST /cgi-bin/sendsms`, Kannel-compatible: credentials in `username`/`user` and
/// `password`/`pass`, the message in the other CGI fields (query string, or a
/// `application/x-www-form-urlencoded` body; a `text/plain` body is the text). One message per
/// distinct recipient; answers are Kannel's one-line texts (`0: Accepted for delivery`, 202).
struct KannelSendSMSAPI: Sendable {
    let context: APIContext
    var defaultValidity: Duration = .seconds(48 * 3600)

    func sendsms(_ request: HTTPRequest) async -> HTTPResponse {
        var fields = request.query
        var bodyText: [UInt8]?
        if request.method == .POST {
            switch request.mediaType {
            case "application/x-www-form-urlencoded": fields = FormFields(parsing: request.body).merged(over: fields)
            case "text/plain": bodyText = request.body
            case nil: if !request.body.isEmpty { bodyText = request.body }
            default: return Self.answer(.badRequest("Invalid content-type"))
            }
        }
        guard let user = fields.first("username", "user"), let password = fields.first("password", "pass"),
              case .account(let account) = await context.authenticator.account(user: user, password: password)
        else { return Self.answer(.authorization) }
        let parsed: KannelSendSMSRequest
        switch KannelSendSMSRequest.parse(fields, text: bodyText) {
        case .success(let value): parsed = value
        case .failure(let refusal): return Self.answer(refusal)
        }
        let now = context.now()
        let scheduleAt = parsed.deferredMinutes.flatMap { $0 > 0 ? now + .seconds(Int64($0) * 60) : nil }
        let validity = parsed.validityMinutes.map { Duration.seconds(Int64($0) * 60) } ?? defaultValidity
        var messages: [NewMessage] = []
        for recipient in parsed.recipients {
            switch TextPartsEncoder.encode(parsed.text, to: recipient, encoding: parsed.encoding, messageClass: parsed.messageClass,
                                           statusReport: !parsed.reportMask.isEmpty, concatenationReference: .random(in: 0...255)) {
            case .success(let encoded):
                messages.append(NewMessage(
                    account: account.id, source: parsed.from ?? String(account.id.prefix(21)),
                    destination: recipient.displayString, messageClass: account.defaultClass, priority: parsed.priority,
                    text: parsed.text, encoding: encoded.encoding, partsHex: encoded.partsHex, scheduleAt: scheduleAt,
                    expiresAt: (scheduleAt ?? now) + validity, reportMask: parsed.reportMask, dlrURL: parsed.dlrURL))
            case .failure(let refusal):
                return Self.answer(.badRequest("Charset or body misformed, rejected (\(refusal.reason))"))
            }
        }
        if let refusal = await context.limit(account, messages: messages.count) {
            var response = Self.answer(KannelRefusal(status: 429, text: "Throughput exceeded, try again later"))
            response.headers += refusal.headers.map { (name: $0.key, value: $0.value) }
            return response
        }
        do {
            _ = try await context.accept(messages)
            HTTPMetrics.messages(interface: "sendsms", outcome: "accepted", count: messages.count)
        } catch {
            HTTPMetrics.messages(interface: "sendsms", outcome: "failed", count: messages.count)
            context.logger.error("sendsms accept failed: \(error)")
            return Self.answer(KannelRefusal(status: 503, text: "Sending failed."))
        }
        var text = scheduleAt == nil ? "0: Accepted for delivery" : "3: Queued for later delivery"
        if !parsed.denied.isEmpty { text += " Denied receivers are: " + parsed.denied.joined(separator: " ") }
        return HTTPResponse.text(text, status: .accepted, contentType: "text/html")
    }

    static func answer(_ refusal: KannelRefusal) -> HTTPResponse {
        HTTPResponse.text(refusal.text, status: HTTPResponseStatus(statusCode: refusal.status), contentType: "text/html")
    }
}

extension FormFields {
    /// These fields, then those of `other` whose names these lack (a POST body wins over the query).
    func merged(over other: FormFields) -> FormFields {
        var merged = self
        let names = Set(pairs.map(\.name))
        for pair in other.pairs where !names.contains(pair.name) { merged.append(pair.name, pair.octets) }
        return merged
    }
}
