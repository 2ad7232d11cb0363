/// One part of a planned message: its text and the user data it becomes.
public struct PlannedSegment: Sendable, Hashable {
    /// The characters this part carries.
    public var text: String
    /// Septets (GSM-7, an escape counting two) or UTF-16 code units (UCS-2).
    public var unitCount: Int
    /// Unpacked septets for GSM-7, big-endian octets for UCS-2 (header not included).
    public var payload: [UInt8]
}

/// What a text becomes when sent: its alphabet, its size and its parts.
public struct SMSPlan: Sendable, Hashable {
    public var encoding: SMSTextEncoding
    /// Septets or UTF-16 code units of the whole text.
    public var unitCount: Int
    public var referenceSize: ConcatenationReferenceSize
    public var segments: [PlannedSegment]

    /// True when the parts need a concatenation header.
    public var isConcatenated: Bool { segments.count > 1 }
}

/// Chooses the alphabet and splits a text into parts (3GPP TS 23.040 §9.2.3.16 and
/// §9.2.3.24.1): 160 septets or 70 UCS-2 units alone; with an 8-bit reference 153 / 67, with
/// a 16-bit reference 152 / 66. An escape sequence and a surrogate pair are never split.
public enum SMSPlanner {
    /// Octets of user data in one TPDU (3GPP TS 23.040 §9.2.3.16).
    public static let userDataOctets = 140

    public static func plan(
        _ text: String,
        encoding choice: SMSEncodingChoice = .automatic,
        referenceSize: ConcatenationReferenceSize = .eightBit
    ) throws(SMSEncodingError) -> SMSPlan {
        guard !text.unicodeScalars.isEmpty else { throw SMSEncodingError(.text, .empty) }
        let encoding: SMSTextEncoding
        switch choice {
        case .ucs2: encoding = .ucs2
        case .gsm7:
            if let (offset, scalar) = firstNonGSM7(text) {
                throw SMSEncodingError(.text, .notInGSM7Alphabet(character: scalar, offset: offset))
            }
            encoding = .gsm7
        case .automatic: encoding = firstNonGSM7(text) == nil ? .gsm7 : .ucs2
        }
        let characters = units(of: text, encoding: encoding)
        let total = characters.reduce(0) { $0 + $1.cost }
        let single = capacity(encoding: encoding, headerOctets: 0)
        var segments: [PlannedSegment]
        if total <= single {
            segments = [segment(characters[...], encoding: encoding)]
        } else {
            let limit = capacity(encoding: encoding, headerOctets: referenceSize.headerOctets)
            segments = []
            var start = 0
            var used = 0
            for (index, character) in characters.enumerated() {
                if used + character.cost > limit {
                    segments.append(segment(characters[start..<index], encoding: encoding))
                    start = index
                    used = 0
                }
                used += character.cost
            }
            segments.append(segment(characters[start...], encoding: encoding))
            guard segments.count <= 255 else { throw SMSEncodingError(.text, .tooManySegments(segments.count)) }
        }
        return SMSPlan(encoding: encoding, unitCount: total, referenceSize: referenceSize, segments: segments)
    }

    /// Septets or UCS-2 units that fit beside a header of `headerOctets` octets.
    public static func capacity(encoding: SMSTextEncoding, headerOctets: Int) -> Int {
        switch encoding {
        case .gsm7: return (userDataOctets * 8) / 7 - SeptetPacking.headerSeptets(forHeaderOctets: headerOctets)
        case .ucs2: return (userDataOctets - headerOctets) / 2
        case .eightBit: return userDataOctets - headerOctets
        }
    }

    /// One scalar as it is sent: its code units and their count.
    private struct EncodedScalar {
        var scalar: Unicode.Scalar
        var payload: [UInt8]
        var cost: Int
    }

    private static func firstNonGSM7(_ text: String) -> (Int, Unicode.Scalar)? {
        for (offset, scalar) in text.unicodeScalars.enumerated() where GSM7Alphabet.septetCount(of: scalar) == nil {
            return (offset, scalar)
        }
        return nil
    }

    private static func units(of text: String, encoding: SMSTextEncoding) -> [EncodedScalar] {
        text.unicodeScalars.map { scalar in
            if encoding == .gsm7, let septets = GSM7Alphabet.septets(for: scalar) {
                return EncodedScalar(scalar: scalar, payload: septets, cost: septets.count)
            }
            let utf16 = Array(String(scalar).utf16)
            return EncodedScalar(scalar: scalar, payload: UCS2.octets(of: utf16), cost: utf16.count)
        }
    }

    private static func segment(_ characters: ArraySlice<EncodedScalar>, encoding: SMSTextEncoding) -> PlannedSegment {
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
