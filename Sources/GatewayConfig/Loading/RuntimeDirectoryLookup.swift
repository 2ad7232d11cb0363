import TOMLReader
import GatewayCore

extension ConfigurationLoader {
    /// The runtime directory (`[runtime] directory`) a file names, read even when the file has
    /// other problems: `smsgwctl reload` must reach the daemons running under a file that it
    /// then sees them refuse. The default when the file does not set it; nil when the file
    /// cannot be read or is not TOML at all.
    public static func runtimeDirectory(file path: String) -> String? {
        guard let text = try? TextFile.read(path), let document = try? TOMLParser.parse(text) else { return nil }
        guard let runtime = document["runtime"] else { return ConfigurationDefaults.runtime.directory }
        guard case .table(let table) = runtime.value else { return nil }
        guard let directory = table["directory"] else { return ConfigurationDefaults.runtime.directory }
        guard case .string(let text) = directory.value else { return nil }
        return text
    }
}
