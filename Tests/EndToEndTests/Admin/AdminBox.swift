import Foundation
import GatewayTestSupport

/// The shipped demo file, for tests that edit it.
enum TextFileFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func demo() throws -> String {
        try String(contentsOf: root.appendingPathComponent("etc/smsgw/demo.toml"), encoding: .utf8)
    }
}

/// smsgw-ingressd alone on a temporary copy of etc/smsgw/demo.toml (free ports, state in a
/// temporary directory; admin/admin as shipped), and a browser made of curl with a cookie jar.
final class AdminBox {
    let directory: URL
    let adminPort: Int
    var process: Process?
    var queued: Process?
    var path: String { directory.path }
    var configPath: String { "\(path)/gateway.toml" }
    var base: String { "http://127.0.0.1:\(adminPort)" }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("admin-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        adminPort = try IngressSMPPBox.freePort()
        var text = try TextFileFixture.demo()
        for (from, to) in [("port = 2775", "port = \(try IngressSMPPBox.freePort())"),
                           ("port = 8080", "port = \(try IngressSMPPBox.freePort())"), ("port = 8081", "port = \(adminPort)")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        text = text.replacingOccurrences(of: "\"./.smsgw/", with: "\"\(path)/.smsgw/")
        try FileManager.default.createDirectory(atPath: "\(path)/.smsgw/run", withIntermediateDirectories: true)
        try text.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    var log: String { (try? String(contentsOfFile: "\(path)/ingressd.err", encoding: .utf8)) ?? "" }
    var file: String { (try? String(contentsOfFile: configPath, encoding: .utf8)) ?? "" }

    func start() async throws {
        process = try await ChildLauncher.start(
            BuiltProducts.path(of: "smsgw-ingressd"), ["--config", configPath, "--log-level", "info"], logs: path,
            name: "ingressd", timeout: .seconds(20)
        ) {
            log.contains("ingressd ready: web page")
        }
    }

    /// smsgw-queued on the same file, so one other daemon answers `reload`.
    func startQueued() async throws {
        queued = try await ChildLauncher.start(
            BuiltProducts.path(of: "smsgw-queued"), ["--config", configPath], logs: path, name: "queued",
            timeout: .seconds(20)
        ) {
            FileManager.default.fileExists(atPath: "\(path)/.smsgw/run/queued.sock")
        }
    }

    func stop() {
        for process in [process, queued].compactMap({ $0 }) where process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    struct Page {
        var status: Int
        var location: String?
        var body: String

        /// The CSRF token of the page's forms.
        var csrf: String? {
            guard let range = body.range(of: "name=\"csrf\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    /// The login form, then its POST with the form's token (as a browser does).
    func logIn(_ user: String, _ password: String, jar: String = "browser") throws -> Page {
        let form = try request("/login", jar: jar)
        return try request("/login", form: [("csrf", form.csrf ?? ""), ("user", user), ("password", password)], jar: jar)
    }

    /// One request with the browser's cookie jar (`jar`: one browser per name); `form` is sent
    /// url-encoded as a POST.
    func request(_ target: String, form: [(String, String)]? = nil, jar: String = "browser") throws -> Page {
        var arguments = ["-s", "-o", "\(path)/body.out", "-D", "\(path)/headers.out", "-w", "%{http_code}",
                         "-b", "\(path)/\(jar).jar", "-c", "\(path)/\(jar).jar"]
        for (name, value) in form ?? [] { arguments += ["--data-urlencode", "\(name)=\(value)"] }
        if form?.isEmpty == true { arguments += ["-X", "POST"] }
        let status = try IngressHTTPBox.run("/usr/bin/curl", arguments + [base + target])
        guard let code = Int(status) else { throw IngressBoxError("curl failed: \(status)") }
        let headers = (try? String(contentsOfFile: "\(path)/headers.out", encoding: .utf8)) ?? ""
        let location = headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("location:") }
            .map { $0.dropFirst("location:".count).trimmingCharacters(in: .whitespaces) }
        return Page(status: code, location: location, body: (try? String(contentsOfFile: "\(path)/body.out", encoding: .utf8)) ?? "")
    }
}
