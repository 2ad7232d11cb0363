// Large documents in the shapes that could make a parser quadratic: many array-of-tables
// elements, many keys in one table, one long array, many sections. Not timed (budgets are
// measured by hand); each must parse to the right tree.
import Testing
import TOMLReader

@Suite("TOML large documents")
struct TOMLLargeDocumentTests {
    @Test func tenThousandArrayOfTablesElements() throws {
        let text = (0..<5_000).map { "[[modems]]\nid = \($0)\n" }.joined()
        let table = try TOMLParser.parse(text)
        guard case .array(let modems)? = table["modems"]?.value else { Issue.record("no modems"); return }
        #expect(modems.count == 5_000)
        guard case .table(let last)? = modems.last?.value else { Issue.record("not a table"); return }
        #expect(last["id"]?.value == .integer(4_999))
        #expect(last["id"]?.position == TOMLPosition(line: 10_000, column: 1))
    }

    @Test func tenThousandKeysInOneTable() throws {
        let text = "[big]\n" + (0..<10_000).map { "key\($0).sub = \"v\($0)\"\n" }.joined()
        let table = try TOMLParser.parse(text)
        guard case .table(let big)? = table["big"]?.value else { Issue.record("no table"); return }
        #expect(big.keys.count == 10_000)
        #expect(big.keys.last == "key9999")
    }

    @Test func tenThousandLineArrayAndSections() throws {
        let array = "list = [\n" + (0..<10_000).map { "  \($0), # n\n" }.joined() + "]\n"
        let sections = (0..<2_000).map { "[s\($0).t]\nv = 1.5\n" }.joined()
        let table = try TOMLParser.parse(array + sections)
        guard case .array(let list)? = table["list"]?.value else { Issue.record("no list"); return }
        #expect(list.count == 10_000)
        #expect(table.keys.count == 2_001)
    }
}
