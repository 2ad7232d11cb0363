import Foundation
import GatewayIPC
import Testing

/// `SimdProtocol` on the wire (docs/ipc.md: labelled values read well; docs/simd.md).
@Suite("SimdProtocol wire form")
struct SimdProtocolTests {
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("requests as smsgwctl and other daemons write them", arguments: [
        (SimdProtocol.Request.lock(sim: "m1-a"), #"{"lock":{"sim":"m1-a"}}"#),
        (.rotate(modem: "m2"), #"{"rotate":{"modem":"m2"}}"#),
        // A limit left out is absent on the wire and keeps the configuration's.
        (.setLimits(sim: "m1-b", perHour: nil, perDay: 80, perMonth: nil), #"{"setLimits":{"perDay":80,"sim":"m1-b"}}"#),
        (.status, #"{"status":{}}"#),
    ])
    func requests(request: SimdProtocol.Request, wire: String) throws {
        #expect(try Self.json(request) == wire)
        #expect(try JSONDecoder().decode(SimdProtocol.Request.self, from: Data(wire.utf8)) == request)
    }

    @Test func unknownRequestIsRefused() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(SimdProtocol.Request.self, from: Data(#"{"explode":{"sim":"x"}}"#.utf8))
        }
    }
}
