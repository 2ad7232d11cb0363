import ArgumentParser
import FoundationEssentials
import GatewayCore
#if canImport(Glibc)
import Glibc
import GatewayConfig
#endif

/// `smsgwctl send`: one message through the box's HTTP API (`POST /api/v1/messages`,
/// docs/openapi.yaml), then `GET /api/v1/messages/{id}` until it is delivered, failed, expired
/// or cancelled, printing each state change and each time the API stops or starts answering
/// (`MessageFollower`); an `unknown` message is followed for `--unknown-wait` only. Exit 0 delivered; 1 it ended otherwise or the
/// wait timed out; 2 bad input or the API refused it.
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send a message through the box's HTTP API and follow it to delivery.")

    @Option(help: "The box's configuration (where the HTTP API listens; the demo key).")
    var config = "/etc/smsgw/gateway.toml"

    @Option(help: "Destination number (+ and digits).")
    var to: String

    @Option(help: "The text.")
    var text: String

    @Option(help: "Sender: a number or a name of up to 11 characters.")
    var from: String?

    @Option(name: .customLong("class"), help: "otp, transactional or marketing.")
    var messageClass: String?

    @Option(help: "The API key (else $SMSGW_API_KEY, else demo-key when the configuration accepts it).")
    var apiKey: String?

    @Option(help: "Seconds to follow the message before giving up.")
    var timeout: Double = 120

    @Option(help: "Seconds to follow a message whose outcome became unknown (it may never change) before giving up.")
    var unknownWait: Double = 15

    @Option(help: "A label printed before each line (to tell several sends apart).")
    var label: String?

    func run() throws {
        let configuration: GatewayConfiguration
        do { configuration = try ConfigurationLoader.load(file: config) } catch {
            throw InputError("\(config): not a valid configuration (smsgwctl config check \(config))")
        }
        let http = configuration.listeners.http
        guard http.enabled else { throw InputError("\(config): listeners.http is disabled") }
        let key = try APIKeyChoice.key(explicit: apiKey, environment: getenv("SMSGW_API_KEY").map { String(cString: $0) },
                                       configuration: configuration)
        let client = HTTPClient(host: http.address, port: http.port)
        let authorization = [("Authorization", "Bearer \(key)")]
        let request = MessageRequestBody(to: to, text: text, from: from, class: messageClass)
        let body = try JSONEncoder().encode(request)
        let accepted = try client.call("POST", "/api/v1/messages", headers: authorization + [("Content-Type", "application/json")],
                                       body: Array(body), as: AcceptedBody.self)
        let clock = ContinuousClock()
        let start = clock.now
        let tag = label.map { "\($0): " } ?? ""
        StandardStreams.writeOutput("\(tag)id \(accepted.id) (\(accepted.parts) part\(accepted.parts == 1 ? "" : "s")): \(accepted.state)\n")
        var follower = MessageFollower(accepted: accepted.state, unknownWait: .milliseconds(Int64(unknownWait * 1000)),
                                       timeout: .milliseconds(Int64(timeout * 1000)))
        let target = "/api/v1/messages/\(accepted.id)"
        while true {
            let (verdict, last) = follower.verdict(at: clock.now - start)
            if let last { StandardStreams.writeOutput("\(tag)\(last)\n") }
            if case .finished(let delivered) = verdict {
                if delivered { return }
                throw ExitCode(1)
            }
            usleep(200_000)
            // While smsgw-ingressd restarts (or answers 503) the message is followed on, and the
            // outage is printed; anything else the API refuses ends the command.
            let lines: [String]
            do {
                let response = try client.request("GET", target, headers: authorization)
                if response.status == 503 {
                    lines = follower.failed("HTTP 503", at: clock.now - start)
                } else {
                    let status = try HTTPClient.decode(response, "GET", target, as: MessageStatusBody.self)
                    lines = follower.answered(status.state, at: clock.now - start)
                }
            } catch let failure as HTTPClient.Failure {
                lines = follower.failed(failure.description, at: clock.now - start)
            }
            for line in lines { StandardStreams.writeOutput("\(tag)\(line)\n") }
        }
    }
}

/// Which API key `send` uses: the option, the environment, or the demo's `demo-key` — only
/// when one of the configuration's accounts really accepts it (its hash verifies).
enum APIKeyChoice {
    static let demoKey = "demo-key"

    static func key(explicit: String?, environment: String?, configuration: GatewayConfiguration) throws -> String {
        if let explicit { return explicit }
        if let environment, !environment.isEmpty { return environment }
        let accepts = configuration.accounts.contains { $0.http?.apiKeys.contains { $0.verify(demoKey) } ?? false }
        guard accepts else { throw InputError("give --api-key (or set SMSGW_API_KEY): this configuration does not accept the demo key") }
        return demoKey
    }
}

struct MessageRequestBody: Encodable {
    var to: String
    var text: String
    var from: String?
    var `class`: String?
}

struct AcceptedBody: Decodable {
    var id: String
    var parts: Int
    var state: String
}

struct MessageStatusBody: Decodable {
    var id: String
    var state: String
}

struct APIErrorBody: Decodable {
    struct Detail: Decodable {
        var code: String
        var message: String
    }
    var error: Detail
}

extension HTTPClient {
    /// One call whose 2xx body is `T`; any other answer is one `InputError` line.
    func call<T: Decodable>(_ method: String, _ target: String, headers: [(String, String)], body: [UInt8] = [],
                            as type: T.Type) throws -> T {
        let response: HTTPResponseParser.Response
        do { response = try request(method, target, headers: headers, body: body) } catch { throw InputError(error.description) }
        return try Self.decode(response, method, target, as: T.self)
    }

    /// The 2xx body of `response` as `T`; any other answer is one `InputError` line.
    static func decode<T: Decodable>(_ response: HTTPResponseParser.Response, _ method: String, _ target: String,
                                     as type: T.Type) throws -> T {
        guard (200..<300).contains(response.status) else {
            let detail = (try? JSONDecoder().decode(APIErrorBody.self, from: Data(response.body)))
                .map { "\($0.error.code): \($0.error.message)" } ?? String(decoding: response.body.prefix(200), as: UTF8.self)
            throw InputError("\(method) \(target): HTTP \(response.status): \(detail)")
        }
        do { return try JSONDecoder().decode(T.self, from: Data(response.body)) } catch {
            throw InputError("\(method) \(target): an answer that is not the API's JSON: \(String(decoding: response.body.prefix(200), as: UTF8.self))")
        }
    }
}
