@testable import Articles
import ArticlesTesting
import Testing

/// The byte-level word splitter (which hands most words over in place) against a plain reading of the rule,
/// scalar by scalar through `TextFolding.fold`.
@Suite struct TextFoldingTests {
    private func reference(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var started = false
        for scalar in text.unicodeScalars {
            switch TextFolding.fold(scalar) {
            case .letters(let folded):
                word += folded
                started = true
            case .mark:
                break
            case .separator:
                if started && !word.isEmpty { words.append(word) }
                word = ""
                started = false
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    @Test func agreesWithTheScalarRuleOnRandomText() {
        let pieces: [String] = [
            "a", "z", "Q", "0", "9", " ", "-", ",", "\n", "é", "E\u{301}", "\u{301}", "ß", "Æ", "ø", "Ł", "中", "😀",
            "Ω", "ı", "ǅ", "İ", "ﬁ", "²", "٣", "\u{200D}", "'", "’", "x", "news", "NEWS", "Straße",
        ]
        var random = TestRandom(state: 3)
        for _ in 0..<3000 {
            let text = (0..<random.int(0...14)).map { _ in random.pick(pieces) }.joined()
            #expect(TextFolding.words(in: text) == reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        let article = ArticleGenerator(seed: 9).generate(count: 20).map(\.body).joined(separator: " ")
        #expect(TextFolding.words(in: article) == reference(article))
    }
}
