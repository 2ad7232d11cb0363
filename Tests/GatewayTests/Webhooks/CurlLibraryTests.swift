import Testing
@testable import Webhooks

/// libcurl is opened at the first call, not linked: a box without it still starts, and the
/// call names what is missing instead of crashing.
@Suite("CurlLibrary")
struct CurlLibraryTests {
    @Test func theInstalledLibraryLoadsWithEveryFunction() throws {
        guard case .success = CurlLibrary.open(CurlLibrary.soname) else {
            Issue.record("\(CurlLibrary.open(CurlLibrary.soname))")
            return
        }
    }

    /// No such library: a clear error naming it and the package to install.
    @Test func aMissingLibraryIsNamed() {
        guard case .failure(let error) = CurlLibrary.open("libcurl-absent.so.9") else {
            Issue.record("a library that does not exist loaded")
            return
        }
        #expect(error.detail.contains("libcurl-absent.so.9"))
        #expect(error.detail.contains("libcurl4"))
    }

    /// A library that is not libcurl (libc has none of its functions): each missing one named.
    @Test func aLibraryWithoutTheFunctionsIsRefused() {
        guard case .failure(let error) = CurlLibrary.open("libc.so.6") else {
            Issue.record("libc taken for libcurl")
            return
        }
        #expect(error.detail.contains("lacks curl_global_init, curl_easy_init"))
    }
}
