import Foundation
import GatewayCore
import Testing
@testable import SmsgwctlCommands
import GatewayConfig

/// `smsgwctl up` names the web page among the endpoints it prints once the box is ready.
@Suite struct UpWebPageLineTests {
    @Test func demoPrintsThePage() throws {
        let file = TextFileFixture.root.appendingPathComponent("etc/smsgw/demo.toml").path
        let configuration = try ConfigurationLoader.load(file: file)
        let text = Endpoints.text(configuration, configPath: file, children: [], readyAfter: .seconds(1), logDirectory: "/tmp/logs")
        #expect(text.contains("\nup: web page   http://127.0.0.1:8081 (user admin; docs/webpage.md)\n"))
    }
}
