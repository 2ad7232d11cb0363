// Valid documents, each with the tree it must give and why it is interesting. The TOML is
// written in raw string literals, so backslashes are the document's own.

extension TOMLVectors {
    static let valid: [ValidVector] = keysAndTables + strings + numbers + dateTimes + composites
}

enum TOMLVectors {
    static let keysAndTables: [ValidVector] = [
        ValidVector(why: "empty document is an empty root table", toml: "", expected: "{}"),
        ValidVector(why: "only comments, blank lines and whitespace", toml: "# c\n\n  \t# d\n", expected: "{}"),
        ValidVector(why: "bare keys may be digits, dashes and underscores", toml: "a = 1\n1234 = 2\n-_ = 3",
                    expected: "{a: 1, 1234: 2, -_: 3}"),
        ValidVector(why: "quoted keys: basic with escapes, literal, and the empty key", toml: #"""
                    "a b" = 1
                    'c\d' = 2
                    "" = 3
                    "\u00e9" = 4
                    """#,
                    expected: #"{"a b": 1, "c\\d": 2, "": 3, "é": 4}"#),
        ValidVector(why: "a quoted key equal to a bare key is the same key name, once", toml: #""x.y" = 1"#,
                    expected: #"{"x.y": 1}"#),
        ValidVector(why: "dotted keys create nested tables; whitespace around dots is ignored",
                    toml: "a.b.c = 1\na . b . d = 2\n", expected: "{a: {b: {c: 1, d: 2}}}"),
        ValidVector(why: "a float-looking bare key is two dotted parts", toml: "3.14159 = \"pi\"",
                    expected: #"{3: {14159: "pi"}}"#),
        ValidVector(why: "whitespace before a key and around '=' is ignored", toml: " \t a \t=\t 1 \t# note",
                    expected: "{a: 1}"),
        ValidVector(why: "tables and sub-tables, in any order; a super-table defined after its child",
                    toml: "[x.y.z.w]\na = 1\n[x]\nb = 2\n", expected: "{x: {y: {z: {w: {a: 1}}}, b: 2}}"),
        ValidVector(why: "whitespace inside table headers around dots and brackets",
                    toml: "[ a . 'b' . \"c\" ]\nd = 1", expected: "{a: {b: {c: {d: 1}}}}"),
        ValidVector(why: "empty tables exist", toml: "[a]\n[b.c]\n", expected: "{a: {}, b: {c: {}}}"),
        ValidVector(why: "[table] may add sub-tables under tables made by dotted keys (spec example)",
                    toml: "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true",
                    expected: #"{fruit: {apple: {color: "red", taste: {sweet: true}, texture: {smooth: true}}}}"#),
        ValidVector(why: "dotted keys may add to a table that only a later header's path created",
                    toml: "[a.b.c]\n[a]\nb.d = 1\n", expected: "{a: {b: {c: {}, d: 1}}}"),
        ValidVector(why: "arrays of tables, with sub-tables and nested arrays of tables (spec example)",
                    toml: """
                    [[fruits]]
                    name = "apple"
                    [fruits.physical]
                    color = "red"
                    [[fruits.varieties]]
                    name = "red delicious"
                    [[fruits.varieties]]
                    name = "granny smith"
                    [[fruits]]
                    name = "banana"
                    [[fruits.varieties]]
                    name = "plantain"
                    """,
                    expected: #"{fruits: [{name: "apple", physical: {color: "red"}, varieties: [{name: "red delicious"}, {name: "granny smith"}]}, {name: "banana", varieties: [{name: "plantain"}]}]}"#),
        ValidVector(why: "the same sub-table in each element of an array of tables",
                    toml: "[[a]]\n[a.b]\nx = 1\n[[a]]\n[a.b]\nx = 2\n", expected: "{a: [{b: {x: 1}}, {b: {x: 2}}]}"),
        ValidVector(why: "empty array-of-tables elements", toml: "[[a]]\n[[a]]\n", expected: "{a: [{}, {}]}"),
        ValidVector(why: "an array of tables inside a table", toml: "[a]\n[[a.b]]\nc = 1\n", expected: "{a: {b: [{c: 1}]}}"),
        ValidVector(why: "dotted keys in one array element do not collide with the next element's",
                    toml: "[[a]]\nb.c = 1\n[[a]]\nb.c = 2\n", expected: "{a: [{b: {c: 1}}, {b: {c: 2}}]}"),
        ValidVector(why: "a key named like a keyword or a number is still a key",
                    toml: "true = 1\ninf = 2\nnan = 3\n0x1 = 4", expected: "{true: 1, inf: 2, nan: 3, 0x1: 4}"),
        ValidVector(why: "no newline at the end of the document", toml: "a = 1", expected: "{a: 1}"),
        ValidVector(why: "a header's sub-table under a dotted table's own sub-table",
                    toml: "[a]\nb.c.d = 1\n[a.b.c.e]\n", expected: "{a: {b: {c: {d: 1, e: {}}}}}"),
        ValidVector(why: "a quoted key may hold escaped newlines and dots", toml: "\"a\\nb\" = 1\n\"x.y\".z = 2",
                    expected: #"{"a\nb": 1, "x.y": {z: 2}}"#),
        ValidVector(why: "a table array element after a sub-table of the previous one",
                    toml: "[[a]]\n[[a.b]]\n[a.b.c]\n[[a]]\n", expected: "{a: [{b: [{c: {}}]}, {}]}"),
    ]

    static let strings: [ValidVector] = [
        ValidVector(why: "all simple escapes", toml: #"s = "\b\t\n\f\r\"\\""#,
                    expected: #"{s: "\u{8}\t\n\u{c}\r\"\\"}"#),
        ValidVector(why: "\\u and \\U escapes, including outside the BMP and the last scalar",
                    toml: #"s = "\u00E9\U0001F600\u0000\U0010FFFF""#,
                    expected: "{s: \"é😀\\u{0}\u{10FFFF}\"}"),
        ValidVector(why: "raw non-ASCII and tab are allowed in basic and literal strings",
                    toml: "a = \"é\t😀\"\nb = 'é\t\\n'", expected: #"{a: "é\t😀", b: "é\t\\n"}"#),
        ValidVector(why: "a literal string keeps backslashes and double quotes", toml: #"p = 'C:\Users\"x"'"#,
                    expected: #"{p: "C:\\Users\\\"x\""}"#),
        ValidVector(why: "multi-line basic: the first newline is trimmed, later ones kept",
                    toml: "s = \"\"\"\nRoses\nViolets\"\"\"", expected: #"{s: "Roses\nViolets"}"#),
        ValidVector(why: "line-ending backslash trims whitespace and newlines up to the next text",
                    toml: "s = \"\"\"\nThe quick \\\n\n   brown \\   \n  fox.\\\n  \"\"\"",
                    expected: #"{s: "The quick brown fox."}"#),
        ValidVector(why: "one or two quotes inside, and up to two right before the closing delimiter",
                    toml: #"s = """a "b" ""c"" """"""#, expected: #"{s: "a \"b\" \"\"c\"\" \"\""}"#),
        ValidVector(why: "five quotes close a string that ends in two quotes", toml: #"s = """x""""""#,
                    expected: #"{s: "x\"\""}"#),
        ValidVector(why: "multi-line literal: no escapes, first newline trimmed, '' inside",
                    toml: "s = '''\nC:\\x\n''a'' '''", expected: #"{s: "C:\\x\n''a'' "}"#),
        ValidVector(why: "multi-line literal may end with two quotes", toml: "s = '''x'''''",
                    expected: #"{s: "x''"}"#),
        ValidVector(why: "empty strings of all four kinds", toml: "a = \"\"\nb = ''\nc = \"\"\"\"\"\"\nd = ''''''",
                    expected: #"{a: "", b: "", c: "", d: ""}"#),
        ValidVector(why: "escaped backslash before a newline is not a line-ending backslash",
                    toml: "s = \"\"\"a\\\\\nb\"\"\"", expected: #"{s: "a\\\nb"}"#),
        ValidVector(why: "tabs and spaces before the newline after a line-ending backslash",
                    toml: "s = \"\"\"a\\ \t\n\t b\"\"\"", expected: #"{s: "ab"}"#),
        ValidVector(why: "a line-ending backslash right before the closing delimiter",
                    toml: "s = \"\"\"a\\\n\"\"\"", expected: #"{s: "a"}"#),
        ValidVector(why: "a '#' inside a string is not a comment", toml: "s = \"a # b\" # c", expected: #"{s: "a # b"}"#),
    ]

    static let numbers: [ValidVector] = [
        ValidVector(why: "signed decimal integers and zero", toml: "a = +99\nb = 42\nc = 0\nd = -17\ne = +0\nf = -0",
                    expected: "{a: 99, b: 42, c: 0, d: -17, e: 0, f: 0}"),
        ValidVector(why: "underscores between digits", toml: "a = 1_000\nb = 5_349_221\nc = 1_2_3_4_5",
                    expected: "{a: 1000, b: 5349221, c: 12345}"),
        ValidVector(why: "the extremes of a 64-bit signed integer",
                    toml: "a = 9223372036854775807\nb = -9223372036854775808",
                    expected: "{a: 9223372036854775807, b: -9223372036854775808}"),
        ValidVector(why: "hex (either case of digits), octal and binary, with leading zeros and underscores",
                    toml: "a = 0xDEADBEEF\nb = 0xdead_beef\nc = 0o01234567\nd = 0o755\ne = 0b11010110\nf = 0x7FFFFFFFFFFFFFFF\ng = 0x0",
                    expected: "{a: 3735928559, b: 3735928559, c: 342391, d: 493, e: 214, f: 9223372036854775807, g: 0}"),
        ValidVector(why: "floats: fraction, exponent, both, signs, exponent with leading zeros",
                    toml: "a = +1.0\nb = 3.1415\nc = -0.01\nd = 5e+22\ne = 1e06\nf = -2E-2\ng = 6.626e-34\nh = 224_617.445_991_228",
                    expected: "{a: 1.0, b: 3.1415, c: -0.01, d: 5e+22, e: 1000000.0, f: -0.02, g: 6.626e-34, h: 224617.445991228}"),
        ValidVector(why: "signed zero floats and the special values",
                    toml: "a = -0.0\nb = +0.0\nc = inf\nd = +inf\ne = -inf\nf = nan\ng = +nan\nh = -nan",
                    expected: "{a: -0.0, b: 0.0, c: inf, d: inf, e: -inf, f: nan, g: nan, h: nan}"),
        ValidVector(why: "a float whose exponent overflows is infinite (as tomllib)", toml: "a = 1e400",
                    expected: "{a: inf}"),
        ValidVector(why: "booleans", toml: "t = true\nf = false", expected: "{t: true, f: false}"),
        ValidVector(why: "underscores in fraction and exponent", toml: "a = 0.0_1\nb = 1e1_0", expected: "{a: 0.01, b: 10000000000.0}"),
        ValidVector(why: "zero with an exponent, and a negative exponent without fraction",
                    toml: "a = 0e0\nb = -1E-1", expected: "{a: 0.0, b: -0.1}"),
    ]

    static let dateTimes: [ValidVector] = [
        ValidVector(why: "offset date-times: Z, negative offset, fraction with offset",
                    toml: "a = 1979-05-27T07:32:00Z\nb = 1979-05-27T00:32:00-07:00\nc = 1979-05-27T00:32:00.999999+05:30",
                    expected: "{a: 1979-05-27T07:32:00Z, b: 1979-05-27T00:32:00-07:00, c: 1979-05-27T00:32:00.999999+05:30}"),
        ValidVector(why: "a space or lower-case t/z may replace T and Z",
                    toml: "a = 1979-05-27 07:32:00Z\nb = 1979-05-27t07:32:00z", expected: "{a: 1979-05-27T07:32:00Z, b: 1979-05-27T07:32:00Z}"),
        ValidVector(why: "local date-time, local date, local time",
                    toml: "a = 1979-05-27T07:32:00\nb = 1979-05-27\nc = 07:32:00\nd = 00:32:00.999999",
                    expected: "{a: 1979-05-27T07:32:00, b: 1979-05-27, c: 07:32:00, d: 00:32:00.999999}"),
        ValidVector(why: "fractions beyond nanoseconds are truncated, not rounded",
                    toml: "a = 00:00:00.1234567899", expected: "{a: 00:00:00.123456789}"),
        ValidVector(why: "29 February in a leap year, including a 400-year one",
                    toml: "a = 2024-02-29\nb = 2000-02-29", expected: "{a: 2024-02-29, b: 2000-02-29}"),
        ValidVector(why: "a date followed by a comment after a space is a local date",
                    toml: "a = 1979-05-27 # birthday", expected: "{a: 1979-05-27}"),
        ValidVector(why: "second 60 is a leap second (RFC 3339 §5.6); tomllib refuses it",
                    toml: "a = 2016-12-31T23:59:60Z", expected: "{a: 2016-12-31T23:59:60Z}"),
    ]

    static let composites: [ValidVector] = [
        ValidVector(why: "arrays of one type, empty, nested, and mixed types (allowed in 1.0)",
                    toml: "a = [1, 2, 3]\nb = []\nc = [[1, 2], [\"a\"]]\nd = [0.1, \"x\", true, 1979-05-27, {k = 1}]",
                    expected: #"{a: [1, 2, 3], b: [], c: [[1, 2], ["a"]], d: [0.1, "x", true, 1979-05-27, {k: 1}]}"#),
        ValidVector(why: "arrays over lines, with comments, blank lines and a trailing comma",
                    toml: "a = [ # first\n  1,\n\n  2, # two\n  # alone\n]\nb = [\n]\nc = [1,]",
                    expected: "{a: [1, 2], b: [], c: [1]}"),
        ValidVector(why: "inline tables: empty, nested, dotted keys inside",
                    toml: "a = {}\nb = { x = 1, y = { z = \"q\" } }\nc = { p.q = 1, p.r = 2 }",
                    expected: #"{a: {}, b: {x: 1, y: {z: "q"}}, c: {p: {q: 1, r: 2}}}"#),
        ValidVector(why: "inline tables in arrays, and a multi-line array inside an inline table",
                    toml: "points = [ { x = 1 }, { x = 2 } ]\nt = { list = [\n 1,\n 2\n] }",
                    expected: "{points: [{x: 1}, {x: 2}], t: {list: [1, 2]}}"),
        ValidVector(why: "an inline table as the value of a dotted key", toml: "a.b = { c = 1 }\n",
                    expected: "{a: {b: {c: 1}}}"),
        ValidVector(why: "a multi-line string inside an inline table", toml: "a = { s = \"\"\"\nx\ny\"\"\" }",
                    expected: #"{a: {s: "x\ny"}}"#),
        ValidVector(why: "values directly against delimiters", toml: "a=[1,{b=2},[3]]\nc={d=[]}",
                    expected: "{a: [1, {b: 2}, [3]], c: {d: []}}"),
    ]
}
