import SMPPCodec
import SMSCodec

/// Which upstream-split message a part belongs to, and where it goes in it. Parts of one
/// message share account, source, destination, the kind and value of the reference, and the
/// part count (the key of 3GPP TS 23.040 §9.2.3.24.1/8, and of SMPP 3.4 §5.3.2.22–24); they
/// are stored as ONE message, so one SIM sends them all and the handset can join them.
struct SubmitAssembly: Hashable, Sendable {
    enum Kind: String, Hashable, Sendable {
        /// UDH IE 0x00: 8-bit reference.
        case udh8
        /// UDH IE 0x08: 16-bit reference.
        case udh16
        /// SAR TLVs: sar_msg_ref_num (16 bits).
        case sar
    }

    var kind: Kind
    var reference: UInt16
    var total: Int
    /// 1-based, at most `total`.
    var sequence: Int

    /// The store's key for the message being assembled (the account is a column of its own).
    func key(source: String, destination: String) -> String {
        "\(kind.rawValue):\(reference):\(total):\(source):\(destination)"
    }

    /// The concatenation element of a UDH, if it has one (an element numbering part 0 or a
    /// part past its total is kept as `.other` by the parser and does not count, §9.2.3.24.1).
    init?(header: UserDataHeader) {
        for case let .concatenation(reference, total, sequence, sixteenBit) in header.elements {
            self.init(kind: sixteenBit ? .udh16 : .udh8, reference: reference, total: Int(total), sequence: Int(sequence))
            return
        }
        return nil
    }

    /// The SAR TLVs (§5.3.2.22–24): total 1–255, sequence 1–total; other values are refused
    /// with ESME_RINVOPTPARAMVAL.
    init(segmentation: Segmentation) throws(SubmitRefusal) {
        guard segmentation.total >= 1, (1...segmentation.total).contains(segmentation.number) else {
            throw SubmitRefusal(.invalidOptionalParameterValue,
                                "sar_segment_seqnum \(segmentation.number) of sar_total_segments \(segmentation.total)")
        }
        self.init(kind: .sar, reference: segmentation.reference, total: Int(segmentation.total), sequence: Int(segmentation.number))
    }

    init(kind: Kind, reference: UInt16, total: Int, sequence: Int) {
        (self.kind, self.reference, self.total, self.sequence) = (kind, reference, total, sequence)
    }

    /// The concatenation element a SAR part is sent with: an 8-bit reference, the low octet
    /// of sar_msg_ref_num. An 8-bit element leaves the 153 septets (67 UCS-2 characters) a
    /// peer splitting for SAR plans with; a 16-bit one would not fit them.
    var sarElement: InformationElement {
        .concatenation(reference: reference & 0xFF, total: UInt8(total), sequence: UInt8(sequence), sixteenBit: false)
    }
}
