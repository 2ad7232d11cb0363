/// The programs the multi-call `smsgw` holds (BusyBox style): one static executable on the box,
/// the daemons and smsgwctl are symlinks to it (scripts/install, docs/box.md "Layout").
enum Program: String, CaseIterable {
    case ctl, modemd, queued, ingressd, simd, watchdogd, modemsim

    /// The name it is installed under (usr/bin), the product of the same name in Package.swift.
    var installedName: String {
        self == .ctl ? "smsgwctl" : "smsgw-\(rawValue)"
    }

    /// A program named by an installed name (`smsgw-queued`, `smsgwctl`) or a short one
    /// (`queued`, `ctl`).
    init?(name: Substring) {
        if let program = Program.allCases.first(where: { $0.installedName == name }) {
            self = program
        } else if let program = Program(rawValue: String(name)) {
            self = program
        } else {
            return nil
        }
    }
}

/// What the command line asks `smsgw` to do.
enum Invocation: Equatable {
    /// Run `program` with `arguments` (without any program name).
    case run(Program, arguments: [String])
    /// `smsgw`, `smsgw --help`: the list of programs on standard output.
    case list
    /// A name that is no program: the list on standard error, exit status 2.
    case unknown(String)

    /// Called by an installed name (a symlink: `smsgw-modemd --config …`, argv[0]'s basename
    /// names the program) or as `smsgw` (`smsgw modemd --config …`, `smsgw ctl status`).
    init(commandLine: [String]) {
        let called = commandLine.first?.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        let rest = Array(commandLine.dropFirst())
        guard called == "smsgw" else {
            self = Program(name: called).map { .run($0, arguments: rest) } ?? .unknown(String(called))
            return
        }
        guard let first = rest.first, !["-h", "--help", "help"].contains(first) else {
            self = .list
            return
        }
        self = Program(name: Substring(first)).map { .run($0, arguments: Array(rest.dropFirst())) } ?? .unknown(first)
    }
}

/// `smsgw`'s help: how to call it and the programs it holds.
let programList = """
    usage: smsgw PROGRAM [ARGUMENTS...], or a PROGRAM's installed name (a symlink to smsgw) [ARGUMENTS...]
    programs:
    \(Program.allCases.map { "  \($0.rawValue.padded(to: 10))\($0.installedName)" }.joined(separator: "\n"))

    """

extension String {
    /// The string followed by spaces up to `width` characters.
    fileprivate func padded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
