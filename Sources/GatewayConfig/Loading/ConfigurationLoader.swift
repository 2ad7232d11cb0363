import TOMLReader
import GatewayCore

/// Loads and validates a configuration file: read, parse (TOMLReader), decode, cross-check.
/// Either the whole model comes back, or every problem found, in file order.
public enum ConfigurationLoader {
    /// Loads the file at `path`; `path` is also how problems name the file.
    public static func load(
        file path: String, environment: ConfigurationEnvironment = .system
    ) throws(ConfigurationProblems) -> GatewayConfiguration {
        let text: String
        do { text = try TextFile.read(path) } catch {
            throw ConfigurationProblems([ConfigurationProblem(file: path, position: nil, keyPath: "", reason: .unreadable(error.description))])
        }
        return try decode(text, file: path, environment: environment)
    }

    /// Validates `text` as if read from `file`.
    public static func decode(
        _ text: String, file: String, environment: ConfigurationEnvironment = .system
    ) throws(ConfigurationProblems) -> GatewayConfiguration {
        let outcome = report(text, file: file, environment: environment)
        guard let configuration = outcome.configuration, outcome.problems.isEmpty else {
            throw ConfigurationProblems(outcome.problems)
        }
        return configuration
    }

    /// Everything a decode learned, for the loader and for tests of the shipped files.
    struct Outcome {
        var configuration: GatewayConfiguration?
        var problems: [ConfigurationProblem]
        /// Key paths without indexes (`modems[].baud`) the model asked for.
        var askedKeys: Set<String>
        /// Key paths (without indexes) that the file wrote at least once.
        var writtenKeys: Set<String>
    }

    static func report(_ text: String, file: String, environment: ConfigurationEnvironment) -> Outcome {
        let document: TOMLTable
        do { document = try TOMLParser.parse(text) } catch {
            let problem = ConfigurationProblem(file: file, position: error.position, keyPath: "", reason: .invalidTOML(error.message))
            return Outcome(configuration: nil, problems: [problem], askedKeys: [], writtenKeys: [])
        }
        var decoder = ConfigurationDecoder(file: file, environment: environment)
        let configuration = decoder.decode(document)
        decoder.crossCheck()
        let log = decoder.log
        return Outcome(
            configuration: configuration, problems: log.sortedProblems, askedKeys: log.askedKeys,
            writtenKeys: log.writtenSchemaKeys)
    }
}
