import GatewayCore
import Testing
@testable import IngressdDaemon

@Suite("HTTP credentials: API keys and sendsms users")
struct HTTPAuthenticatorTests {
    // SHA-512-crypt of "s3cret".
    static let password = try? PasswordHash(parsing: "$6$CmmSzAvNrBsGTgx9$fxs62GA.TdrT//4fTapoWOXGebohb7.YbxQaYno7CQmNO/X6MOPjjNlWj6o7TT0vvr.eWbBrXTt8SgnnPgUiO.")

    static func authenticator() throws -> HTTPAuthenticator {
        let on = UpstreamAccount(id: "on", throughput: 1, maxBinds: 1, allowedClasses: [.otp], defaultClass: .otp, smpp: nil,
                                 http: HTTPCredentials(apiKeys: [try APIKeyHash.make(key: "k-on")], user: "u", password: password))
        let off = UpstreamAccount(id: "off", enabled: false, throughput: 1, maxBinds: 1, allowedClasses: [.otp], defaultClass: .otp,
                                  smpp: nil, http: HTTPCredentials(apiKeys: [try APIKeyHash.make(key: "k-off")]))
        return HTTPAuthenticator(accounts: [on, off])
    }

    @Test("bearer keys: the right account, unknown keys, a disabled account", arguments: [
        ("Bearer k-on", "on"), ("Bearer k-off", "disabled off"), ("Bearer k-nope", "unknown"), ("k-on", "unknown"), (nil, "unknown"),
    ] as [(String?, String)])
    func keys(header: String?, expected: String) throws {
        let outcome = try Self.authenticator().account(authorization: header)
        let described = switch outcome {
        case .account(let account): account.id
        case .disabled(let id): "disabled \(id)"
        case .unknown: "unknown"
        }
        #expect(described == expected)
    }

    @Test("sendsms user: right password (also when remembered), wrong password, unknown user")
    func users() async throws {
        let authenticator = try Self.authenticator()
        #expect(await authenticator.account(user: "u", password: "s3cret") == .account(try #require(Self.onAccount(authenticator))))
        #expect(await authenticator.account(user: "u", password: "s3cret") != .unknown)  // from the remembered digest
        #expect(await authenticator.account(user: "u", password: "S3cret") == .unknown)
        #expect(await authenticator.account(user: "nobody", password: "s3cret") == .unknown)
    }

    static func onAccount(_ authenticator: HTTPAuthenticator) -> UpstreamAccount? {
        if case .account(let account) = authenticator.account(authorization: "Bearer k-on") { account } else { nil }
    }
}
