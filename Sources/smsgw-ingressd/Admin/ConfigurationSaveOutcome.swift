import GatewayCore
import GatewayConfig

/// What saving a configuration text from the web page came to.
enum ConfigurationSaveOutcome: Sendable {
    /// The text does not load: every problem; the file was not touched.
    case refused([ConfigurationProblem])
    /// The text is valid but the file could not be replaced (the old file is intact).
    case unwritable(String)
    /// The file now holds the text; each daemon's answer to `reload`.
    case saved(GatewayConfiguration, [DaemonReloadAnswer])
}
