// Valid TOML 1.0 documents and the value trees they must give (https://toml.io/en/v1.0.0).
import Testing
import TOMLReader

struct ValidVector: Sendable, CustomTestStringConvertible {
    var why: String
    var toml: String
    var expected: String
    var testDescription: String { why }
}

@Suite("TOML valid documents")
struct TOMLValidDocumentTests {
    @Test(arguments: TOMLVectors.valid)
    func parses(_ vector: ValidVector) throws {
        let table = try TOMLParser.parse(vector.toml)
        #expect(TOMLRendering.render(table) == vector.expected)
    }

    /// The same documents with CRLF line endings give the same trees (multi-line strings
    /// normalise their newlines to LF, as tomllib does).
    @Test(arguments: TOMLVectors.valid)
    func parsesWithCRLF(_ vector: ValidVector) throws {
        let crlf = vector.toml.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        let table = try TOMLParser.parse(crlf)
        #expect(TOMLRendering.render(table) == vector.expected)
    }

    /// Every prefix of a valid document either parses or fails with a position inside the
    /// prefix: cutting a file anywhere never traps.
    @Test(arguments: TOMLVectors.valid)
    func everyPrefixParsesOrFailsInside(_ vector: ValidVector) {
        let scalars = Array(vector.toml.unicodeScalars)
        for length in 0...scalars.count {
            var prefix = String.UnicodeScalarView()
            prefix.append(contentsOf: scalars[..<length])
            let text = String(prefix)
            do {
                _ = try TOMLParser.parse(text)
            } catch {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                #expect(error.position.line >= 1 && error.position.line <= lines, "\(error) for \(text.debugDescription)")
            }
        }
    }
}
