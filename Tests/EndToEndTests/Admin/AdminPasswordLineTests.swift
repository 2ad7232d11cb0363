import Testing
@testable import IngressdDaemon

@Suite("Web page: the admin password line edit (comments and layout kept)")
struct AdminPasswordLineTests {
    static let hash = "$y$j9T$NEW$hash"

    @Test("vectors", arguments: [
        // The usual file: only the value changes; the comment above and the next table stay.
        ("# page\n[listeners.admin]\nuser = \"admin\"\npassword = \"$y$old\"\n\n[routing]\npassword = \"x\"\n",
         "# page\n[listeners.admin]\nuser = \"admin\"\npassword = \"$y$j9T$NEW$hash\"\n\n[routing]\npassword = \"x\"\n"),
        // Aligned spacing and a trailing comment survive; another table's password is not touched.
        ("[accounts.smpp]\npassword = \"a\"\n[listeners.admin]\n  password   =  \"$6$old\"   # set by the installer\n",
         "[accounts.smpp]\npassword = \"a\"\n[listeners.admin]\n  password   =  \"$y$j9T$NEW$hash\"   # set by the installer\n"),
        // A table header written with spaces and a quoted key names the same table (TOML v1.0.0).
        ("[ listeners . \"admin\" ]\npassword='$y$old'\n", "[ listeners . \"admin\" ]\npassword=\"$y$j9T$NEW$hash\"\n"),
        // A '#' inside the old string is not a comment; an escaped quote does not end it.
        ("[listeners.admin]\npassword = \"a#b\\\"c\" # note\n", "[listeners.admin]\npassword = \"$y$j9T$NEW$hash\" # note\n"),
        // No password line: one is added after the table's last key, before the comment of the next table.
        ("[listeners.admin]\nport = 8081\n\n# the routes\n[routing]\n", "[listeners.admin]\nport = 8081\npassword = \"$y$j9T$NEW$hash\"\n\n# the routes\n[routing]\n"),
        // No table at all: it is added at the end (a missing final newline first).
        ("[box]\nname = \"b\"", "[box]\nname = \"b\"\n\n[listeners.admin]\npassword = \"$y$j9T$NEW$hash\"\n"),
        // CR LF files keep CR LF on the edited line.
        ("[listeners.admin]\r\npassword = \"old\"\r\n", "[listeners.admin]\r\npassword = \"$y$j9T$NEW$hash\"\r\n"),
        // An array table [[listeners.admin]] is not the table (the loader will say so).
        ("[[listeners.admin]]\npassword = \"old\"\n", "[[listeners.admin]]\npassword = \"old\"\n\n[listeners.admin]\npassword = \"$y$j9T$NEW$hash\"\n"),
    ])
    func vectors(input: String, expected: String) {
        #expect(AdminPasswordLine.replacing(in: input, with: Self.hash) == expected)
    }

    @Test("the demo file: one line differs, and the loader reads the new hash")
    func demo() throws {
        let text = try TextFileFixture.demo()
        let hash = "$y$j9T$mrx7UiSMrifF0idPF5fCR.$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        let edited = AdminPasswordLine.replacing(in: text, with: hash)
        let before = text.split(separator: "\n", omittingEmptySubsequences: false)
        let after = edited.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        #expect(zip(before, after).filter { $0 != $1 }.map { String($1) } == ["password = \"\(hash)\""])
    }
}
