import Foundation
import GatewayCore
@testable import GatewayStore

/// A fresh directory holding one database file, removed when the value is released.
final class TemporaryDatabase {
    let directory: URL
    let path: String

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("smsgw-store-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("smsgw.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func open(now: Timestamp = .testStart) throws -> GatewayDatabase {
        try GatewayDatabase(path: path, now: now)
    }
}

extension Timestamp {
    /// 2026-03-01T12:00:00Z, a fixed "now" for tests.
    static let testStart = Timestamp(secondsSince1970: 1_772_366_400)
}

/// Builders for the rows tests need.
enum Fixtures {
    static func message(
        to destination: String = "+31612345678", messageClass: MessageClass = .transactional, priority: Int = 0,
        parts: Int = 1, scheduleAt: Timestamp? = nil, expiresAt: Timestamp = .testStart + .seconds(86_400),
        upstreamID: String? = nil
    ) -> NewMessage {
        NewMessage(
            account: "acme", upstreamMessageID: upstreamID, source: "ACME", destination: destination,
            messageClass: messageClass, priority: priority, text: "hello", encoding: .gsm7,
            partsHex: (1...parts).map { String(format: "0011%02X0B911316325476F80000AA05E8329BFD06", $0) },
            scheduleAt: scheduleAt, expiresAt: expiresAt)
    }

    /// The hour, day and month windows holding `Timestamp.testStart` (2026-03-01T12:00:00Z) on a
    /// box whose time zone is UTC, as smsgw-queued draws them with its calendar.
    static let windows = SimCounterWindows(hour: .testStart, day: .testStart - .seconds(43_200), month: .testStart - .seconds(43_200))

    /// Begins an attempt as smsgw-queued does: `recordSentAndBegin` (its one commit per turn),
    /// charging the SIM's `windows`. Throws the store's error when the message is not queued.
    @discardableResult
    static func begin(_ db: GatewayDatabase, message: Int64, modem: Int64, sim: Int64, at now: Timestamp = .testStart,
                      windows: SimCounterWindows = Fixtures.windows) throws -> Int64 {
        let start = GatewayDatabase.AttemptStart(messageID: message, modemID: modem, simID: sim, windows: windows)
        return try db.recordSentAndBegin([], begin: [start], now: now)[0].get()
    }

    /// Records the `+CMGS: <mr>` answers of `parts` as smsgw-queued does (its group commit).
    static func markSent(_ db: GatewayDatabase, parts: [Int64], references: [UInt8], at now: Timestamp = .testStart) throws {
        _ = try db.recordSentAndBegin([GatewayDatabase.PartsSent(partIDs: parts, references: references)], begin: [], now: now)
    }

    /// One modem with one SIM; returns their ids.
    static func modemAndSim(_ db: GatewayDatabase, name: String = "modem1", iccid: String = "8931440000000000001")
        throws -> (modem: Int64, sim: Int64) {
        let modem = try db.upsertModem(name: name, device: "/dev/ttyUSB0", now: .testStart)
        let sim = try db.upsertSim(iccid: iccid, imsi: "204080000000001", operatorName: "KPN", modemID: modem, slot: 0,
                                   now: .testStart)
        return (modem, sim)
    }
}
