import GatewayCore
import Synchronization
import Testing
@testable import IngressdDaemon

/// ingressd on a reload, in process: which account changes take a bound session's access away,
/// the bind authenticator unbinding those sessions and refusing the old password (also when it
/// was remembered), the throughput limiter following new rates, the HTTP API following new keys.
@Suite("ingressd reload: accounts live")
struct IngressReloadTests {
    // SHA-512-crypt of "s3cret" and of "n3w-pass" (openssl passwd -6).
    static let oldHash = try? PasswordHash(parsing: "$6$CmmSzAvNrBsGTgx9$fxs62GA.TdrT//4fTapoWOXGebohb7.YbxQaYno7CQmNO/X6MOPjjNlWj6o7TT0vvr.eWbBrXTt8SgnnPgUiO.")
    static let newHash = try? PasswordHash(parsing: "$6$reloadsalt$C0dtAQgkVu/5pc8mCQmkhu1Jym3seq99.0GzXPF2Cy82rFRzEQ8glrddGh6ZGvHv7rlpfX./9CjuMSzLsqycR/")

    static func account(_ id: String = "acme", systemID: String = "acme", hash: PasswordHash? = oldHash,
                        throughput: Int = 10, enabled: Bool = true) throws -> UpstreamAccount {
        UpstreamAccount(id: id, enabled: enabled, throughput: throughput, maxBinds: 4, allowedClasses: [.transactional],
                        defaultClass: .transactional, smpp: SMPPCredentials(systemID: systemID, password: try #require(hash)), http: nil)
    }

    /// A session link whose writes go nowhere (the authenticator only marks it).
    static func link() -> SessionLink {
        SessionLink(writer: PDUWriter(outbound: .makeTestingWriter().0), close: {})
    }

    static func revoked(_ link: SessionLink) -> Bool { link.revoked.load(ordering: .relaxed) }

    enum Change: String, CaseIterable { case removed, disabled, newPassword, newSystemID, noSMPP, newThroughput, newWindow, unchanged }

    /// Access is lost when the account goes, is disabled, loses SMPP, or gets another
    /// system_id or password; limits (throughput, window) are followed by the session instead.
    @Test(arguments: Change.allCases)
    func whatRevokesABoundSession(change: Change) throws {
        let bound = try Self.account()
        var now: UpstreamAccount? = bound
        switch change {
        case .removed: now = nil
        case .disabled: now?.enabled = false
        case .newPassword: now?.smpp?.password = try #require(Self.newHash)
        case .newSystemID: now?.smpp?.systemID = "acme2"
        case .noSMPP: now?.smpp = nil
        case .newThroughput: now?.throughput = 1
        case .newWindow: now?.window = 1
        case .unchanged: break
        }
        let revokes = AccountIndex(now.map { [$0] } ?? []).revokes(bound)
        #expect(revokes == [.removed, .disabled, .newPassword, .newSystemID, .noSMPP].contains(change))
    }

    @Test func aNewPasswordUnbindsTheSessionsAndRefusesTheOldOneEvenRemembered() async throws {
        let book = AccountBook(accounts: [try Self.account(), try Self.account("other", systemID: "other")])
        let authenticator = BindAuthenticator(book: book)
        let (acme, other) = (Self.link(), Self.link())
        #expect(await authenticator.bind(systemID: "acme", password: "s3cret", link: acme)?.id == "acme")
        #expect(await authenticator.bind(systemID: "other", password: "s3cret", link: other)?.id == "other")

        book.replace(with: [try Self.account(hash: Self.newHash), try Self.account("other", systemID: "other", throughput: 1)])
        #expect(await authenticator.revoke(under: book.current) == ["acme": 1])
        #expect(Self.revoked(acme))
        #expect(!Self.revoked(other), "a new throughput is no reason to unbind")
        #expect(await authenticator.bind(systemID: "acme", password: "s3cret") == nil)
        #expect(await authenticator.bind(systemID: "acme", password: "n3w-pass")?.id == "acme")
        // The session of "other" follows its new limits at its next request.
        #expect(book.refreshed(try Self.account("other", systemID: "other"))?.throughput == 1)
    }

    @Test func aRemovedOrDisabledAccountIsUnboundAndRefused() async throws {
        let book = AccountBook(accounts: [try Self.account(), try Self.account("gone", systemID: "gone")])
        let authenticator = BindAuthenticator(book: book)
        let (acme, gone) = (Self.link(), Self.link())
        _ = await authenticator.bind(systemID: "acme", password: "s3cret", link: acme)
        _ = await authenticator.bind(systemID: "gone", password: "s3cret", link: gone)
        book.replace(with: [try Self.account(enabled: false)])
        #expect(await authenticator.revoke(under: book.current) == ["acme": 1, "gone": 1])
        #expect(Self.revoked(acme) && Self.revoked(gone))
        #expect(await authenticator.bind(systemID: "acme", password: "s3cret") == nil)
        #expect(await authenticator.bind(systemID: "gone", password: "s3cret") == nil)
        // A revoked session is not revoked twice, and its release still frees its bind.
        #expect(await authenticator.revoke(under: book.current) == [:])
        await authenticator.release(accountID: "acme", link: acme)
        #expect(await authenticator.boundCounts["acme"] == nil)
    }

    @Test func theLimiterKeepsWhatWasSpentAtTheSameRateAndStartsFullAtANewOne() async throws {
        let clock = ThroughputLimiterTests.ManualClock()
        let limiter = ThroughputLimiter(accounts: [try Self.account(throughput: 2), try Self.account("b", systemID: "b", throughput: 2)],
                                        now: { clock.now })
        #expect(await limiter.admit(account: "acme", messages: 2) == .admitted)
        #expect(await limiter.admit(account: "b", messages: 2) == .admitted)
        await limiter.update(accounts: [try Self.account(throughput: 2), try Self.account("b", systemID: "b", throughput: 5),
                                        try Self.account("new", systemID: "new", throughput: 1)])
        #expect(await limiter.admit(account: "acme") == false, "same rate: the spent bucket stays spent")
        #expect(await limiter.admit(account: "b", messages: 5) == .admitted, "a new rate starts a full bucket")
        #expect(await limiter.admit(account: "new"))
        await limiter.update(accounts: [])
        clock.advance(10_000)
        #expect(await limiter.admit(account: "acme") == false, "a removed account is refused")
    }

    @Test func theHTTPAPIFollowsNewKeysAndPasswords() async throws {
        let user = try #require(Self.oldHash)
        var account = try Self.account()
        account.http = HTTPCredentials(apiKeys: [try APIKeyHash.make(key: "old-key")], user: "u", password: user)
        let book = AccountBook(accounts: [account])
        let authenticator = HTTPAuthenticator(book: book)
        #expect(authenticator.account(authorization: "Bearer old-key") == .account(account))
        #expect(await authenticator.account(user: "u", password: "s3cret") == .account(account))
        account.http = HTTPCredentials(apiKeys: [try APIKeyHash.make(key: "new-key")], user: "u", password: Self.newHash)
        book.replace(with: [account])
        #expect(authenticator.account(authorization: "Bearer old-key") == .unknown)
        #expect(authenticator.account(authorization: "Bearer new-key") == .account(account))
        #expect(await authenticator.account(user: "u", password: "s3cret") == .unknown, "the remembered old password no longer counts")
        #expect(await authenticator.account(user: "u", password: "n3w-pass") == .account(account))
    }
}
