@testable import Articles
import Testing

@Suite(.timeLimit(.minutes(1)))
struct PhraseMatcherTests {
    /// The word-list definition the matcher replaces: consecutive folded words, anywhere in the text.
    private func reference(_ phrase: [String], _ text: String) -> Bool {
        let words = TextFolding.words(in: text)
        guard words.count >= phrase.count else { return false }
        return (0...(words.count - phrase.count)).contains { words[$0..<($0 + phrase.count)].elementsEqual(phrase) }
    }

    @Test("Consecutive folded words anywhere: start, end, overlapping starts, diacritics; not apart or reordered")
    func cases() {
        let cases: [([String], String, Bool)] = [
            (["peace", "talks"], "Peace talks resume", true),
            (["peace", "talks"], "They resumed PEACE TALKS", true),
            (["peace", "talks"], "peace, talks", true),  // punctuation is not a word
            (["peace", "talks"], "peace and talks", false),
            (["peace", "talks"], "talks peace", false),
            (["a", "a", "b"], "a a a b", true),  // a partial match restarts one word later
            (["a", "b", "a", "c"], "a b a b a c", true),
            (["a", "b", "a", "c"], "a b a b a", false),
            (["sao", "paulo"], "Negociações à São Paulo", true),
            (["senegal"], "Sécheresse au SÉNÉGAL", true),
            (["senegal"], "Sécheresse au Sénégalais", false),
            (["word"], "", false),
        ]
        for (phrase, text, expected) in cases {
            #expect(PhraseMatcher(phrase).occurs(in: text) == expected, "\(phrase) in \(text)")
            #expect(reference(phrase, text) == expected, "reference: \(phrase) in \(text)")
        }
    }

    @Test("Agrees with the word-list definition over every two- and three-word phrase of a small vocabulary")
    func agreesWithReference() {
        let vocabulary = ["x", "y", "z"]
        let texts = ["x y z x y", "y y x z", "z", "x x y y z z", "Ÿ x ÿ z"]
        for first in vocabulary {
            for second in vocabulary {
                for third in [nil] + vocabulary {
                    let phrase = [first, second] + (third.map { [$0] } ?? [])
                    for text in texts {
                        #expect(PhraseMatcher(phrase).occurs(in: text) == reference(phrase, text), "\(phrase) in \(text)")
                    }
                }
            }
        }
    }
}
