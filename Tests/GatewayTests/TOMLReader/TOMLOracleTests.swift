// Our parser against Python's tomllib over a corpus: the hand vectors plus seeded generated
// documents. Each document must get the same verdict (valid or not) and, when valid, the
// same typed tree with the same key order.
import Foundation
import Testing
import TOMLReader

@Suite("TOML against tomllib")
struct TOMLOracleTests {
    /// Where TOML 1.0 and tomllib part ways, and we follow the specification or our limits;
    /// each entry must really diverge, so this list cannot go stale.
    static let knownDivergences: Set<String> = [
        // RFC 3339 §5.6 allows second 60 (TOML's ABNF too); tomllib's regex stops at 59.
        "second 60 is a leap second (RFC 3339 §5.6); tomllib refuses it",
        // Our nesting limit (100) guards the stack; tomllib has none below Python's recursion limit.
        "dotted tables nest at most 100 deep",
    ]

    static func corpus() -> [(name: String, toml: String)] {
        var documents = TOMLVectors.valid.map { ($0.why, $0.toml) }
        documents += TOMLVectors.invalid.map { ($0.why, $0.toml) }
        // TOML_ORACLE_SEEDS widens the run by hand (e.g. 20000); CI uses 600.
        let seeds = ProcessInfo.processInfo.environment["TOML_ORACLE_SEEDS"].flatMap { UInt64($0) } ?? 600
        for seed in 1...seeds {
            var generator = TOMLDocumentGenerator(seed: seed)
            documents.append(("generated #\(seed)", generator.document(mutate: seed % 3 == 0)))
        }
        return documents
    }

    @Test func generatedCorpusIsStable() {
        var first = TOMLDocumentGenerator(seed: 7)
        var second = TOMLDocumentGenerator(seed: 7)
        #expect(first.document(mutate: true) == second.document(mutate: true))
    }

    @Test func sameVerdictsAndTreesAsTomllib() throws {
        let corpus = Self.corpus()
        let verdicts = try TOMLLibOracle.verdicts(corpus.map(\.toml))
        try #require(verdicts.count == corpus.count)
        var counts = (valid: 0, invalid: 0)
        var diverged: Set<String> = []
        for ((name, toml), theirs) in zip(corpus, verdicts) {
            let ours: Result<TOMLTagged, TOMLError> = Result { () throws(TOMLError) in TOMLTagged(try TOMLParser.parse(toml)) }
            // TOML 1.0 ("Integer"): a value that is not a 64-bit signed integer must be an
            // error; Python's integers are unbounded, so tomllib accepts it.
            let expected = theirs.ok.flatMap { $0.holdsIntegerBeyond64Bits ? nil : $0 }
            let agrees: Bool
            switch (ours, expected) {
            case (.success(let tree), let expected?): agrees = tree == expected
            case (.failure, nil): agrees = true
            default: agrees = false
            }
            if name.hasPrefix("generated") {
                if case .success = ours { counts.valid += 1 } else { counts.invalid += 1 }
            }
            if Self.knownDivergences.contains(name) {
                diverged.insert(name)
                #expect(!agrees, "listed as a divergence but agrees: \(name)")
                continue
            }
            #expect(agrees, """
                \(name): \(toml.debugDescription)
                ours:    \(ours.map(\.description))
                tomllib: \(expected?.description ?? "error: \(theirs.error ?? "")")
                """)
        }
        #expect(diverged == Self.knownDivergences)
        // The generated documents must exercise both sides, or agreement would say little.
        #expect(counts.valid >= 200 && counts.invalid >= 200, "valid \(counts.valid), invalid \(counts.invalid)")
    }
}
