/// The choice among national language shift tables (3GPP TS 23.038 §6.2.1.2.4, annex A).
extension SMSPlanner {
    /// The best GSM-7 plan using the shift tables of `languages` (any locking shift table with
    /// any single shift table, either possibly default): fewest parts, then fewest header
    /// elements (the most widely understood), then fewest septets. Nil when none holds the text.
    static func nationalPlan(
        _ text: String, referenceSize: ConcatenationReferenceSize, languages: Set<NationalLanguage>
    ) -> SMSPlan? {
        let sorted = languages.sorted()
        let lockingChoices: [NationalLanguage?] = [nil] + sorted.filter(\.hasLockingShiftTable)
        let singleChoices: [NationalLanguage?] = [nil] + sorted
        var best: SMSPlan?
        for locking in lockingChoices {
            for single in singleChoices where locking != nil || single != nil {
                let set = GSM7CharacterSet(lockingShift: locking, singleShift: single)
                // A text that needs more than 255 parts with these tables is no candidate.
                guard let candidate = try? gsm7Plan(text, characterSet: set, referenceSize: referenceSize) else { continue }
                if let current = best, !isCheaper(candidate, than: current) { continue }
                best = candidate
            }
        }
        return best
    }

    /// The first character (scalar offset, scalar) no table allowed holds, or failing that the
    /// first one outside the default alphabet: what to blame when forced GSM-7 is impossible.
    static func firstUnencodable(_ text: String, languages: Set<NationalLanguage>) -> (Int, Unicode.Scalar) {
        let sets = [GSM7CharacterSet.default] + languages.sorted().map { GSM7CharacterSet(lockingShift: $0, singleShift: $0) }
        var firstNonDefault: (Int, Unicode.Scalar)?
        for (offset, scalar) in text.unicodeScalars.enumerated() where GSM7CharacterSet.default.septets(for: scalar) == nil {
            if firstNonDefault == nil { firstNonDefault = (offset, scalar) }
            if sets.allSatisfy({ $0.septets(for: scalar) == nil }) { return (offset, scalar) }
        }
        return firstNonDefault ?? (0, text.unicodeScalars.first ?? " ")
    }

    private static func isCheaper(_ plan: SMSPlan, than other: SMSPlan) -> Bool {
        (plan.segments.count, plan.shiftElements.count, plan.unitCount)
            < (other.segments.count, other.shiftElements.count, other.unitCount)
    }
}
