import FoundationEssentials

/// Prints a value as JSON on standard output: keys sorted, pretty-printed, one trailing
/// newline, slashes unescaped — stable output that scripts and tests can compare whole.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    StandardStreams.writeOutput(String(decoding: data, as: UTF8.self) + "\n")
}
