import TOMLReader
import GatewayCore

/// One thing wrong with a configuration file: where (file, line, column), which key, and why.
/// Printed as `FILE:LINE:COL: key.path: reason`, the way compilers report errors.
public struct ConfigurationProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// Where the key's value was written; nil when the whole file is at fault (unreadable).
    public var position: TOMLPosition?
    /// Dotted path with array indexes counted from 0, e.g. `modems[2].power.line`; empty when
    /// the problem is not about one key (a TOML syntax error).
    public var keyPath: String
    public var reason: Reason

    public init(file: String, position: TOMLPosition?, keyPath: String, reason: Reason) {
        self.file = file
        self.position = position
        self.keyPath = keyPath
        self.reason = reason
    }

    public var description: String {
        var text = file
        if let position { text += ":\(position.line):\(position.column)" }
        if !keyPath.isEmpty { text += ": \(keyPath)" }
        return text + ": \(reason)"
    }

    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        case unreadable(String)
        case invalidTOML(String)
        case unknownKey
        case missingKey
        case wrongType(expected: String, found: String)
        /// A value of the right type that the key does not accept; the text says why.
        case invalidValue(String)
        /// A plain secret where a hash belongs, or a garbled hash.
        case secret(String)
        /// The second use of something that must be unique.
        case duplicate(String, firstAt: TOMLPosition?)
        /// A reference to a thing no entry defines.
        case unknownReference(String)
        /// Two settings that cannot both hold.
        case conflict(String)

        public var description: String {
            switch self {
            case .unreadable(let why): "cannot read the file: \(why)"
            case .invalidTOML(let why): "invalid TOML: \(why)"
            case .unknownKey: "unknown key"
            case .missingKey: "missing required key"
            case .wrongType(let expected, let found): "expected \(expected), found \(found)"
            case .invalidValue(let why), .secret(let why), .unknownReference(let why), .conflict(let why): why
            case .duplicate(let what, let first):
                first.map { "\(what) (first at line \($0.line))" } ?? what
            }
        }
    }
}

/// Every problem found in one configuration file, in the order of the file.
public struct ConfigurationProblems: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [ConfigurationProblem]

    public init(_ problems: [ConfigurationProblem]) { self.problems = problems }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
