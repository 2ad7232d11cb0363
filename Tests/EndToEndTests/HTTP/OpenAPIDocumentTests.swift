import Foundation
import Testing
@testable import IngressdDaemon

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// docs/openapi.yaml is the source of truth; the daemon serves the embedded copy.
    @Test("the embedded document equals docs/openapi.yaml byte for byte (run scripts/embed-openapi)")
    func embedded() throws {
        let file = try Data(contentsOf: Self.root.appendingPathComponent("docs/openapi.yaml"))
        #expect(Array(OpenAPIDocument.yaml.utf8) == Array(file))
    }

    @Test("every route the router serves is a path of the document")
    func routesDocumented() {
        for path in ["/api/v1/messages:", "/api/v1/messages/batch:", "/api/v1/messages/{id}:", "/api/v1/inbound:",
                     "/api/v1/openapi.yaml:", "/cgi-bin/sendsms:", "/healthz:", "/metrics:"] {
            #expect(OpenAPIDocument.yaml.contains("\n  \(path)\n"), "\(path) missing")
        }
    }
}
