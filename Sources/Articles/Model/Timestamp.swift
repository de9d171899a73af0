import Foundation

/// Seconds since 1970 UTC; articles use whole-second RFC 3339 timestamps ("2025-09-06T08:30:00Z").
public struct Timestamp: Sendable, Hashable, Comparable, Codable {
    /// Whole seconds since 1970-01-01T00:00:00Z (negative before).
    public var secondsSince1970: Int64

    /// A timestamp `secondsSince1970` seconds after the epoch.
    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    /// The current time, truncated to whole seconds.
    public static func now() -> Timestamp {
        Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }

    /// Earlier first.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    /// Decodes the RFC 3339 string form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an RFC 3339 timestamp like 2025-09-06T08:30:00Z")
        }
        self = value
    }

    /// Encodes the RFC 3339 string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rfc3339)
    }
}
