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
    /// The GSM 7 bit tables the septets are written with (default for UCS-2).
    public var characterSet: GSM7CharacterSet = .default

    /// True when the parts need a concatenation header.
    public var isConcatenated: Bool { segments.count > 1 }

    /// The user data header elements every part carries besides concatenation: the national
    /// language shifts (3GPP TS 23.040 §9.2.3.24.15/16).
    public var shiftElements: [InformationElement] {
        encoding == .gsm7 ? characterSet.headerElements : []
    }

    /// Octets of the user data header of one part (TP-UDHL included), 0 when it has none.
    public var headerOctets: Int {
        SMSPlanner.headerOctets(
            concatenated: isConcatenated, referenceSize: referenceSize, shiftElements: shiftElements.count
        )
    }
}
