/// One command of a command line, in the grammar of ITU-T V.250 §5.3 (basic commands such as
/// `E0`, `&F`, `S0=0`, `D<dial string>`) and §5.4 (extended commands: `+NAME`, `+NAME?`,
/// `+NAME=?`, `+NAME=<args>`), plus the vendor prefixes `^` `$` `%` `!` that real modems use.
public struct ATCommandInvocation: Sendable, Hashable {
    /// How the command is invoked (V.250 §5.4.3).
    public enum Kind: Sendable, Hashable {
        /// `+NAME` (action) or a basic command without a number (`ATZ`).
        case execute
        /// `+NAME?`: read the current value.
        case read
        /// `+NAME=?`: test which values are supported.
        case test
        /// `+NAME=<args>`, or a basic command with its number (`E0` is `E` set to `0`).
        case set([ATField])
    }

    /// Upper-cased name with its prefix: `+CMGS`, `^SYSCFG`, `E`, `&F`, `S0`, `D`.
    public var name: String
    public var kind: Kind

    public init(_ name: String, _ kind: Kind = .execute) {
        self.name = name.uppercased()
        self.kind = kind
    }

    /// True for extended commands (`+CMGS`, `^SYSCFG`), false for basic ones (`E0`, `&F`).
    public var isExtended: Bool {
        guard let first = name.first else { return false }
        return "+^$%!*#".contains(first)
    }

    /// The arguments of a set invocation; empty for the other kinds.
    public var arguments: [ATField] {
        if case .set(let fields) = kind { return fields }
        return []
    }

    /// The text of this command, without the leading `AT`.
    public var text: String {
        switch kind {
        case .execute: return name
        case .read: return name + "?"
        case .test: return name + "=?"
        case .set(let fields):
            let arguments = fields.map(ATCommandInvocation.render).joined(separator: ",")
            if isExtended || name.hasPrefix("S") && name.count > 1 { return name + "=" + arguments }
            return name + arguments
        }
    }

    static func render(_ field: ATField) -> String {
        switch field {
        case .omitted: ""
        case .bare(let value): value
        case .quoted(let value): "\"" + value + "\""
        case .list(let items): "(" + items.map(render).joined(separator: ",") + ")"
        }
    }
}
