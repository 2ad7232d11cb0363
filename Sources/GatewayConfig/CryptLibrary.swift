import CCrypt
import Synchronization
import GatewayCore

/// The two libxcrypt calls smsgw uses: `crypt_r` (hash a phrase with a setting, which may be
/// a whole stored hash) and `crypt_gensalt_rn` (a fresh setting from the OS's random bytes).
enum CryptLibrary {
    /// One hash at a time in the whole process. yescrypt is memory-hard by design: the shipped
    /// cost (`$y$j9T$`, N = 4096, r = 32) makes every check map 16 MiB for its ~20–60 ms
    /// (strace of smsgw-ingressd: one 16,801,856-byte mmap per SMPP bind check). ingressd checks
    /// SMPP binds and sendsms logins in two actors (and the admin page logs in too), so without
    /// the gate concurrent checks would each add 16 MiB to the daemon's peak (the budget: 40 MiB
    /// under load, docs/architecture.md). A check waits for the one before instead.
    private static let gate = Mutex(())

    /// crypt(3) of `phrase` under `setting`; nil when libxcrypt refuses (it then returns a
    /// string starting with `*`, or NULL).
    static func hash(phrase: String, setting: String) -> String? {
        gate.withLock { _ in unguardedHash(phrase: phrase, setting: setting) }
    }

    private static func unguardedHash(phrase: String, setting: String) -> String? {
        // struct crypt_data is about 32 KiB: on the heap, zeroed as crypt_r(3) asks.
        let data = UnsafeMutableRawPointer.allocate(
            byteCount: MemoryLayout<crypt_data>.size, alignment: MemoryLayout<crypt_data>.alignment)
        defer { data.deallocate() }
        data.initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<crypt_data>.size)
        let typed = data.bindMemory(to: crypt_data.self, capacity: 1)
        guard let result = crypt_r(phrase, setting, typed) else { return nil }
        let output = String(cString: result)
        // Wipe the phrase-derived state before the memory goes back to the allocator.
        data.initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<crypt_data>.size)
        return output.hasPrefix("*") ? nil : output
    }

    /// A new setting for `prefix` (e.g. "$y$") at the library's default cost, salted from the
    /// operating system's random source (a NULL `rbytes` asks libxcrypt to fetch them).
    static func newSetting(prefix: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        let produced = buffer.withUnsafeMutableBufferPointer { output in
            crypt_gensalt_rn(prefix, 0, nil, 0, output.baseAddress, Int32(output.count))
        }
        guard produced != nil else { return nil }
        let setting = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return setting.hasPrefix("*") ? nil : setting
    }
}
