/// Splits a raw query string into form-decoded (name, value) pairs.
///
/// `+` is a space and `%XX` a byte (application/x-www-form-urlencoded), so `%2C` is `,` and `%7C` is `|`;
/// a raw `|` is accepted as it is. A malformed escape or a decoded value that is not UTF-8 is reported by
/// name rather than guessed at.
struct QueryParameters {
    private(set) var pairs: [(name: String, value: String)] = []
    /// Raw (still encoded) `name=value` pieces in order, for rebuilding links.
    private(set) var rawPieces: [(name: String, piece: Substring)] = []
    private(set) var malformed: [Problem.Entry] = []

    init(_ query: String?) {
        guard let query, !query.isEmpty else { return }
        // Split at the bytes `&` and `=`, not the Characters: followed by a combining mark (raw UTF-8 in a
        // query) either would be part of another grapheme and not be found.
        for pieceBytes in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let piece = Substring(pieceBytes)
            let rawName: Substring
            let rawValue: Substring
            if let equals = pieceBytes.firstIndex(of: UInt8(ascii: "=")) {
                rawName = Substring(pieceBytes[..<equals])
                rawValue = Substring(pieceBytes[pieceBytes.index(after: equals)...])
            } else {
                rawName = piece
                rawValue = ""
            }
            guard let name = Self.formDecode(rawName) else {
                malformed.append(.parameter(String(rawName), "is not valid percent-encoded UTF-8"))
                continue
            }
            rawPieces.append((name, piece))
            guard let value = Self.formDecode(rawValue) else {
                malformed.append(.parameter(name, "has a value that is not valid percent-encoded UTF-8"))
                continue
            }
            pairs.append((name, value))
        }
    }

    /// The first value given for `name`.
    func value(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Names that are neither allowed nor ignorable (`_`-prefixed cache busters), each with a suggestion.
    func unknown(allowed: [String]) -> [Problem.Entry] {
        var seen = Set<String>()
        var entries: [Problem.Entry] = []
        for (name, _) in rawPieces where !name.hasPrefix("_") && !allowed.contains(name) && seen.insert(name).inserted {
            var message = "unknown parameter '\(name)'"
            if let suggestion = Self.closest(to: name, in: allowed) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; known parameters are \(allowed.joined(separator: ", "))"
            }
            entries.append(.parameter(name, message))
        }
        return entries
    }

    /// Pairs of the names `allowed`, for handing to a parser that ignores the rest.
    func pairs(in allowed: [String]) -> [(name: String, value: String)] {
        pairs.filter { allowed.contains($0.name) }
    }

    /// The raw query without the named parameters, to which a link appends its own.
    func rawQuery(removing names: Set<String>) -> String {
        rawPieces.filter { !names.contains($0.name) }.map { String($0.piece) }.joined(separator: "&")
    }

    static func formDecode(_ raw: Substring) -> String? {
        percentDecode(raw, plusIsSpace: true)
    }

    /// Decodes `%XX` escapes (and `+` as a space when `plusIsSpace`); nil for a bad escape or non-UTF-8.
    static func percentDecode(_ raw: Substring, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        var iterator = raw.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The allowed name within a small edit distance of `name`, if any.
    static func closest(to name: String, in candidates: [String]) -> String? {
        let lowered = name.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(Array(lowered.utf8), Array(candidate.utf8))
            let tolerance = max(1, min(3, candidate.count / 3))
            guard distance <= tolerance else { continue }
            if distance < best?.distance ?? Int.max { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit ("catgory" → "category").
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
