import ArgumentParser
import GatewayCore
#if canImport(Glibc)
import Glibc
import GatewayConfig
#endif

/// `smsgwctl logs [daemon] [-f]`: the log files `smsgwctl up` keeps in `<runtime>/logs/`. On a
/// box run by systemd the daemons log to journald instead: when its units are installed this
/// says which `journalctl` command shows them.
struct LogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs", abstract: "Show the daemons' logs that smsgwctl up keeps (-f follows them).")

    @Option(help: "The box's configuration (its runtime directory holds logs/).")
    var config = "etc/smsgw/demo.toml"

    @Argument(help: "One daemon (modemsim, modemd, queued, ingressd, simd, watchdogd); all when left out.")
    var daemon: String?

    @Flag(name: .shortAndLong, help: "Keep printing what is appended.")
    var follow = false

    @Option(name: [.customShort("n"), .long], help: "Lines from the end of each file to start with.")
    var lines = 50

    static let daemons = ["modemsim", "modemd", "queued", "ingressd", "simd", "watchdogd"]

    func validate() throws {
        if let daemon, !Self.daemons.contains(daemon) {
            throw ValidationError("unknown daemon \"\(daemon)\": one of \(Self.daemons.joined(separator: ", "))")
        }
        guard lines >= 0 else { throw ValidationError("-n must be 0 or more") }
    }

    func run() throws {
        let names = daemon.map { [$0] } ?? Self.daemons
        if let hint = JournalHint.command(for: names) { StandardStreams.writeError("logs: on this box systemd runs the daemons: \(hint)\n") }
        let directory: String
        do { directory = "\(try ConfigurationLoader.load(file: config).runtime.directory)/logs" } catch {
            throw InputError("\(config): not a valid configuration (smsgwctl config check \(config))")
        }
        var files = names.map { LogFile(name: $0, path: "\(directory)/\($0).log") }.filter { $0.exists }
        guard !files.isEmpty else {
            throw InputError("no logs in \(directory)\(daemon.map { " for \($0)" } ?? ""): smsgwctl up writes them there")
        }
        let prefixed = files.count > 1
        for index in files.indices { files[index].printTail(lines: lines, prefixed: prefixed) }
        while follow {
            usleep(200_000)
            for index in files.indices { files[index].printAppended(prefixed: prefixed) }
        }
    }
}

/// One log file being printed: where printing got to.
struct LogFile {
    var name: String
    var path: String
    var offset: Int = 0
    private var pending: [UInt8] = []

    init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    var exists: Bool { access(path, R_OK) == 0 }

    mutating func printTail(lines count: Int, prefixed: Bool) {
        let bytes = readFrom(0)
        offset = bytes.count
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let whole = bytes.last == UInt8(ascii: "\n") ? lines.dropLast() : lines[...]
        for line in whole.suffix(count) { emit(line, prefixed: prefixed) }
    }

    /// What was appended since; a file that shrank (a new `up` truncated… or rotated it) starts over.
    mutating func printAppended(prefixed: Bool) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        if Int(info.st_size) < offset { offset = 0 }
        let bytes = readFrom(offset)
        offset += bytes.count
        pending += bytes
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            emit(pending[..<newline], prefixed: prefixed)
            pending.removeSubrange(...newline)
        }
    }

    private func emit(_ line: some Collection<UInt8>, prefixed: Bool) {
        StandardStreams.writeOutput((prefixed ? "\(name) | " : "") + String(decoding: line, as: UTF8.self) + "\n")
    }

    private func readFrom(_ start: Int) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var position = off_t(start)
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, position) }
            guard count > 0 else { break }
            bytes += buffer[..<count]
            position += off_t(count)
        }
        return bytes
    }
}

/// systemd with the smsgw units installed (rootfs/): the journalctl command for `names`.
enum JournalHint {
    static func command(for names: [String]) -> String? {
        guard access("/run/systemd/system", F_OK) == 0 else { return nil }
        let installed = names.filter { name in
            ["/etc/systemd/system", "/lib/systemd/system", "/usr/lib/systemd/system"].contains {
                access("\($0)/smsgw-\(name).service", F_OK) == 0
            }
        }
        guard !installed.isEmpty else { return nil }
        return "journalctl " + installed.map { "-u smsgw-\($0)" }.joined(separator: " ") + " -f"
    }
}
