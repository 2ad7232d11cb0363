import Foundation
import GatewayCore
import GatewayIPC
import NIOHTTP1
import Synchronization
import Testing
@testable import IngressdDaemon
import GatewayConfig

/// The web page's routes in process (no socket): sessions, CSRF, the save path and the
/// password change against a temporary copy of the demo file; reloads are counted.
@Suite("Web page in process: routes, auth, CSRF, save")
struct AdminSiteTests {
    final class Fixture: Sendable {
        let directory: String
        let path: String
        let router: HTTPRouter
        let auth: AdminAuth
        let reloads: Counter

        init() throws {
            directory = NSTemporaryDirectory() + "admin-site-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            path = directory + "/gateway.toml"
            try TextFileFixture.demo().write(toFile: path, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
            let configuration = try ConfigurationLoader.load(file: path)
            let auth = AdminAuth(admin: configuration.listeners.admin)
            self.auth = auth
            let counter = Counter()
            reloads = counter
            let editor = ConfigurationEditor(path: path, boxName: configuration.box.name, reload: {
                counter.count.withLock { $0 += 1 }
                return [DaemonReloadAnswer(daemon: "modemd", answer: .notRunning("cannot reach smsgw-modemd"))]
            })
            let site = AdminSite(auth: auth, editor: editor, overview: {
                AdminOverview(boxName: configuration.box.name, usesShippedPassword: await auth.usesShippedPassword,
                              health: nil, escalations: [], storeProblem: nil,
                              live: BoxStatus(health: [:], unreachable: ["modemd": "cannot reach <modemd>"]))
            })
            router = AdminRoutes.router(site: site)
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        var file: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

        func send(_ method: HTTPMethod, _ target: String, cookie: String? = nil, form: [(String, String)] = [],
                  peer: String = "192.0.2.1", loginCookie: String? = nil) async -> HTTPResponse {
            var headers = HTTPHeaders()
            if let cookie { headers.add(name: "Cookie", value: "\(AdminCookie.name)=\(cookie)") }
            if let loginCookie { headers.add(name: "Cookie", value: "\(AdminCookie.loginName)=\(loginCookie)") }
            let body = form.map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&")
            return await router.respond(to: HTTPRequest(method: method, target: target, headers: headers,
                                                        body: Array(body.utf8), peer: peer)).response
        }

        /// GET /login, then its POST with the form's token and cookie (as a browser does).
        func postLogin(user: String = "admin", _ password: String, peer: String = "192.0.2.1") async -> HTTPResponse {
            let form = await send(.GET, "/login")
            let token = form.header("set-cookie").map { String($0.dropFirst(AdminCookie.loginName.count + 1).prefix { $0 != ";" }) }
            return await send(.POST, "/login", form: [("csrf", token ?? ""), ("user", user), ("password", password)],
                              peer: peer, loginCookie: token)
        }

        /// Logs in with `password`; the session cookie's token and the page's CSRF token.
        func logIn(_ password: String = "admin") async throws -> (token: String, csrf: String) {
            let response = await postLogin(password)
            let cookie = try #require(response.header("set-cookie"))
            let token = String(cookie.dropFirst(AdminCookie.name.count + 1).prefix { $0 != ";" })
            let page = String(decoding: await send(.GET, "/", cookie: token).body, as: UTF8.self)
            let range = try #require(page.range(of: "name=\"csrf\" value=\""))
            return (token, String(page[range.upperBound...].prefix { $0 != "\"" }))
        }

        static func encode(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
        }
    }

    final class Counter: Sendable {
        let count = Mutex(0)
    }

    static func text(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    @Test("without a session: GET goes to the login form, POST is refused; unknown methods 405")
    func noSession() async throws {
        let fixture = try Fixture()
        let home = await fixture.send(.GET, "/")
        #expect(home.status == .seeOther && home.header("location") == "/login")
        #expect(await fixture.send(.POST, "/config", form: [("text", "x")]).status == .unauthorized)
        #expect(await fixture.send(.GET, "/config", cookie: "forged").status == .seeOther)
        let put = await fixture.send(.PUT, "/config")
        #expect(put.status == .methodNotAllowed && put.header("allow") == "GET, POST")
        #expect(put.header("content-type")?.hasPrefix("text/html") == true)
        // A page that does not exist is an HTML page too (the API's misses are JSON), its path escaped.
        let missing = await fixture.send(.GET, "/nope<b>")
        #expect(missing.status == .notFound && missing.header("content-type")?.hasPrefix("text/html") == true)
        #expect(Self.text(missing).contains("no resource at /nope&lt;b&gt;"))
        let login = await fixture.send(.GET, "/login")
        #expect(login.header("content-security-policy")?.contains("default-src 'none'") == true)
        #expect(login.header("cache-control") == "no-store")
        #expect(!Self.text(login).contains("<script"))
    }

    @Test("login: without the form's token 403; a wrong password 401, the right one a HttpOnly SameSite=Strict cookie")
    func login() async throws {
        let fixture = try Fixture()
        #expect(await fixture.send(.POST, "/login", form: [("user", "admin"), ("password", "admin")]).status == .forbidden)
        #expect(await fixture.send(.POST, "/login", form: [("csrf", "a"), ("user", "admin"), ("password", "admin")],
                                   loginCookie: "b").status == .forbidden)
        #expect(await fixture.send(.GET, "/login").header("set-cookie")?.hasSuffix("; Path=/login; HttpOnly; SameSite=Strict") == true)
        #expect(await fixture.postLogin(user: "admin", "x").status == .unauthorized)
        #expect(await fixture.postLogin(user: "root", "admin").status == .unauthorized)
        let right = await fixture.postLogin(user: "admin", "admin")
        #expect(right.status == .seeOther && right.header("location") == "/")
        #expect(right.header("set-cookie")?.hasSuffix("; Path=/; HttpOnly; SameSite=Strict") == true)
        let session = try await fixture.logIn()
        let page = Self.text(await fixture.send(.GET, "/", cookie: session.token))
        #expect(page.contains("still uses the shipped password"))
        #expect(page.contains("cannot reach &lt;modemd&gt;"))
        #expect(await fixture.send(.GET, "/login", cookie: session.token).header("location") == "/")
    }

