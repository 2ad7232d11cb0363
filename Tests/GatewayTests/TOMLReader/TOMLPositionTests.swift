// Where nodes say they were written: a key's node at its key, a table at its header or first
// key, array elements at their own first character; columns count Unicode scalars.
import Testing
import TOMLReader

@Suite("TOML positions")
struct TOMLPositionTests {
    /// The node at `path` (table keys, or decimal indexes into arrays).
    func node(_ table: TOMLTable, _ path: String...) throws -> TOMLNode {
        var current = TOMLNode(.table(table), at: TOMLPosition(line: 1, column: 1))
        for step in path {
            switch current.value {
            case .table(let inner): current = try #require(inner[step], "no key \(step)")
            case .array(let nodes): current = nodes[try #require(Int(step))]
            default: Issue.record("\(step) under a scalar"); return current
            }
        }
        return current
    }

    func at(_ line: Int, _ column: Int) -> TOMLPosition { TOMLPosition(line: line, column: column) }

    @Test func keysAndDottedParts() throws {
        let table = try TOMLParser.parse("""
        title = "x"
          a . b.c = 1
        "quoted key" = 2
        """)
        #expect(try node(table, "title").position == at(1, 1))
        #expect(try node(table, "a").position == at(2, 3), "a table made by dotted keys is at its first key part")
        #expect(try node(table, "a", "b").position == at(2, 7))
        #expect(try node(table, "a", "b", "c").position == at(2, 9))
        #expect(try node(table, "quoted key").position == at(3, 1))
    }

    @Test func headersAndImplicitTables() throws {
        let table = try TOMLParser.parse("""
        # modems
        [x.y]
        [modems]
        baud = 115200

          [ modems.usb ]
        port = "/dev/ttyUSB0"
        """)
        #expect(try node(table, "x").position == at(2, 1), "an implicit table is at the header that made it")
        #expect(try node(table, "x", "y").position == at(2, 1))
        #expect(try node(table, "modems").position == at(3, 1))
        #expect(try node(table, "modems", "baud").position == at(4, 1))
        #expect(try node(table, "modems", "usb").position == at(6, 3))
        #expect(try node(table, "modems", "usb", "port").position == at(7, 1))
    }

    @Test func implicitTableTakesItsHeaderWhenDefined() throws {
        let table = try TOMLParser.parse("[a.b]\n[a]\n")
        #expect(try node(table, "a").position == at(2, 1))
    }

    @Test func implicitTableTakesItsFirstDottedKey() throws {
        let table = try TOMLParser.parse("[a.b.c]\n[a]\n  b.d = 1\n")
        #expect(try node(table, "a", "b").position == at(3, 3))
    }

    @Test func arraysOfTables() throws {
        let table = try TOMLParser.parse("""
        [[modems]]
        id = 1
        [[modems]]
        id = 2
        baud = 9600
        """)
        #expect(try node(table, "modems").position == at(1, 1), "the array is where it was first written")
        #expect(try node(table, "modems", "0").position == at(1, 1))
        #expect(try node(table, "modems", "1").position == at(3, 1))
        #expect(try node(table, "modems", "1", "baud").position == at(5, 1))
    }

    @Test func arrayElementsAndInlineTables() throws {
        let table = try TOMLParser.parse("""
        ports = [ 1,
          22,   "x" ]
        m = { id = 7, sim.slot = 2 }
        """)
        #expect(try node(table, "ports").position == at(1, 1))
        #expect(try node(table, "ports", "0").position == at(1, 11))
        #expect(try node(table, "ports", "1").position == at(2, 3))
        #expect(try node(table, "ports", "2").position == at(2, 9))
        #expect(try node(table, "m", "id").position == at(3, 7))
        #expect(try node(table, "m", "sim").position == at(3, 15))
        #expect(try node(table, "m", "sim", "slot").position == at(3, 19))
    }

    @Test func columnsCountScalarsNotBytes() throws {
        let table = try TOMLParser.parse("\"é😀\" = { \"ü\" = 1, b = 2 }\n")
        #expect(try node(table, "é😀", "b").position == at(1, 19))
        let error = #expect(throws: TOMLError.self) { try TOMLParser.parse("a = \"é😀\" x") }
        #expect(error?.position == at(1, 10))
    }

    @Test func linesAfterMultilineStringsAndCRLF() throws {
        let table = try TOMLParser.parse("a = \"\"\"\r\none\r\ntwo\"\"\"\r\nb = '''\nx'''\r\nc = 1")
        #expect(try node(table, "b").position == at(4, 1))
        #expect(try node(table, "c").position == at(6, 1))
    }

    @Test func errorInsideAnArrayOfTablesElementNamesItsLine() {
        let error = #expect(throws: TOMLError.self) {
            try TOMLParser.parse("[[modems]]\nbaud = 1\n[[modems]]\nbaud = 2\nbaud = 3\n")
        }
        #expect(error?.description == "5:1: duplicate key 'modems.baud': already defined at 4:1")
    }
}
