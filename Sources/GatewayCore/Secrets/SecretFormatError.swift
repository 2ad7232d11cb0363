/// Why a string from the configuration is not a stored secret hash, and how to make one.
public struct SecretFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The value looks like a plain secret, or a hash of a scheme we do not accept.
        case notHashed
        /// The value starts like a hash of an accepted scheme but is cut short or garbled.
        case malformed
    }

    public var kind: Kind
    public var description: String

    init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
