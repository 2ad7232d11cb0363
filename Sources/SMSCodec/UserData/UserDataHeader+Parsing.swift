extension UserDataHeader {
    /// Parses a header given by a peer (an SMPP short_message with UDHI, SMPP 3.4 §5.2.12)
    /// from the start of `octets`: TP-UDHL, then the elements (3GPP TS 23.040 §9.2.3.24).
    /// Returns the header and how many octets it took (TP-UDHL included), so the caller
    /// finds the body after it. An empty header or an element overrunning it is an error.
    public static func parsePrefix(of octets: [UInt8]) throws(SMSDecodingError) -> (header: UserDataHeader, octetCount: Int) {
        guard let length = octets.first else { throw SMSDecodingError(.userDataHeader, .truncated, at: 0) }
        guard length > 0 else { throw SMSDecodingError(.userDataHeader, .badLength(0), at: 0) }
        let header = try parse(octets[...], offset: 0)
        return (header, Int(length) + 1)
    }
}
