import CCurl
#if canImport(Glibc)
import Glibc
#endif

/// libcurl, opened at the first call (dlopen(3)) rather than linked: a box whose accounts use
/// no webhook and no Kannel dlr-url never maps it and its TLS libraries (~5 MiB of
/// smsgw-ingressd's RSS, docs/box.md "Figures"). Each function is looked up once; the C shim
/// calls it with its real prototype (Sources/CCurl/shim.h).
struct CurlLibrary: Sendable {
    /// The soname of libcurl 7.x/8.x (Debian's libcurl4 package, OpenSSL flavour).
    static let soname = "libcurl.so.4"

    // Function addresses from dlsym. `UnsafeMutableRawPointer` is not Sendable; these point at
    // code in a library that is never closed (RTLD_NODELETE), so sharing them is safe.
    nonisolated(unsafe) let globalInit: UnsafeMutableRawPointer
    nonisolated(unsafe) let easyInit: UnsafeMutableRawPointer
    nonisolated(unsafe) let easyCleanup: UnsafeMutableRawPointer
    nonisolated(unsafe) let easyReset: UnsafeMutableRawPointer
    nonisolated(unsafe) let easyPerform: UnsafeMutableRawPointer
    nonisolated(unsafe) let easyStrerror: UnsafeMutableRawPointer
    nonisolated(unsafe) let easySetopt: UnsafeMutableRawPointer
    nonisolated(unsafe) let easyGetinfo: UnsafeMutableRawPointer
    nonisolated(unsafe) let slistAppend: UnsafeMutableRawPointer
    nonisolated(unsafe) let slistFreeAll: UnsafeMutableRawPointer

    /// The library, opened and initialised (`curl_global_init`) once per process on first use
    /// (Swift runs a static's initialiser once, thread-safely: libcurl(3) asks for exactly that),
    /// or why it could not be.
    static let shared: Result<CurlLibrary, HTTPCallError> = open(soname)

    /// Opens `path` and looks up every function used; names the missing library or symbol.
    static func open(_ path: String) -> Result<CurlLibrary, HTTPCallError> {
        guard let library = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE) else {
            return .failure(HTTPCallError(.transfer, detail: "cannot load \(path) (install Debian's libcurl4): \(lastError())"))
        }
        let names = ["curl_global_init", "curl_easy_init", "curl_easy_cleanup", "curl_easy_reset", "curl_easy_perform",
                     "curl_easy_strerror", "curl_easy_setopt", "curl_easy_getinfo", "curl_slist_append", "curl_slist_free_all"]
        var found: [String: UnsafeMutableRawPointer] = [:]
        for name in names { found[name] = dlsym(library, name) }
        guard let globalInit = found["curl_global_init"], let easyInit = found["curl_easy_init"],
              let easyCleanup = found["curl_easy_cleanup"], let easyReset = found["curl_easy_reset"],
              let easyPerform = found["curl_easy_perform"], let easyStrerror = found["curl_easy_strerror"],
              let easySetopt = found["curl_easy_setopt"], let easyGetinfo = found["curl_easy_getinfo"],
              let slistAppend = found["curl_slist_append"], let slistFreeAll = found["curl_slist_free_all"] else {
            let missing = names.filter { found[$0] == nil }
            return .failure(HTTPCallError(.transfer, detail: "\(path) lacks \(missing.joined(separator: ", "))"))
        }
        let loaded = CurlLibrary(
            globalInit: globalInit, easyInit: easyInit, easyCleanup: easyCleanup, easyReset: easyReset,
            easyPerform: easyPerform, easyStrerror: easyStrerror, easySetopt: easySetopt, easyGetinfo: easyGetinfo,
            slistAppend: slistAppend, slistFreeAll: slistFreeAll)
        guard smsgw_curl_global_init(loaded.globalInit, Int(CURL_GLOBAL_ALL)) == CURLE_OK else {
            return .failure(HTTPCallError(.transfer, detail: "curl_global_init failed"))
        }
        return .success(loaded)
    }

    private static func lastError() -> String {
        dlerror().map { String(cString: $0) } ?? "unknown error"
    }
}
