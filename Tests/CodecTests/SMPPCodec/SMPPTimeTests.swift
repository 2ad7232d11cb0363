import Testing
import SMPPCodec

/// The time format of SMPP 3.4 §7.1.1, "YYMMDDhhmmsstnnp".
@Suite struct SMPPTimeTests {
    @Test(arguments: [
        // Absolute, 1 hour ahead of UTC (4 quarter hours), tenths 5.
        "251129120000504+",
        // Absolute, 12 hours behind UTC: the largest offset, and a '-'.
        "251231235959948-",
        // "-00" must stay "-00", not turn into "+00".
        "000101000000000-",
        // Relative: 1 day.
        "000001000000000R",
        // Relative: the largest of every part.
        "999999999999000R",
    ])
    func roundTrips(text: String) throws {
        #expect(try SMPPTime(text).formatted == text)
    }

    @Test func parsesParts() throws {
        guard case .absolute(let time) = try SMPPTime("251129120030504+") else {
            Issue.record("not absolute")
            return
        }
        #expect([time.year, time.month, time.day, time.hour, time.minute, time.second, time.tenths]
                == [25, 11, 29, 12, 0, 30, 5])
        #expect(time.utcOffsetMinutes == 60)
        #expect(try SMPPTime("000001020304000R") == .relative(.init(days: 1, hours: 2, minutes: 3, seconds: 4)))
    }

    @Test(arguments: [
        ("25112912000050+", SMPPTimeError.Reason.length(15)),            // one digit short
        ("2511291200005040+", .length(17)),                               // one too many
        ("25112912000A504+", .notADigit(position: 11)),                   // a letter among digits
        ("251129120000504Z", .indicator(UInt8(ascii: "Z"))),              // neither + - nor R
        ("000001000000100R", .relativeTail),                              // relative with tenths
        ("251329120000504+", .outOfRange(.month)),                        // month 13
        ("251100120000504+", .outOfRange(.day)),                          // day 0
        ("251129240000504+", .outOfRange(.hour)),                         // hour 24
        ("251129120000549+", .outOfRange(.utcOffset)),                    // 49 quarter hours
    ])
    func refuses(text: String, reason: SMPPTimeError.Reason) {
        #expect(throws: SMPPTimeError(reason: reason)) { try SMPPTime(text) }
    }

    /// A bad schedule_delivery_time in a submit_sm is ESME_RINVSCHED, with the PDU's sequence.
    @Test func badTimeInSubmitNamesTheField() throws {
        var bytes = try PDU(.submitSM(SMPPSamples.submit), sequenceNumber: 77).encoded()
        let schedule = Array("251231235959948-".utf8)
        let at = try #require(bytes.firstRange(of: schedule))
        bytes[at.lowerBound + 2] = UInt8(ascii: "9")   // month 93
        do {
            _ = try PDU(decoding: bytes)
            Issue.record("decoded a month 93")
        } catch {
            #expect(error.field == .scheduleDeliveryTime)
            #expect(error.status == .invalidScheduledDeliveryTime)
            #expect(error.response == PDU(.submitSMResp(nil), sequenceNumber: 77, status: .invalidScheduledDeliveryTime))
        }
    }
}
