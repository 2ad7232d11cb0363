// `Timestamp` is the time of every domain record, so users of GatewayCore see the time module
// (Timestamp, civil dates, time zones, RFC 3339) without importing it themselves.
@_exported import GatewayTime
