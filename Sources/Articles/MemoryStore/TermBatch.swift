/// The folded words of a run of articles, gathered on one thread with a vocabulary of its own, so that
/// building the index folds text on every core; `MemoryIndex.build` then maps the batch's terms to the
/// shared vocabulary and appends the postings in slot order, on one thread.
///
/// Besides each word, each pair of adjacent words within one text (the title, the summary, one tag, the body:
/// a phrase never spans two of them) is gathered, for the phrase index.
struct TermBatch {
    /// The batch's own vocabulary: its term ids are local.
    var vocabulary = TermTable()
    /// The batch's own word pairs, keyed by local term ids.
    var pairs = PairTable()
    /// Per article, its distinct local terms with the fields each occurs in (`term << 4 | fields`), in the
    /// order first met; article `i`'s run ends at `ends[i]`.
    private(set) var packed: [UInt32] = []
    private(set) var ends: [Int] = []
    /// The same for word pairs while the articles are read (`pair << 4 | fields`); article `i`'s run ends
    /// at `pairEnds[i]`. Then regrouped by pair (`PairRun`s), and emptied.
    private var packedPairs: [UInt32] = []
    private(set) var pairEnds: [Int] = []
    /// Per local pair, its postings in this batch, ready to append to a `CompactPostings`.
    private(set) var pairRuns: [PairRun] = []
    /// The encoded gaps of every run after its first posting, run after run.
    private(set) var pairBytes: [UInt8] = []
    /// Per local term (and pair): the article (index + 1) that last had it, and where in `packed` that is.
    private var lastArticle: [Int32] = []
    private var packedIndex: [Int32] = []
    private var lastPairArticle: [Int32] = []
    private var pairPackedIndex: [Int32] = []

    init(_ articles: ArraySlice<Article>) {
        ends.reserveCapacity(articles.count)
        pairEnds.reserveCapacity(articles.count)
        for (number, article) in articles.enumerated() {
            let marker = Int32(number + 1)
            add(article.title, MemoryIndex.FieldBit.title, marker)
            if let summary = article.summary { add(summary, MemoryIndex.FieldBit.summary, marker) }
            for tag in article.tags { add(tag, MemoryIndex.FieldBit.tags, marker) }
            add(article.body, MemoryIndex.FieldBit.body, marker)
            ends.append(packed.count)
            pairEnds.append(packedPairs.count)
        }
        groupPairs()
    }

    /// One pair's postings in the batch: the first (article index in the batch, fields), the last article
    /// index, how many, and where the varint gaps of the others are in `pairBytes`.
    struct PairRun {
        var first: UInt32 = 0
        var last: Int32 = 0
        var count: Int32 = 0
        var bytes: Range<Int> = 0..<0
    }

    /// Regroups the pair postings by pair (a counting sort, in article order within each pair) and encodes
    /// each pair's gaps here, on the batch's thread: merging into the index is then a copy per pair rather
    /// than an append per posting on one thread (that was a quarter of the start-up at 100,000 articles).
    private mutating func groupPairs() {
        var starts = [Int](repeating: 0, count: pairs.count + 1)
        for value in packedPairs { starts[Int(value >> 4) + 1] += 1 }
        for pair in 0..<pairs.count { starts[pair + 1] += starts[pair] }
        var next = starts
        var grouped = [UInt32](repeating: 0, count: packedPairs.count)
        var begin = 0
        for (article, end) in pairEnds.enumerated() {
            for value in packedPairs[begin..<end] {
                let pair = Int(value >> 4)
                grouped[next[pair]] = UInt32(article) << 4 | (value & 0xF)
                next[pair] += 1
            }
            begin = end
        }
        packedPairs = []
        pairRuns = [PairRun](repeating: PairRun(), count: pairs.count)
        pairBytes.reserveCapacity(grouped.count * 2)
        for pair in 0..<pairs.count {
            let run = grouped[starts[pair]..<starts[pair + 1]]
            var previous = Int32(run.first! >> 4)
            let byteStart = pairBytes.count
            for value in run.dropFirst() {
                let article = Int32(value >> 4)
                CompactPostings.encode(UInt64(article - previous) << 4 | UInt64(value & 0xF), into: &pairBytes)
                previous = article
            }
            pairRuns[pair] = PairRun(first: run.first!, last: previous, count: Int32(run.count), bytes: byteStart..<pairBytes.count)
        }
    }

    private mutating func add(_ text: String, _ field: UInt8, _ marker: Int32) {
        var previous: Int32 = -1
        TextFolding.forEachWord(in: text) { bytes in
            let local = vocabulary.id(inserting: bytes)
            let term = Int(local)
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
            if previous >= 0 { addPair(PairTable.key(previous, local), field, marker) }
            previous = local
        }
    }

    private mutating func addPair(_ key: UInt64, _ field: UInt8, _ marker: Int32) {
        let pair = Int(pairs.id(inserting: key))
        if pair == lastPairArticle.count {
            lastPairArticle.append(0)
            pairPackedIndex.append(0)
        }
        if lastPairArticle[pair] == marker {
            packedPairs[Int(pairPackedIndex[pair])] |= UInt32(field)
        } else {
            lastPairArticle[pair] = marker
            pairPackedIndex[pair] = Int32(packedPairs.count)
            packedPairs.append(UInt32(pair) << 4 | UInt32(field))
        }
    }
}
