import GatewayTestSupport
import Testing

/// The command line as an operator meets it: exit statuses and the one-line errors.
@Suite struct SmsgwctlTests {
    @Test func versionNamesTheGPIOLibrary() throws {
        let run = try runProduct("smsgwctl", ["version"])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("smsgw "))
        #expect(run.standardOutput.contains("\nlibgpiod 1."))
    }

    @Test(arguments: [["no-such-command"], ["version", "--no-such-flag"]])
    func badUsageExitsTwoWithOneLine(arguments: [String]) throws {
        let run = try runProduct("smsgwctl", arguments)
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.hasPrefix("smsgwctl: "))
        #expect(run.standardError.filter { $0 == "\n" }.count == 1)
    }
}