    @Test("from the 5th failure within a minute, one address waits; another does not")
    func throttle() async throws {
        let fixture = try Fixture()
        for _ in 0..<5 { _ = await fixture.postLogin(user: "admin", "x", peer: "198.51.100.7") }
        let clock = ContinuousClock()
        let slow = await clock.measure { _ = await fixture.postLogin(user: "admin", "x", peer: "198.51.100.7") }
        let other = await clock.measure { _ = await fixture.postLogin(user: "admin", "x", peer: "198.51.100.8") }
        #expect(slow >= .milliseconds(250))
        #expect(other < .milliseconds(250))
    }

    @Test("CSRF: a POST without this session's token changes nothing")
    func csrf() async throws {
        let fixture = try Fixture()
        let session = try await fixture.logIn()
        let other = try await fixture.logIn()
        let before = fixture.file
        let good = before.replacingOccurrences(of: "smsgw-demo", with: "renamed")
        #expect(await fixture.send(.POST, "/config", cookie: session.token, form: [("text", good)]).status == .forbidden)
        #expect(await fixture.send(.POST, "/config", cookie: session.token, form: [("csrf", other.csrf), ("text", good)]).status == .forbidden)
        #expect(await fixture.send(.POST, "/logout", cookie: session.token, form: []).status == .forbidden)
        #expect(fixture.file == before)
        #expect(fixture.reloads.count.withLock { $0 } == 0)
    }

    @Test("save: a bad text leaves the file; a good one replaces it (mode kept, no temporary left) and reloads")
    func save() async throws {
        let fixture = try Fixture()
        let session = try await fixture.logIn()
        let before = fixture.file
        let refused = await fixture.send(.POST, "/config", cookie: session.token,
                                         form: [("csrf", session.csrf), ("text", before + "\n[nonsense]\nx = 1\n")])
        #expect(refused.status == .unprocessableEntity)
        #expect(Self.text(refused).contains("<code>nonsense</code>: unknown key"))
        #expect(fixture.file == before && fixture.reloads.count.withLock { $0 } == 0)
        let good = before.replacingOccurrences(of: "smsgw-demo", with: "renamed")
        let saved = await fixture.send(.POST, "/config", cookie: session.token, form: [("csrf", session.csrf), ("text", good)])
        #expect(saved.status == .ok)
        #expect(Self.text(saved).contains("<td>modemd</td><td>not running (cannot reach smsgw-modemd)</td>"))
        #expect(fixture.file == good && fixture.reloads.count.withLock { $0 } == 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: fixture.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.directory) == ["gateway.toml"])
    }

    @Test("password: the new hash in the file, the old password fails, other sessions end, this one stays")
    func password() async throws {
        let fixture = try Fixture()
        let session = try await fixture.logIn()
        let other = try await fixture.logIn()
        let changed = await fixture.send(.POST, "/password", cookie: session.token,
                                         form: [("csrf", session.csrf), ("new", "a longer one"), ("again", "a longer one")])
        #expect(changed.status == .ok)
        let hash = try ConfigurationLoader.load(file: fixture.path).listeners.admin.password
        #expect(hash.verify("a longer one"))
        #expect(await fixture.send(.GET, "/", cookie: other.token).status == .seeOther)
        #expect(await fixture.send(.GET, "/", cookie: session.token).status == .ok)
        #expect(await fixture.postLogin(user: "admin", "admin").status == .unauthorized)
        #expect(await !fixture.auth.usesShippedPassword)
        _ = try await fixture.logIn("a longer one")
    }

    @Test("a save cut before its rename leaves a temporary file: removed at the next start, nothing else")
    func leftovers() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leftovers-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let names = ["gateway.toml", ".gateway.toml.0123456789ab.tmp", ".gateway.toml.ffffffffffff.tmp",
                     ".other.toml.0123456789ab.tmp", ".gateway.toml.swp"]
        for name in names { try "x".write(toFile: "\(directory)/\(name)", atomically: false, encoding: .utf8) }
        #expect(AtomicFileReplace.removeLeftovers(of: "\(directory)/gateway.toml")
                == [".gateway.toml.0123456789ab.tmp", ".gateway.toml.ffffffffffff.tmp"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
                == [".gateway.toml.swp", ".other.toml.0123456789ab.tmp", "gateway.toml"])
        try AtomicFileReplace.replace("\(directory)/gateway.toml", with: "y\n")
        #expect(AtomicFileReplace.removeLeftovers(of: "\(directory)/gateway.toml").isEmpty)
    }

    @Test("the atomic replace fails cleanly where it cannot write")
    func unwritable() {
        #expect(throws: AtomicFileReplace.Failure.self) {
            try AtomicFileReplace.replace("/nonexistent-dir-\(UUID().uuidString)/gateway.toml", with: "x")
        }
    }
}
