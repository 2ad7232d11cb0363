import ArgumentParser
import GatewayCore
import GatewayConfig

/// `smsgwctl config hash-secret [--api-key]`: reads one secret from standard input and prints
/// the form the configuration stores (never the secret itself).
struct ConfigHashSecretCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-secret",
        abstract: "Hash a password or API key read from standard input for the configuration file.",
        discussion: """
            Passwords become crypt(3) strings (yescrypt, or SHA-512-crypt with --sha512-crypt); \
            API keys become "sha256:<hex>". One trailing newline of the input is ignored.
            """
    )

    @Flag(help: "Hash an HTTP API key (sha256:<hex>) instead of a password.")
    var apiKey = false

    @Flag(help: "Make a $6$ SHA-512-crypt hash instead of $y$ yescrypt.")
    var sha512Crypt = false

    func validate() throws {
        if apiKey && sha512Crypt { throw ValidationError("--api-key and --sha512-crypt cannot be used together") }
    }

    func run() throws {
        var secret = ""
        while let line = readLine(strippingNewline: false) { secret += line }
        if secret.hasSuffix("\n") { secret.removeLast() }
        guard !secret.isEmpty else { throw InputError("no secret on standard input") }
        do throws(SecretHashingError) {
            let hash = apiKey
                ? try APIKeyHash.make(key: secret).encoded
                : try PasswordHash.make(password: secret, scheme: sha512Crypt ? .sha512crypt : .yescrypt).encoded
            StandardStreams.writeOutput(hash + "\n")
        } catch {
            throw InputError(error.description)
        }
    }
}
