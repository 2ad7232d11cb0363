/// What one daemon speaks on its control socket: its requests, the response each gets, and the
/// events it pushes to subscribers. A daemon declares a caseless enum conforming to this, with
/// `Codable` enums for the three types (docs/ipc.md, "Declaring a protocol").
///
/// ```swift
/// enum ModemdProtocol: IPCProtocol {
///     enum Request: Codable, Sendable { case send(modem: Int, pdu: String), status }
///     enum Response: Codable, Sendable { case sent(reference: Int), status([ModemState]) }
///     enum Event: Codable, Sendable { case inboundStored(id: Int64), statusReportStored(id: Int64) }
/// }
/// ```
public protocol IPCProtocol: Sendable {
    associatedtype Request: Codable & Sendable
    associatedtype Response: Codable & Sendable
    associatedtype Event: Codable & Sendable
}
