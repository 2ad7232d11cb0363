import GatewayCore
import GatewayConfig

/// The configuration file as the web page edits it (docs/webpage.md): a new text is
/// validated by the loader every daemon uses; a text with problems never reaches the file; a
/// valid one replaces it atomically, then every daemon is asked to reload. One save at a time.
actor ConfigurationEditor {
    typealias Reload = @Sendable () async -> [DaemonReloadAnswer]
    /// Called once the file is replaced, before the daemons reload (the page takes its new login
    /// first, so ingressd's own reload finds nothing left to change for it).
    typealias Written = @Sendable (GatewayConfiguration) async -> Void

    let path: String
    /// `[box] name` of the last good file (the page's header).
    private(set) var boxName: String
    private let environment: ConfigurationEnvironment
    private let reload: Reload

    init(path: String, boxName: String, environment: ConfigurationEnvironment = .system, reload: @escaping Reload) {
        self.path = path
        self.boxName = boxName
        self.environment = environment
        self.reload = reload
    }

    /// The file as it is now.
    func currentText() throws(TextFile.ReadError) -> String {
        try TextFile.read(path)
    }

    /// Validates `text`; writes and reloads only when it is valid.
    func save(_ text: String, written: Written = { _ in }) async -> ConfigurationSaveOutcome {
        await save(text, written: written, check: { _ in nil })
    }

    /// Puts `hash` on the `password` line of `[listeners.admin]` (nothing else changes), then
    /// saves like any edit; refused when the file read back would not hold that hash.
    func changeAdminPassword(to hash: PasswordHash, written: Written = { _ in }) async -> ConfigurationSaveOutcome {
        let current: String
        do { current = try currentText() } catch { return .unwritable("cannot read \(path): \(error)") }
        let path = path
        return await save(AdminPasswordLine.replacing(in: current, with: hash.encoded), written: written) { configuration in
            configuration.listeners.admin.password == hash ? nil : ConfigurationProblem(
                file: path, position: nil, keyPath: "listeners.admin.password",
                reason: .conflict("the new hash could not be placed: write the password line of [listeners.admin] by hand"))
        }
    }

    private func save(_ text: String, written: Written,
                      check: (GatewayConfiguration) -> ConfigurationProblem?) async -> ConfigurationSaveOutcome {
        let configuration: GatewayConfiguration
        do {
            configuration = try ConfigurationLoader.decode(text, file: path, environment: environment)
        } catch {
            return .refused(error.problems)
        }
        if let problem = check(configuration) { return .refused([problem]) }
        do {
            try AtomicFileReplace.replace(path, with: text)
        } catch {
            return .unwritable(error.description)
        }
        boxName = configuration.box.name
        await written(configuration)
        return .saved(configuration, await reload())
    }

    /// A textarea's value as a file: HTML forms send line breaks as CR LF (HTML Living
    /// Standard §4.10.11, "the form submission value"); the file keeps LF and ends with one.
    static func fileText(fromForm value: String) -> String {
        var text = value.replacing("\r\n", with: "\n")
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        return text
    }
}
