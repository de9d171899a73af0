import Foundation

/// The one folding of text into words, shared by the search index, search queries and slugs: words are runs of
/// Unicode letters and digits, lowercased, with diacritics removed and a few Latin letters spelled out
/// (é→e, ã→a, ß→ss, ø→o, æ→ae, œ→oe, ł→l, đ→d, þ→th).
public enum TextFolding {
    /// The folded words of `text`, in order.
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with the folded UTF-8 bytes of each word of `text`, in order (the buffer is only valid
    /// during the call). Works on the UTF-8 bytes: ASCII is folded inline, other scalars through `fold`.
    /// A word that is already folded (lowercase ASCII letters and digits: most words) is handed over as a
    /// slice of the text itself; only other words are copied into a buffer as they are folded.
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            // Locals only (no captured vars), so there are no dynamic exclusivity checks in this loop.
            var word: [UInt8] = []
            word.reserveCapacity(64)
            // The current word: from `start` in the text while `inPlace`, else in `word`.
            var start = -1
            var inPlace = true
            var index = 0
            let count = utf8.count
            while index < count {
                let byte = base[index]
                if byte < 0x80 {
                    if byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39 {
                        if start < 0 {
                            start = index
                            inPlace = true
                        } else if !inPlace {
                            word.append(byte)
                        }
                        index += 1
                        continue
                    }
                    if byte >= 0x41 && byte <= 0x5A {
                        if start < 0 {
                            start = index
                            inPlace = false
                            word.removeAll(keepingCapacity: true)
                        } else if inPlace {
                            inPlace = false
                            word.removeAll(keepingCapacity: true)
                            word.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start))
                        }
                        word.append(byte | 0x20)
                        index += 1
                        continue
                    }
                    index += 1
                    // A separator ends the word.
                    if start >= 0 {
                        if inPlace {
                            body(UnsafeBufferPointer(start: base + start, count: index - 1 - start))
                        } else if !word.isEmpty {
                            word.withUnsafeBufferPointer(body)
                        }
                        start = -1
                    }
                    continue
                }
                // A multi-byte scalar; the String guarantees well-formed UTF-8.
                var value: UInt32
                let length: Int
                if byte < 0xE0 {
                    value = UInt32(byte & 0x1F)
                    length = 2
                } else if byte < 0xF0 {
                    value = UInt32(byte & 0x0F)
                    length = 3
                } else {
                    value = UInt32(byte & 0x07)
                    length = 4
                }
                for offset in 1..<length { value = value << 6 | UInt32(base[index + offset] & 0x3F) }
                let scalarStart = index
                index += length
                switch fold(Unicode.Scalar(value) ?? " ") {
                case .letters(let folded):
                    if start < 0 {
                        start = scalarStart
                        word.removeAll(keepingCapacity: true)
                    } else if inPlace {
                        word.removeAll(keepingCapacity: true)
                        word.append(contentsOf: UnsafeBufferPointer(start: base + start, count: scalarStart - start))
                    }
                    inPlace = false
                    word.append(contentsOf: folded.utf8)
                case .mark:
                    // Part of the word (or of none), adds nothing: a word in place must be copied without it.
                    if start >= 0 && inPlace {
                        word.removeAll(keepingCapacity: true)
                        word.append(contentsOf: UnsafeBufferPointer(start: base + start, count: scalarStart - start))
                        inPlace = false
                    }
                case .separator:
                    if start >= 0 {
                        if inPlace {
                            body(UnsafeBufferPointer(start: base + start, count: scalarStart - start))
                        } else if !word.isEmpty {
                            word.withUnsafeBufferPointer(body)
                        }
                        start = -1
                    }
                }
            }
            if start >= 0 {
                if inPlace {
                    body(UnsafeBufferPointer(start: base + start, count: count - start))
                } else if !word.isEmpty {
                    word.withUnsafeBufferPointer(body)
                }
            }
        }
    }

    /// What one scalar contributes to a word.
    enum Folded: Equatable {
        /// A letter or digit, folded (lowercase, no diacritics); may be several letters (ß → ss).
        case letters(String)
        /// A combining mark: part of the word, contributes nothing.
        case mark
        /// Ends a word.
        case separator
    }

    /// Folds one scalar (any, ASCII included).
    static func fold(_ scalar: Unicode.Scalar) -> Folded {
        let value = scalar.value
        if value < 0x80 {
            let byte = UInt8(value)
            if byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39 { return .letters(String(scalar)) }
            if byte >= 0x41 && byte <= 0x5A { return .letters(String(Unicode.Scalar(byte + 0x20))) }
            return .separator
        }
        if value >= 0xC0, value < 0x2B0, let cached = latinTable[Int(value - 0xC0)] { return cached }
        if value >= 0x1E00, value < 0x1F00, let cached = latinExtendedAdditional[Int(value - 0x1E00)] {
            return cached
        }
        return computeFold(scalar)
    }

    private static let special: [UInt32: String] = [
        0xDF: "ss", 0x1E9E: "ss", 0xE6: "ae", 0xC6: "ae", 0x153: "oe", 0x152: "oe", 0xF8: "o", 0xD8: "o",
        0x142: "l", 0x141: "l", 0x111: "d", 0x110: "d", 0xF0: "d", 0xD0: "d", 0xFE: "th", 0xDE: "th",
        0x131: "i", 0x127: "h", 0x126: "h", 0x167: "t", 0x166: "t", 0x138: "k", 0x14B: "n", 0x14A: "n",
        0x1C4: "dz", 0x1C5: "dz", 0x1C6: "dz", 0x1C7: "lj", 0x1C8: "lj", 0x1C9: "lj", 0x1CA: "nj", 0x1CB: "nj",
        0x1CC: "nj", 0x132: "ij", 0x133: "ij", 0x180: "b", 0x183: "b", 0x188: "c", 0x192: "f", 0x199: "k",
        0x19A: "l", 0x1B6: "z", 0x1E5: "g", 0x24F: "y", 0x247: "e", 0x249: "j",
    ]

    // Latin-1 Supplement and Latin Extended-A/B, folded once (the letters of European and African languages).
    private static let latinTable: [Folded?] = (0xC0..<0x2B0).map { value in
        Unicode.Scalar(UInt32(value)).map(computeFold)
    }

    // Latin Extended Additional (Vietnamese, Welsh ...).
    private static let latinExtendedAdditional: [Folded?] = (0x1E00..<0x1F00).map { value in
        Unicode.Scalar(UInt32(value)).map(computeFold)
    }

    private static func computeFold(_ scalar: Unicode.Scalar) -> Folded {
        if let spelled = special[scalar.value] { return .letters(spelled) }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            break
        default:
            return .separator
        }
        // Canonical decomposition, then drop the combining marks: é → e + ◌́ → e.
        var folded = ""
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch part.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                if let spelled = special[part.value] {
                    folded += spelled
                } else {
                    folded += part.properties.lowercaseMapping
                }
            }
        }
        return folded.isEmpty ? .mark : .letters(folded)
    }
}
