/// The folded words of a run of articles, gathered on one thread with a vocabulary of its own, so that
/// building the index folds text on every core; `MemoryIndex.build` then maps the batch's terms to the
/// shared vocabulary and appends the postings in slot order, on one thread.
struct TermBatch {
    /// The batch's own vocabulary: its term ids are local.
    var vocabulary = TermTable()
    /// Per article, its distinct local terms with the fields each occurs in (`term << 4 | fields`), in the
    /// order first met; article `i`'s run ends at `ends[i]`.
    private(set) var packed: [UInt32] = []
    private(set) var ends: [Int] = []
    /// Per local term: the article (index + 1) that last had it, and where in `packed` that posting is.
    private var lastArticle: [Int32] = []
    private var packedIndex: [Int32] = []

    init(_ articles: ArraySlice<Article>) {
        ends.reserveCapacity(articles.count)
        for (number, article) in articles.enumerated() {
            let marker = Int32(number + 1)
            add(article.title, MemoryIndex.FieldBit.title, marker)
            if let summary = article.summary { add(summary, MemoryIndex.FieldBit.summary, marker) }
            for tag in article.tags { add(tag, MemoryIndex.FieldBit.tags, marker) }
            add(article.body, MemoryIndex.FieldBit.body, marker)
            ends.append(packed.count)
        }
    }

    private mutating func add(_ text: String, _ field: UInt8, _ marker: Int32) {
        TextFolding.forEachWord(in: text) { bytes in
            let term = Int(vocabulary.id(inserting: bytes))
            if term == lastArticle.count {
                lastArticle.append(0)
                packedIndex.append(0)
            }
            if lastArticle[term] == marker {
                packed[Int(packedIndex[term])] |= UInt32(field)
            } else {
                lastArticle[term] = marker
                packedIndex[term] = Int32(packed.count)
                packed.append(UInt32(term) << 4 | UInt32(field))
            }
        }
    }
}
