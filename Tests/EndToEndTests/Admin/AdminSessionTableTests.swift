import GatewayCore
import NIOHTTP1
import Testing
@testable import IngressdDaemon

@Suite("Web page: sessions, cookies, tokens, escaping")
struct AdminSessionTableTests {
    static let start = Timestamp(millisecondsSince1970: 1_800_000_000_000)

    @Test("a session lives while used, and ends after 30 idle minutes")
    func idle() {
        var table = AdminSessionTable()
        table.open(token: "t", csrf: "c", now: Self.start)
        #expect(table.use(token: "t", now: Self.start + .seconds(29 * 60))?.csrf == "c")
        // Used at 29 min: still alive at 58 min, gone at 59 min + 1 ms.
        #expect(table.use(token: "t", now: Self.start + .seconds(58 * 60)) != nil)
        #expect(table.use(token: "t", now: Self.start + .seconds(88 * 60)) == nil)
        #expect(table.use(token: "t", now: Self.start + .seconds(88 * 60)) == nil)
        #expect(table.use(token: "unknown", now: Self.start) == nil)
    }

    @Test("logout, close-all-but-one, and the capacity evicting the oldest")
    func closing() {
        var table = AdminSessionTable()
        for index in 0..<AdminSessionTable.capacity {
            table.open(token: "t\(index)", csrf: "c", now: Self.start + .seconds(index))
        }
        table.open(token: "new", csrf: "c", now: Self.start + .seconds(100))
        #expect(table.count == AdminSessionTable.capacity)
        #expect(table.use(token: "t0", now: Self.start + .seconds(101)) == nil)
        #expect(table.use(token: "t1", now: Self.start + .seconds(101)) != nil)
        table.close(token: "t1")
        #expect(table.use(token: "t1", now: Self.start + .seconds(102)) == nil)
        table.closeAll(except: "new")
        #expect(table.count == 1)
        #expect(table.use(token: "new", now: Self.start + .seconds(103)) != nil)
    }

    @Test("tokens are 64 hex digits and differ")
    func tokens() {
        let tokens = (0..<100).map { _ in SessionToken.make() }
        #expect(Set(tokens).count == 100)
        #expect(tokens.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) })
    }

    @Test("the cookie: found among others, empty ignored; its attributes", arguments: [
        ("a=1; smsgw_admin=abc; b=2", "abc"),
        ("smsgw_admin=", nil),          // a cleared cookie is no session
        ("smsgw_adminx=abc", nil),      // another cookie whose name starts the same
        ("xsmsgw_admin=abc;smsgw_admin=def", "def"),
    ] as [(String, String?)])
    func cookie(header: String, token: String?) {
        #expect(AdminCookie.token(in: HTTPHeaders([("Cookie", header)])) == token)
        #expect(AdminCookie.set("abc") == "smsgw_admin=abc; Path=/; HttpOnly; SameSite=Strict")
    }

    @Test("HTML escaping of the five special characters, other text untouched")
    func escaping() {
        #expect(HTMLEscape.text("<script>alert('x')</script> & \"q\" é ▂") ==
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; é ▂")
    }

    @Test("form line breaks become LF and the file ends with one")
    func formText() {
        #expect(ConfigurationEditor.fileText(fromForm: "[box]\r\nname = \"x\"") == "[box]\nname = \"x\"\n")
        #expect(ConfigurationEditor.fileText(fromForm: "") == "")
    }

    @Test("password rule", arguments: [
        ("long-enough", "long-enough", nil),
        ("long-enough", "long-enougH", "The two passwords differ."),
        ("short", "short", "The password is shorter than 8 characters."),
    ] as [(String, String, String?)])
    func passwordRule(new: String, again: String, problem: String?) {
        #expect(AdminPasswordRule.problem(new: new, again: again) == problem)
    }
}
