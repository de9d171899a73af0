/// Finds a phrase (folded words, in order, next to each other) in a text without building its word list.
///
/// A common phrase over 100,000 articles checks tens of thousands of bodies per uncached query: splitting each
/// into an array of `String`s cost seconds. This walks the folded words in place (`TextFolding.forEachWord`)
/// and tracks every partial match at once in one bit mask (the shift-and algorithm): bit `i` set means the
/// last `i` words equal the phrase's first `i`.
struct PhraseMatcher {
    private let words: [[UInt8]]

    /// `phrase`: folded words, 1 to 63 of them (longer phrases are cut: `SearchQuery` never makes one).
    init(_ phrase: [String]) {
        words = phrase.prefix(63).map { Array($0.utf8) }
    }

    func occurs(in text: String) -> Bool {
        guard !words.isEmpty else { return true }
        let complete: UInt64 = 1 << UInt64(words.count)
        var partial: UInt64 = 1
        var found = false
        TextFolding.forEachWord(in: text) { word in
            guard !found else { return }
            var equal: UInt64 = 0
            for (index, phraseWord) in words.enumerated() where phraseWord.count == word.count {
                if phraseWord.withUnsafeBufferPointer({ $0.elementsEqual(word) }) { equal |= 1 << UInt64(index) }
            }
            partial = 1 | ((partial & equal) << 1)
            if partial & complete != 0 { found = true }
        }
        return found
    }
}
