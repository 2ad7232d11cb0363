import TOMLReader
import GatewayCore

/// What decoding one file gathers on the way: the problems (it never stops at the first), the
/// position of every key it read (for the cross-checks), and which keys fell back to defaults.
struct DecodeLog {
    let file: String
    private(set) var problems: [ConfigurationProblem] = []
    /// Key path → where its value was written.
    private(set) var positions: [String: TOMLPosition] = [:]
    /// Key paths with indexes removed (`modems[].baud`) that the model asked for.
    private(set) var askedKeys: Set<String> = []
    /// The subset of `askedKeys` the file did not write, so the default was used.
    private(set) var defaultedKeys: Set<String> = []

    init(file: String) { self.file = file }

    mutating func report(_ reason: ConfigurationProblem.Reason, at position: TOMLPosition?, key: String) {
        problems.append(ConfigurationProblem(file: file, position: position, keyPath: key, reason: reason))
    }

    /// Reports at the position the key was read from (for cross-checks).
    mutating func report(_ reason: ConfigurationProblem.Reason, key: String) {
        report(reason, at: positions[key], key: key)
    }

    func position(of key: String) -> TOMLPosition? { positions[key] }

    mutating func noteRead(_ key: String, at position: TOMLPosition?) {
        askedKeys.insert(Self.schemaPath(key))
        if let position { positions[key] = position } else { defaultedKeys.insert(Self.schemaPath(key)) }
    }

    /// Key paths without indexes that the file wrote at least once.
    var writtenSchemaKeys: Set<String> { Set(positions.keys.map(Self.schemaPath)) }

    /// `modems[3].power.line` → `modems[].power.line`.
    static func schemaPath(_ key: String) -> String {
        var result = ""
        var inIndex = false
        for character in key {
            if character == "[" { inIndex = true; result.append("[") }
            else if character == "]" { inIndex = false; result.append("]") }
            else if !inIndex { result.append(character) }
        }
        return result
    }

    /// Problems in the order of the file; whole-file problems first.
    var sortedProblems: [ConfigurationProblem] {
        problems.enumerated().sorted { lhs, rhs in
            switch (lhs.element.position, rhs.element.position) {
            case (nil, nil): lhs.offset < rhs.offset
            case (nil, _): true
            case (_, nil): false
            case (let left?, let right?): left == right ? lhs.offset < rhs.offset : left < right
            }
        }.map(\.element)
    }
}
