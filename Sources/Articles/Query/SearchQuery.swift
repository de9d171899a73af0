/// q: words (letters/digits runs, folded: lowercase, diacritics removed) and "quoted phrases".
public struct SearchQuery: Sendable, Equatable {
    /// All must match as whole words.
    public var terms: [String]
    /// Each phrase's words must appear consecutively in one field.
    public var phrases: [[String]]

    /// Parses `text`; nil if it has no words at all. A quoted run of one word is a plain term; an unclosed
    /// quote runs to the end. Curly quotes (“ ”) count as quotes.
    public init?(_ text: String) {
        var terms: [String] = []
        var phrases: [[String]] = []
        var segment = ""
        var inPhrase = false
        func flush() {
            let words = TextFolding.words(in: segment)
            segment = ""
            if inPhrase && words.count > 1 {
                if !phrases.contains(words) { phrases.append(words) }
            } else {
                for word in words where !terms.contains(word) { terms.append(word) }
            }
        }
        for character in text {
            if character == "\"" || character == "“" || character == "”" {
                flush()
                inPhrase.toggle()
            } else {
                segment.append(character)
            }
        }
        flush()
        guard !terms.isEmpty || !phrases.isEmpty else { return nil }
        self.terms = terms
        self.phrases = phrases
    }

    /// Every distinct word the query needs (terms and phrase words).
    public var allWords: [String] {
        var words = terms
        for phrase in phrases {
            for word in phrase where !words.contains(word) { words.append(word) }
        }
        return words
    }
}
