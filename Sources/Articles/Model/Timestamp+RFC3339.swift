extension Timestamp {
    /// Parses RFC 3339 with `Z` or an offset (normalised to UTC), fractional seconds allowed (dropped). nil if bad.
    public init?(rfc3339 text: some StringProtocol) {
        var parser = DigitScanner(Array(text.utf8))
        guard let date = parser.date(), parser.take(0x54) || parser.take(0x74) || parser.take(0x20),  // T, t, space
              let hour = parser.number(2), parser.take(0x3A), let minute = parser.number(2), parser.take(0x3A),
              let second = parser.number(2), hour < 24, minute < 60, second < 60
        else { return nil }
        if parser.take(0x2E) {  // fractional seconds: at least one digit, dropped
            guard parser.digitRun() > 0 else { return nil }
        }
        var offset: Int64 = 0
        if parser.take(0x5A) || parser.take(0x7A) {  // Z, z
        } else if let sign = parser.sign(), let offsetHours = parser.number(2), parser.take(0x3A),
                  let offsetMinutes = parser.number(2), offsetHours < 24, offsetMinutes < 60 {
            offset = sign * Int64(offsetHours * 3600 + offsetMinutes * 60)
        } else {
            return nil
        }
        guard parser.atEnd else { return nil }
        let seconds = date * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offset
        self.init(secondsSince1970: seconds)
    }

    /// `YYYY-MM-DD` → start of that UTC day. nil if bad.
    public init?(day text: some StringProtocol) {
        var parser = DigitScanner(Array(text.utf8))
        guard let days = parser.date(), parser.atEnd else { return nil }
        self.init(secondsSince1970: days * 86_400)
    }

    /// "2025-09-06T08:30:00Z"; fast (no DateFormatter): civil-from-days arithmetic.
    public var rfc3339: String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(20)
        appendRFC3339(to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Appends the RFC 3339 form as UTF-8 to `buffer` (used by the JSON encoder on the hot path).
    public func appendRFC3339(to buffer: inout [UInt8]) {
        let days = secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400
        let secondOfDay = Int(secondsSince1970 - days * 86_400)
        let (year, month, day) = Self.civil(fromDays: days)
        if year < 0 { buffer.append(0x2D) }
        let absoluteYear = Int(year.magnitude)
        if absoluteYear > 9999 { buffer.append(contentsOf: String(absoluteYear).utf8) }
        // "YYYY-MM-DDTHH:MM:SSZ" is filled in on the stack and appended at once: twenty single-byte
        // appends, each checking capacity and uniqueness, cost more than the arithmetic.
        var text: (UInt64, UInt64, UInt32) = (0, 0, 0)
        withUnsafeMutableBytes(of: &text) { text in
            func put(_ value: Int, at end: Int) {
                text[end] = UInt8(0x30 + value % 10)
                text[end - 1] = UInt8(0x30 + value / 10 % 10)
            }
            put(absoluteYear, at: 3)
            put(absoluteYear / 100, at: 1)
            text[4] = 0x2D
            put(month, at: 6)
            text[7] = 0x2D
            put(day, at: 9)
            text[10] = 0x54
            put(secondOfDay / 3600, at: 12)
            text[13] = 0x3A
            put(secondOfDay / 60 % 60, at: 15)
            text[16] = 0x3A
            put(secondOfDay % 60, at: 18)
            text[19] = 0x5A
            let from = absoluteYear > 9999 ? 4 : 0
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[from..<20]).assumingMemoryBound(to: UInt8.self))
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), Int(month), Int(day))
    }

    static func isLeap(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }
}

/// A cursor over ASCII bytes for the fixed-width fields of RFC 3339.
private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func number(_ width: Int) -> Int? {
        guard index + width <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<width {
            let byte = bytes[index + offset]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        index += width
        return value
    }

    mutating func digitRun() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        return index - start
    }

    mutating func sign() -> Int64? {
        if take(0x2B) { return 1 }
        if take(0x2D) { return -1 }
        return nil
    }

    /// `YYYY-MM-DD` → days since 1970-01-01, validating the day against the month.
    mutating func date() -> Int64? {
        guard let year = number(4), take(0x2D), let month = number(2), take(0x2D), let day = number(2),
              (1...12).contains(month), day >= 1
        else { return nil }
        let lengths = [31, Timestamp.isLeap(Int64(year)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return Timestamp.days(fromCivil: Int64(year), Int64(month), Int64(day))
    }
}
