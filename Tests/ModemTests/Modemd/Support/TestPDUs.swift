import SMSCodec

/// SMS-DELIVER and SMS-STATUS-REPORT PDUs built by hand (3GPP TS 23.040 §9.2.2.1, §9.2.2.3),
/// SMSC length 0 first as +CMGR gives them when the SIM's SMSC is used.
enum TestPDUs {
    /// A DELIVER from `+<digits>` in UCS-2 (DCS 08), with a concatenation UDH (IEI 00,
    /// 8-bit reference) when `part` is given: UCS-2 needs no septet fill, so the layout stays plain.
    static func deliver(from digits: String, text: String, part: (reference: UInt8, total: UInt8, sequence: UInt8)? = nil) -> [UInt8] {
        var octets: [UInt8] = [0x00, part == nil ? 0x04 : 0x44]
        octets += address(digits)
        octets += [0x00, 0x08]
        octets += [0x62, 0x30, 0x11, 0x21, 0x00, 0x00, 0x00]  // 2026-03-11 12:00:00 UTC
        let body = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let header: [UInt8] = part.map { [0x05, 0x00, 0x03, $0.reference, $0.total, $0.sequence] } ?? []
        octets.append(UInt8(header.count + body.count))
        return octets + header + body
    }

    /// A STATUS-REPORT for TP-MR `reference` to `+<digits>` with TP-ST `status`.
    static func statusReport(reference: UInt8, to digits: String, status: UInt8) -> [UInt8] {
        [0x00, 0x06, reference] + address(digits)
            + [0x62, 0x30, 0x11, 0x21, 0x00, 0x00, 0x00] + [0x62, 0x30, 0x11, 0x21, 0x10, 0x00, 0x00] + [status]
    }

    static func address(_ digits: String) -> [UInt8] {
        var semiOctets = Array(digits.utf8).map { $0 - 0x30 }
        let count = UInt8(semiOctets.count)
        if semiOctets.count % 2 == 1 { semiOctets.append(0x0F) }
        var octets: [UInt8] = [count, 0x91]
        for index in stride(from: 0, to: semiOctets.count, by: 2) {
            octets.append(semiOctets[index] | semiOctets[index + 1] << 4)
        }
        return octets
    }

    static func hex(_ octets: [UInt8]) -> String { Hex.encode(octets) }
}
