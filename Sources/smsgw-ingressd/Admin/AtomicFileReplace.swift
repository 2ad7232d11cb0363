#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file so that a crash or power cut leaves either the old text or the new one,
/// never a mix (rename(2) is atomic; fsync(2) before it makes the new data durable, fsync of
/// the directory after it makes the new name durable). The temporary file sits in the same
/// directory (rename does not cross file systems) and takes the old file's permission bits.
enum AtomicFileReplace {
    struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The step that failed (`open`, `write`, `fsync`, `rename`…) and the system's reason.
        var step: String
        var reason: String
        var description: String { "\(step): \(reason)" }
    }

    static func replace(_ path: String, with text: String) throws(Failure) {
        let (directory, name) = split(path)
        var mode: mode_t = 0o640
        var status = stat()
        if stat(path, &status) == 0 { mode = status.st_mode & 0o7777 }
        let temporary = "\(directory)/\(temporaryPrefix(name))\(SessionToken.make().prefix(12)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw Failure(step: "open \(temporary)", reason: systemMessage()) }
        do throws(Failure) {
            defer { close(descriptor) }
            _ = fchmod(descriptor, mode)  // the umask may have taken bits away
            try writeAll(Array(text.utf8), to: descriptor)
            guard fsync(descriptor) == 0 else { throw Failure(step: "fsync \(temporary)", reason: systemMessage()) }
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let failure = Failure(step: "rename to \(path)", reason: systemMessage())
            unlink(temporary)
            throw failure
        }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directoryDescriptor >= 0 else { throw Failure(step: "open \(directory)", reason: systemMessage()) }
        defer { close(directoryDescriptor) }
        guard fsync(directoryDescriptor) == 0 else { throw Failure(step: "fsync \(directory)", reason: systemMessage()) }
    }

    /// Removes the temporary files a replace of `path` left behind when the process died between
    /// creating one and renaming it (`.gateway.toml.<random>.tmp`); the names removed. Called
    /// when ingressd starts, before anything else can be replacing the file.
    @discardableResult
    static func removeLeftovers(of path: String) -> [String] {
        let (directory, name) = split(path)
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        let prefix = temporaryPrefix(name)
        var removed: [String] = []
        while let entry = readdir(stream) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard entryName.hasPrefix(prefix), entryName.hasSuffix(".tmp") else { continue }
            if unlink("\(directory)/\(entryName)") == 0 { removed.append(entryName) }
        }
        return removed.sorted()
    }

    private static func temporaryPrefix(_ name: String) -> String { ".\(name)." }

    private static func split(_ path: String) -> (directory: String, name: String) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return (directory, name)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(step: "write", reason: systemMessage())
            }
            offset += written
        }
    }

    private static func systemMessage() -> String {
        strerror(errno).map { String(cString: $0) } ?? "error \(errno)"
    }
}
