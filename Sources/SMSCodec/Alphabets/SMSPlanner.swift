/// Chooses the alphabet and splits a text into parts (3GPP TS 23.040 §9.2.3.16 and
/// §9.2.3.24.1): 160 septets or 70 UCS-2 units alone; with an 8-bit reference 153 / 67, with
/// a 16-bit reference 152 / 66. Each national language shift element (§9.2.3.24.15/16, 3
/// octets) in the header takes its room too: 155 / 152 septets alone, 149 / 146 beside an 8-bit
/// reference. An escape sequence and a surrogate pair are never split.
public enum SMSPlanner {
    /// Octets of user data in one TPDU (3GPP TS 23.040 §9.2.3.16).
    public static let userDataOctets = 140
    /// Octets of one national language shift element: IEI, length, language.
    public static let shiftElementOctets = 3

    /// Plans `text`. `nationalLanguages` lists the languages whose shift tables (3GPP TS
    /// 23.038 annex A) may be used when the text does not fit the default alphabet; they are
    /// used only when they need fewer parts than UCS-2 (or when GSM-7 is forced). Empty (the
    /// default) never uses them: handsets and carriers vary in support.
    public static func plan(
        _ text: String,
        encoding choice: SMSEncodingChoice = .automatic,
        referenceSize: ConcatenationReferenceSize = .eightBit,
        nationalLanguages: Set<NationalLanguage> = []
    ) throws(SMSEncodingError) -> SMSPlan {
        guard !text.unicodeScalars.isEmpty else { throw SMSEncodingError(.text, .empty) }
        if choice == .ucs2 { return try plan(text, encoding: .ucs2, characterSet: .default, referenceSize: referenceSize) }
        if let plan = try gsm7Plan(text, characterSet: .default, referenceSize: referenceSize) { return plan }
        let national = nationalPlan(text, referenceSize: referenceSize, languages: nationalLanguages)
        if choice == .gsm7 {
            guard let national else {
                let (offset, scalar) = firstUnencodable(text, languages: nationalLanguages)
                throw SMSEncodingError(.text, .notInGSM7Alphabet(character: scalar, offset: offset))
            }
            return national
        }
        let ucs2 = try plan(text, encoding: .ucs2, characterSet: .default, referenceSize: referenceSize)
        if let national, national.segments.count < ucs2.segments.count { return national }
        return ucs2
    }

    /// Septets or UCS-2 units that fit beside a header of `headerOctets` octets.
    public static func capacity(encoding: SMSTextEncoding, headerOctets: Int) -> Int {
        switch encoding {
        case .gsm7: return (userDataOctets * 8) / 7 - SeptetPacking.headerSeptets(forHeaderOctets: headerOctets)
        case .ucs2: return (userDataOctets - headerOctets) / 2
        case .eightBit: return userDataOctets - headerOctets
        }
    }

    /// Octets of a part's user data header, TP-UDHL included (0: no header).
    public static func headerOctets(concatenated: Bool, referenceSize: ConcatenationReferenceSize, shiftElements: Int) -> Int {
        let elements = (concatenated ? referenceSize.headerOctets - 1 : 0) + shiftElements * shiftElementOctets
        return elements == 0 ? 0 : elements + 1
    }

    /// One scalar as it is sent: its code units and their count.
    struct EncodedScalar {
        var scalar: Unicode.Scalar
        var payload: [UInt8]
        var cost: Int
    }

    /// The GSM-7 plan with `characterSet`, nil when it cannot hold every character.
    static func gsm7Plan(
        _ text: String, characterSet: GSM7CharacterSet, referenceSize: ConcatenationReferenceSize
    ) throws(SMSEncodingError) -> SMSPlan? {
        var characters: [EncodedScalar] = []
        for scalar in text.unicodeScalars {
            guard let septets = characterSet.septets(for: scalar) else { return nil }
            characters.append(EncodedScalar(scalar: scalar, payload: septets, cost: septets.count))
        }
        return try split(characters, encoding: .gsm7, characterSet: characterSet, referenceSize: referenceSize)
    }

    private static func plan(
        _ text: String, encoding: SMSTextEncoding, characterSet: GSM7CharacterSet, referenceSize: ConcatenationReferenceSize
    ) throws(SMSEncodingError) -> SMSPlan {
        let characters = text.unicodeScalars.map { scalar in
            let utf16 = Array(String(scalar).utf16)
            return EncodedScalar(scalar: scalar, payload: UCS2.octets(of: utf16), cost: utf16.count)
        }
        return try split(characters, encoding: encoding, characterSet: characterSet, referenceSize: referenceSize)
    }

    private static func split(
        _ characters: [EncodedScalar], encoding: SMSTextEncoding, characterSet: GSM7CharacterSet,
        referenceSize: ConcatenationReferenceSize
    ) throws(SMSEncodingError) -> SMSPlan {
        let shifts = encoding == .gsm7 ? characterSet.headerElements.count : 0
        let total = characters.reduce(0) { $0 + $1.cost }
        let single = capacity(
            encoding: encoding, headerOctets: headerOctets(concatenated: false, referenceSize: referenceSize, shiftElements: shifts)
        )
        var segments: [PlannedSegment]
        if total <= single {
            segments = [segment(characters[...])]
        } else {
            let limit = capacity(
                encoding: encoding, headerOctets: headerOctets(concatenated: true, referenceSize: referenceSize, shiftElements: shifts)
            )
            segments = []
            var start = 0
            var used = 0
            for (index, character) in characters.enumerated() {
                if used + character.cost > limit {
                    segments.append(segment(characters[start..<index]))
                    start = index
                    used = 0
                }
                used += character.cost
            }
            segments.append(segment(characters[start...]))
            guard segments.count <= 255 else { throw SMSEncodingError(.text, .tooManySegments(segments.count)) }
        }
        return SMSPlan(
            encoding: encoding, unitCount: total, referenceSize: referenceSize, segments: segments,
            characterSet: encoding == .gsm7 ? characterSet : .default
        )
    }

    private static func segment(_ characters: ArraySlice<EncodedScalar>) -> PlannedSegment {
        var scalars = String.UnicodeScalarView()
        var payload: [UInt8] = []
        var count = 0
        for character in characters {
            scalars.append(character.scalar)
            payload += character.payload
            count += character.cost
        }
        return PlannedSegment(text: String(scalars), unitCount: count, payload: payload)
    }
}
