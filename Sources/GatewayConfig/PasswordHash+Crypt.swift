import GatewayCore

extension PasswordHash {
    /// Hashes `password` under a fresh random salt.
    public static func make(password: String, scheme: Scheme = .yescrypt) throws(SecretHashingError) -> PasswordHash {
        guard !password.isEmpty else { throw SecretHashingError("the secret is empty") }
        guard !password.utf8.contains(0) else { throw SecretHashingError("the secret contains a NUL byte") }
        guard let setting = CryptLibrary.newSetting(prefix: scheme.rawValue),
              let encoded = CryptLibrary.hash(phrase: password, setting: setting),
              let hash = try? PasswordHash(parsing: encoded)
        else { throw SecretHashingError("libxcrypt could not make a \(scheme.rawValue) hash") }
        return hash
    }

    /// Whether `password` hashes to this value; the final comparison takes the same time
    /// wherever the strings differ.
    public func verify(_ password: String) -> Bool {
        guard !password.utf8.contains(0),
              let computed = CryptLibrary.hash(phrase: password, setting: encoded)
        else { return false }
        return ConstantTime.equal(Array(computed.utf8), Array(encoded.utf8))
    }
}
