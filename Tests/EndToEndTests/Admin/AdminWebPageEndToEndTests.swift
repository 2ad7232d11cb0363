import Foundation
import Testing

/// The web page on the real smsgw-ingressd (demo file, admin/admin; smsgw-queued beside it): login, overview, a bad
/// file refused with its problems, a good one written and reloaded, a password change, and a
/// POST without its CSRF token refused.
@Suite("Web page end to end", .serialized)
struct AdminWebPageEndToEndTests {
    @Test func webPage() async throws {
        let box = try AdminBox()
        try await box.start()
        try await box.startQueued()
        defer { box.stop() }

        // Not logged in: every page sends to the login form.
        #expect(try box.request("/").location == "/login")
        // A login POST without its form's token is refused (login CSRF).
        #expect(try box.request("/login", form: [("user", "admin"), ("password", "admin")], jar: "bare").status == 403)
        // A wrong password: 401 and the form again; the right one: a session cookie and the overview.
        let wrong = try box.logIn("admin", "nope")
        #expect(wrong.status == 401)
        #expect(wrong.body.contains("Wrong user or password"))
        let right = try box.logIn("admin", "admin")
        #expect(right.status == 303 && right.location == "/")
        let overview = try box.request("/")
        #expect(overview.status == 200)
        #expect(overview.body.contains("smsgw-demo"))
        #expect(overview.body.contains("still uses the shipped password"))
        #expect(overview.body.contains("<h2>Modems</h2>") && overview.body.contains("ingressd"))
        let csrf = try #require(overview.csrf)

        // A POST without the token (or with another) changes nothing.
        let before = box.file
        let forged = try box.request("/config", form: [("text", "[box]\nname = \"forged\"\n")])
        #expect(forged.status == 403)
        let forged2 = try box.request("/config", form: [("csrf", String(csrf.reversed())), ("text", "x")])
        #expect(forged2.status == 403)
        #expect(box.file == before)

        // A bad file: every problem shown (file, key, reason), escaped; the file unchanged.
        let configPage = try box.request("/config")
        #expect(configPage.body.contains("[listeners.admin]"))
        let bad = before.replacingOccurrences(of: "name = \"smsgw-demo\"", with: "name = \"<b>demo\"\nbogus = 1")
            .replacingOccurrences(of: "port = \(box.adminPort)", with: "port = 99999")
        let refused = try box.request("/config", form: [("csrf", csrf), ("text", bad.replacingOccurrences(of: "\n", with: "\r\n"))])
        #expect(refused.status == 422)
        #expect(refused.body.contains("2 problem(s)"))
        #expect(refused.body.contains("<code>box.bogus</code>: unknown key"))
        #expect(refused.body.contains("<code>listeners.admin.port</code>"))
        #expect(refused.body.contains("&lt;b&gt;demo") && !refused.body.contains("<b>demo"))
        #expect(box.file == before)

        // A good file (CR LF from the form): written with LF, and each daemon's reload answer shown.
        let good = before.replacingOccurrences(of: "name = \"smsgw-demo\"", with: "name = \"front desk\"")
        let saved = try box.request("/config", form: [("csrf", csrf), ("text", good.replacingOccurrences(of: "\n", with: "\r\n"))])
        #expect(saved.status == 200)
        #expect(box.file == good)
        #expect(saved.body.contains("<td>ingressd</td><td>reloaded; applied: nothing changed live; after a restart: box"))
        #expect(saved.body.contains("<td>queued</td><td>reloaded; applied: "))
        #expect(saved.body.contains("<td>modemd</td><td>not running"))
        #expect(try box.request("/").body.contains("front desk"))

        // The password: refused when the two differ; changed in the file's one line, at once.
        let mismatch = try box.request("/password", form: [("csrf", csrf), ("new", "correct horse"), ("again", "correct hors")])
        #expect(mismatch.status == 422)
        let changed = try box.request("/password", form: [("csrf", csrf), ("new", "correct horse"), ("again", "correct horse")])
        #expect(changed.status == 200)
        #expect(changed.body.contains("The password is changed."))
        let afterChange = box.file
        let differing = zip(good.split(separator: "\n"), afterChange.split(separator: "\n")).filter { $0 != $1 }
        #expect(differing.count == 1 && differing.first?.0.hasPrefix("password = \"$y$") == true)
        let overviewAfter = try box.request("/")
        #expect(!overviewAfter.body.contains("still uses the shipped password"))
        // Another browser: the old password fails, the new one works.
        #expect(try box.logIn("admin", "admin", jar: "other").status == 401)
        #expect(try box.logIn("admin", "correct horse", jar: "other").location == "/")
        #expect(try box.request("/", jar: "other").status == 200)

        // Logout ends the session.
        #expect(try box.request("/logout", form: [("csrf", csrf)]).location == "/login")
        #expect(try box.request("/").location == "/login")
    }
}
