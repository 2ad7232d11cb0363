#if canImport(Glibc)
import Glibc
#endif

/// Where a child's output goes: whole lines, each on `up`'s standard error prefixed with the
/// child's name (`modemd | …`), and unprefixed appended to `<runtime>/logs/<name>.log` — the
/// file `smsgwctl logs` reads. `up`'s own notes about the child go to both, marked `up:`.
final class ChildLog {
    let name: String
    let path: String
    private let file: Int32
    private var splitter = LineSplitter()
    private let prefix: String

    init(name: String, directory: String, prefixWidth: Int) throws(UpError) {
        self.name = name
        path = "\(directory)/\(name).log"
        file = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard file >= 0 else { throw UpError("\(path): \(errnoText())") }
        prefix = name + String(repeating: " ", count: max(prefixWidth - name.count, 0)) + " | "
    }

    deinit { close(file) }

    /// Bytes the child wrote.
    func output(_ bytes: some Sequence<UInt8>) {
        for line in splitter.feed(bytes) { emit(line) }
    }

    /// The child's pipe closed: its unfinished last line, if any.
    func flush() {
        if let line = splitter.finish() { emit(line) }
    }

    /// A note of `up` about this child (started, ready, died, restarting).
    func note(_ text: String) { emit("up: \(text)") }

    private func emit(_ line: String) {
        StandardStreams.writeError(prefix + line + "\n")
        var text = line + "\n"
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(file, base + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
