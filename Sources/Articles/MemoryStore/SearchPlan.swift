/// What a search reads: the distinct posting lists it needs (each plain term's, each phrase's adjacent word
/// pairs'), which of them score as terms, and per phrase its pairs' lists and, for three or more words, the
/// matcher that confirms it in the text (two-word phrases are exact from their pair's postings).
struct SearchPlan {
    enum Source: Equatable {
        case term(Int32)
        case pair(Int32)
    }

    struct Phrase {
        /// Indexes into `lists`: the phrase's word pairs.
        var lists: [Int]
        /// Nil for a two-word phrase.
        var matcher: PhraseMatcher?
    }

    private(set) var lists: [Source] = []
    private(set) var termLists: [Int] = []
    private(set) var phrases: [Phrase] = []

    /// Nil when some word or word pair occurs in no article: nothing matches.
    init?(_ search: SearchQuery, in index: MemoryIndex) {
        for word in search.terms {
            guard let term = index.vocabulary.id(of: word), !index.postings[Int(term)].isEmpty else { return nil }
            termLists.append(add(.term(term)))
        }
        for words in search.phrases {
            var terms: [Int32] = []
            for word in words {
                guard let term = index.vocabulary.id(of: word) else { return nil }
                terms.append(term)
            }
            var phrase = Phrase(lists: [], matcher: words.count > 2 ? PhraseMatcher(words) : nil)
            for (first, second) in zip(terms, terms.dropFirst()) {
                guard let pair = index.pairs.id(of: PairTable.key(first, second)), !index.pairPostings[Int(pair)].isEmpty
                else { return nil }
                let list = add(.pair(pair))
                if !phrase.lists.contains(list) { phrase.lists.append(list) }
            }
            phrases.append(phrase)
        }
    }

    private mutating func add(_ source: Source) -> Int {
        if let existing = lists.firstIndex(of: source) { return existing }
        lists.append(source)
        return lists.count - 1
    }
}
