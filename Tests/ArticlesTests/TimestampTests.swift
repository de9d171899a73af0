import Articles
import Foundation
import Testing

@Suite(.timeLimit(.minutes(1)))
struct TimestampTests {
    @Test("formats whole-second UTC times with a Z")
    func formats() {
        #expect(Timestamp(secondsSince1970: 0).rfc3339 == "1970-01-01T00:00:00Z")
        #expect(Timestamp(secondsSince1970: 1_757_143_800).rfc3339 == "2025-09-06T07:30:00Z")
        #expect(Timestamp(secondsSince1970: 951_782_400).rfc3339 == "2000-02-29T00:00:00Z")
        #expect(Timestamp(secondsSince1970: -1).rfc3339 == "1969-12-31T23:59:59Z")
        #expect(Timestamp(secondsSince1970: 4_102_444_800).rfc3339 == "2100-01-01T00:00:00Z")
        var buffer = Array("x".utf8)
        Timestamp(secondsSince1970: 1_757_143_800).appendRFC3339(to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "x2025-09-06T07:30:00Z")
        // Years past four digits, and before year 1 (the proleptic calendar's year 0 is 1 BC).
        #expect(Timestamp(secondsSince1970: 253_402_300_800).rfc3339 == "10000-01-01T00:00:00Z")
        #expect(Timestamp(secondsSince1970: -62_167_219_201).rfc3339 == "-0001-12-31T23:59:59Z")
        #expect(Timestamp(secondsSince1970: 253_402_300_799).rfc3339 == "9999-12-31T23:59:59Z")
    }

    @Test("parses and formats back, across many days, agreeing with Foundation")
    func roundTrips() throws {
        let formatter = ISO8601DateFormatter()
        var seconds: Int64 = -2_208_988_800  // 1900
        while seconds < 4_102_444_800 {  // 2100
            let timestamp = Timestamp(secondsSince1970: seconds)
            let text = timestamp.rfc3339
            #expect(Timestamp(rfc3339: text) == timestamp)
            #expect(text == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
            seconds += 86_400 * 13 + 3_607
        }
    }

    @Test("normalises offsets to UTC and drops fractions")
    func offsets() {
        #expect(Timestamp(rfc3339: "2025-09-06T10:30:00+03:00")?.rfc3339 == "2025-09-06T07:30:00Z")
        #expect(Timestamp(rfc3339: "2025-09-06T02:30:00-05:00")?.rfc3339 == "2025-09-06T07:30:00Z")
        #expect(Timestamp(rfc3339: "2025-09-06T00:30:00+01:00")?.rfc3339 == "2025-09-05T23:30:00Z")
        #expect(Timestamp(rfc3339: "2025-09-06T07:30:00.987654Z")?.rfc3339 == "2025-09-06T07:30:00Z")
        #expect(Timestamp(rfc3339: "2025-09-06t07:30:00z")?.rfc3339 == "2025-09-06T07:30:00Z")
    }

    @Test("rejects bad input", arguments: [
        "", "2025-09-06", "2025-09-06T07:30Z", "2025-09-06T07:30:00", "2025-13-01T00:00:00Z",
        "2025-02-29T00:00:00Z", "2025-09-31T00:00:00Z", "2025-09-06T24:00:00Z", "2025-09-06T07:60:00Z",
        "2025-09-06T07:30:61Z", "2025-09-06T07:30:00+0300", "2025-09-06T07:30:00.Z", "25-09-06T07:30:00Z",
        "2025-09-06T07:30:00Z ", "2025-9-6T07:30:00Z", "yesterday",
    ])
    func rejects(_ text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test("a day is the start of that UTC day")
    func days() {
        #expect(Timestamp(day: "2025-09-06")?.rfc3339 == "2025-09-06T00:00:00Z")
        #expect(Timestamp(day: "2024-02-29")?.rfc3339 == "2024-02-29T00:00:00Z")
        #expect(Timestamp(day: "2023-02-29") == nil)
        #expect(Timestamp(day: "2025-09-06T00:00:00Z") == nil)
        #expect(Timestamp(day: "2025/09/06") == nil)
    }

    @Test("is Codable as its RFC 3339 string")
    func codable() throws {
        let data = try JSONEncoder().encode([Timestamp(secondsSince1970: 1_757_143_800)])
        #expect(String(decoding: data, as: UTF8.self) == #"["2025-09-06T07:30:00Z"]"#)
        #expect(try JSONDecoder().decode([Timestamp].self, from: Data(#"["2025-09-06T10:30:00+03:00"]"#.utf8))
            == [Timestamp(secondsSince1970: 1_757_143_800)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Timestamp].self, from: Data(#"["soon"]"#.utf8)) }
    }

    @Test("orders by time")
    func ordering() {
        #expect(Timestamp(secondsSince1970: 1) < Timestamp(secondsSince1970: 2))
        #expect(Timestamp.now() > Timestamp(rfc3339: "2025-01-01T00:00:00Z")!)
    }
}
