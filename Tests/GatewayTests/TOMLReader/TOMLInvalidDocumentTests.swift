// Documents TOML 1.0 refuses: each error must name where it is (line:column) and what was
// expected or what rule was broken.
import Testing
import TOMLReader

struct InvalidVector: Sendable, CustomTestStringConvertible {
    var why: String
    var toml: String
    /// Where the error must point.
    var at: TOMLPosition
    /// A part of the message that says what went wrong.
    var says: String
    var testDescription: String { why }

    init(_ why: String, _ toml: String, at line: Int, _ column: Int, says: String) {
        self.why = why
        self.toml = toml
        self.at = TOMLPosition(line: line, column: column)
        self.says = says
    }
}

@Suite("TOML invalid documents")
struct TOMLInvalidDocumentTests {
    @Test(arguments: TOMLVectors.invalid)
    func isRefused(_ vector: InvalidVector) {
        #expect {
            _ = try TOMLParser.parse(vector.toml)
        } throws: { error in
            guard let error = error as? TOMLError else { return false }
            #expect(error.position == vector.at, "\(error)")
            #expect(error.message.contains(vector.says), "\(error)")
            return true
        }
    }

    @Test func errorDescriptionIsLineColonColumnThenMessage() {
        #expect(TOMLError("expected '='", at: TOMLPosition(line: 12, column: 5)).description == "12:5: expected '='")
    }
}
