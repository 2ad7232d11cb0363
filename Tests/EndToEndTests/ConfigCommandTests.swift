import GatewayTestSupport
import Foundation
import Testing

/// `smsgwctl config check` and `config hash-secret` as an operator runs them: full output and
/// exit statuses (0 valid, 1 problems, 2 bad usage).
@Suite struct ConfigCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func shipped(_ name: String) -> String {
        repository.appendingPathComponent("etc/smsgw/\(name)").path
    }

    /// Writes `text` to a fresh temporary file and returns its path.
    static func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("smsgw-config-\(UUID().uuidString).toml")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func checkAcceptsTheShippedBox() throws {
        let file = Self.shipped("gateway.toml")
        let run = try runProduct("smsgwctl", ["config", "check", file])
        #expect(run.status == 0)
        #expect(run.standardOutput == "\(file): valid: box \"smsgw\", 8 modems, 16 SIMs, 3 SIM groups, 3 routes, 1 account\n")
        #expect(run.standardError == "")
    }

    @Test func checkAcceptsTheDemoBox() throws {
        let file = Self.shipped("demo.toml")
        let run = try runProduct("smsgwctl", ["config", "check", file])
        #expect(run.status == 0)
        #expect(run.standardOutput == "\(file): valid: box \"smsgw-demo\", 8 modems, 16 SIMs, 2 SIM groups, 1 route, 1 account\n")
    }

    @Test func checkListsEveryProblemOnePerLine() throws {
        let file = try Self.temporaryFile("""
            [box]
            colour = "blue"

            [listeners.admin]
            password = "admin"

            [[routes]]
            name = "r"
            classes = ["otp"]
            group = "nowhere"
            """)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let run = try runProduct("smsgwctl", ["config", "check", file])
        #expect(run.status == 1)
        // Problems without a line (a default that clashes) come first, then in file order.
        #expect(run.standardOutput == """
            \(file): routing.default_group: no SIM group has id "default"
            \(file):2:1: box.colour: unknown key
            \(file):5:1: listeners.admin.password: is not a password hash: store a crypt(3) string ($y$ or $6$), made with `smsgwctl config hash-secret`
            \(file):10:1: routes[0].group: no SIM group has id "nowhere"

            """)
    }

    @Test func checkReportsInvalidTOMLWithItsPosition() throws {
        let file = try Self.temporaryFile("[box]\nname = \"unterminated\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let run = try runProduct("smsgwctl", ["config", "check", file])
        #expect(run.status == 1)
        #expect(run.standardOutput.hasPrefix("\(file):2:"))
        #expect(run.standardOutput.contains(": invalid TOML: "))
        #expect(run.standardOutput.filter { $0 == "\n" }.count == 1)
    }

    @Test func checkReportsAnUnreadableFile() throws {
        let run = try runProduct("smsgwctl", ["config", "check", "/nonexistent/gateway.toml"])
        #expect(run.status == 1)
        #expect(run.standardOutput == "/nonexistent/gateway.toml: cannot read the file: No such file or directory\n")
    }

    @Test func checkWithoutAFileIsBadUsage() throws {
        let run = try runProduct("smsgwctl", ["config", "check"])
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("smsgwctl: "))
        #expect(run.standardError.filter { $0 == "\n" }.count == 1)
    }

    @Test func hashSecretMakesAnAPIKeyHash() throws {
        // One trailing newline (from `echo`) is not part of the key.
        let run = try runProduct("smsgwctl", ["config", "hash-secret", "--api-key"], input: "demo-key\n")
        #expect(run.status == 0)
        #expect(run.standardOutput == "sha256:c48a01f49fd0f2cc404bc3cbbc80e91457a3d41bb429a695243de4c61794155c\n")
    }

    @Test(arguments: [([String](), "$y$"), (["--sha512-crypt"], "$6$")])
    func hashSecretMakesAPasswordHash(flags: [String], prefix: String) throws {
        let run = try runProduct("smsgwctl", ["config", "hash-secret"] + flags, input: "demo")
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix(prefix))
        #expect(run.standardOutput.hasSuffix("\n") && run.standardOutput.filter { $0 == "\n" }.count == 1)
        #expect(!run.standardOutput.contains("demo"))
        // The hash goes straight into a file that `config check` accepts, and verifies "demo".
        let hash = run.standardOutput.trimmingCharacters(in: .newlines)
        let file = try Self.temporaryFile("""
            [listeners.admin]
            password = "\(hash)"
            [[sim_groups]]
            id = "default"
            [[modems]]
            id = "m1"
            device = "/dev/ttyUSB0"
            [[sims]]
            id = "s1"
            modem = "m1"
            slot = 0
            groups = ["default"]
            """)
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(try runProduct("smsgwctl", ["config", "check", file]).status == 0)
    }

    @Test(arguments: [["config", "hash-secret"], ["config", "hash-secret", "--api-key", "--sha512-crypt"]])
    func hashSecretRefusesBadInput(arguments: [String]) throws {
        let run = try runProduct("smsgwctl", arguments, input: "")
        #expect(run.status == 2)
        #expect(run.standardOutput == "")
        #expect(run.standardError.hasPrefix("smsgwctl: "))
        #expect(run.standardError.filter { $0 == "\n" }.count == 1)
    }
}
