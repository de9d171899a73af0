import Dispatch
import Foundation

/// The in-memory store's data: the articles by slot, and posting lists over slots.
///
/// - Lists by status, category, tag, author (lowercased) and language (lowercased), and `all`, hold slots in
///   publish order: publish key descending, then id descending. The publish key is `publishedAt`, or
///   `createdAt` for an article never published (so drafts sort by when they were started).
/// - The inverted index maps a folded word to postings (slot ascending) with the fields it occurs in, and
///   each pair of adjacent words of one text (title, summary, a tag, body) to postings the same way: a
///   two-word phrase is answered from its pair's postings alone, a longer one read only where all its pairs are.
/// - Per slot, the publish key, the status and the breaking flag sit in flat arrays, so a search checks them
///   for each match without touching the article.
/// - A slot is never reused: a replaced or deleted article's slot becomes nil, a replacement gets a new slot,
///   so postings stay in slot order by appending.
/// - Removing an article leaves its postings behind (readers skip slots whose entry is nil): taking them out
///   one by one moved every common word's long list on every write. Once they make up a third of all
///   postings a sweep starts, and each removal then sweeps a slice of the lists (`continueSweep`), so memory
///   stays bounded and no write holds the lock for a whole sweep.
/// Not thread-safe: `MemoryStore` guards it with a read-write lock.
struct MemoryIndex {
    /// One stored article with its precomputed keys. A class, so the hot loops read fields in place
    /// instead of copying a whole article.
    final class Entry {
        let article: Article
        let publishKey: Int64
        let authorKey: String?
        let languageKey: String
        /// How many postings (words and word pairs) name this article (counted as dead once it is removed).
        var postingCount = 0

        init(article: Article) {
            self.article = article
            publishKey = (article.publishedAt ?? article.createdAt).secondsSince1970
            authorKey = article.author?.lowercased()
            languageKey = article.language.lowercased()
        }
    }

    /// Field bits of a posting.
    enum FieldBit {
        static let title: UInt8 = 1
        static let summary: UInt8 = 2
        static let tags: UInt8 = 4
        static let body: UInt8 = 8
        static let all: UInt8 = title | summary | tags | body
    }

    var entries: [Entry?] = []
    var slotByID: [String: Int32] = [:]
    var slotBySlug: [String: Int32] = [:]
    var all: [Int32] = []
    var byStatus: [ArticleStatus: [Int32]] = [:]
    var byCategory: [String: [Int32]] = [:]
    var byTag: [String: [Int32]] = [:]
    var byAuthor: [String: [Int32]] = [:]
    var byLanguage: [String: [Int32]] = [:]
    var vocabulary = TermTable()
    /// Per term id, `PackedPosting`s in slot order.
    var postings: [[UInt32]] = []
    /// Adjacent word pairs, and per pair id its postings in slot order (four times as many as the words':
    /// delta-encoded, `CompactPostings`).
    var pairs = PairTable()
    var pairPostings: [CompactPostings] = []
    /// Per slot: the publish key, and the status code (`StatusCode`; 0 once the slot's article is removed).
    var slotKeys: [Int64] = []
    var slotStatus: [UInt8] = []
    /// Per slot, whether the article is breaking news (a slot's article never changes, so set once).
    var slotBreaking: [Bool] = []
    /// Postings of live articles, and ones left behind by removed articles (swept by `continueSweep`).
    var livePostings = 0
    var deadPostings = 0
    /// The sweep of left-behind postings under way, if one is.
    var sweep: SweepPass?
    /// Published articles (scheduled included) per category, tag and author key: facets subtract the scheduled.
    var publishedCategoryCounts: [String: Int] = [:]
    var publishedTagCounts: [String: Int] = [:]
    var publishedAuthorCounts: [String: Int] = [:]
    /// When the next slot would reach this, `insert` renumbers the slots (`PackedPosting.slotLimit`; tests
    /// lower it).
    var slotLimit = PackedPosting.slotLimit

    /// `slotStatus` values.
    enum StatusCode {
        static let removed: UInt8 = 0
        static func of(_ status: ArticleStatus) -> UInt8 {
            switch status {
            case .draft: 1
            case .published: 2
            case .archived: 3
            }
        }
    }

    @inline(__always)
    func entry(_ slot: Int32) -> Entry {
        entries[Int(slot)].unsafelyUnwrapped
    }

    @inline(__always)
    func article(_ slot: Int32) -> Article {
        entries[Int(slot)].unsafelyUnwrapped.article
    }

    func slot(ref: String) -> Int32? {
        slotByID[ref] ?? slotBySlug[ref]
    }

    // MARK: Building

    /// Indexes `articles` (already validated, ids and slugs unique) into an empty index.
    mutating func build(_ articles: [Article]) {
        entries.reserveCapacity(articles.count)
        slotKeys.reserveCapacity(articles.count)
        slotStatus.reserveCapacity(articles.count)
        slotBreaking.reserveCapacity(articles.count)
        for article in articles {
            let slot = Int32(entries.count)
            appendEntry(Entry(article: article))
            slotByID[article.id] = slot
            slotBySlug[article.slug] = slot
        }
        let order = PublishOrder(entries: entries)
        let ordered = (0..<Int32(entries.count)).sorted(by: order.precedes)
        for slot in ordered {
            updateLists(slot, .append)
            count(entry(slot).article, by: 1)
        }
        indexTermsInParallel(articles)
    }

    private mutating func appendEntry(_ entry: Entry) {
        entries.append(entry)
        slotKeys.append(entry.publishKey)
        slotStatus.append(StatusCode.of(entry.article.status))
        slotBreaking.append(entry.article.breaking)
    }

    /// Folds the articles' words on every core, a wave of batches at a time (so the batches' memory stays
    /// small), and merges each wave into the postings in slot order.
    private mutating func indexTermsInParallel(_ articles: [Article]) {
        let batchSize = 2048
        let parallel = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        var start = 0
        while start < articles.count {
            let wave = (0..<parallel).map { index -> Range<Int> in
                let lower = min(articles.count, start + index * batchSize)
                return lower..<min(articles.count, lower + batchSize)
            }.filter { !$0.isEmpty }
            let batches = Self.foldConcurrently(articles, wave)
            for (range, batch) in zip(wave, batches) { merge(batch, firstSlot: Int32(range.lowerBound)) }
            start = wave.last!.upperBound
        }
    }

    private static func foldConcurrently(_ articles: [Article], _ ranges: [Range<Int>]) -> [TermBatch] {
        let results = UnsafeMutableBufferPointer<TermBatch>.allocate(capacity: ranges.count)
        defer { results.deinitialize().deallocate() }
        // Each iteration initializes its own element, and concurrentPerform returns after all of them.
        let slots = BatchSlots(base: results.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
            (slots.base + index).initialize(to: TermBatch(articles[ranges[index]]))
        }
        return Array(results)
    }

    /// Where the concurrent folds put their batches, one element each.
    private struct BatchSlots: @unchecked Sendable {
        let base: UnsafeMutablePointer<TermBatch>
    }

    private mutating func merge(_ batch: TermBatch, firstSlot: Int32) {
        let global = (0..<batch.vocabulary.count).map { local in
            batch.vocabulary.withWord(local) { vocabulary.id(inserting: $0) }
        }
        let globalPairs = batch.pairs.keys.map { key in
            pairs.id(inserting: PairTable.key(global[Int(key >> 32)], global[Int(key & 0xFFFF_FFFF)]))
        }
        if pairPostings.count < pairs.count {
            pairPostings.append(contentsOf: repeatElement(CompactPostings(), count: pairs.count - pairPostings.count))
        }
        for (local, run) in batch.pairRuns.enumerated() {
            pairPostings[Int(globalPairs[local])].append(
                slot: firstSlot + Int32(run.first >> 4), fields: UInt8(run.first & 0xF), gaps: batch.pairBytes[run.bytes],
                lastSlot: firstSlot + run.last, count: Int(run.count))
        }
        var begin = 0
        var pairBegin = 0
        for (offset, end) in batch.ends.enumerated() {
            let slot = firstSlot + Int32(offset)
            for value in batch.packed[begin..<end] {
                let term = Int(global[Int(value >> 4)])
                if term == postings.count { postings.append([]) }
                postings[term].append(PackedPosting.make(slot: slot, fields: UInt8(value & 0xF)))
            }
            let pairEnd = batch.pairEnds[offset]
            let count = (end - begin) + (pairEnd - pairBegin)
            entry(slot).postingCount = count
            livePostings += count
            begin = end
            pairBegin = pairEnd
        }
    }

    /// Adds one article under a new slot.
    mutating func insert(_ article: Article) {
        if entries.count >= slotLimit { renumberSlots() }
        let slot = Int32(entries.count)
        appendEntry(Entry(article: article))
        slotByID[article.id] = slot
        slotBySlug[article.slug] = slot
        updateLists(slot, .insert)
        count(article, by: 1)
        indexTerms(slot)
    }

    /// Removes the article in `slot` from every list.
    mutating func remove(slot: Int32) {
        let entry = entry(slot)
        updateLists(slot, .remove)
        count(entry.article, by: -1)
        livePostings -= entry.postingCount
        deadPostings += entry.postingCount
        slotByID[entry.article.id] = nil
        if slotBySlug[entry.article.slug] == slot { slotBySlug[entry.article.slug] = nil }
        entries[Int(slot)] = nil
        slotStatus[Int(slot)] = StatusCode.removed
        continueSweep()
    }

    /// Rebuilds the index over the live articles, in slot order, so their slots are dense again: slots are
    /// never reused, and a posting has room for `PackedPosting.slotLimit` of them (about 268 million writes).
    mutating func renumberSlots() {
        var fresh = MemoryIndex()
        fresh.slotLimit = slotLimit
        fresh.build(entries.compactMap { $0?.article })
        self = fresh
    }

    enum ListChange {
        case append, insert, remove
    }

    /// Adds `slot` to (or removes it from) every publish-ordered list its article belongs in.
    private mutating func updateLists(_ slot: Int32, _ change: ListChange) {
        let order = PublishOrder(entries: entries)
        let entry = order.entries[Int(slot)].unsafelyUnwrapped
        let article = entry.article
        order.apply(change, slot, to: &all)
        order.apply(change, slot, to: &byStatus[article.status, default: []])
        order.apply(change, slot, to: &byCategory[article.category, default: []])
        for tag in article.tags { order.apply(change, slot, to: &byTag[tag, default: []]) }
        if let author = entry.authorKey { order.apply(change, slot, to: &byAuthor[author, default: []]) }
        order.apply(change, slot, to: &byLanguage[entry.languageKey, default: []])
    }

    private mutating func count(_ article: Article, by delta: Int) {
        guard article.status == .published else { return }
        publishedCategoryCounts[article.category, default: 0] += delta
        for tag in article.tags { publishedTagCounts[tag, default: 0] += delta }
        if let author = article.author?.lowercased() { publishedAuthorCounts[author, default: 0] += delta }
    }

    // MARK: Words

    private mutating func indexTerms(_ slot: Int32) {
        var count = 0
        // The article's word pairs and their fields, gathered first: a compact list cannot amend its last posting.
        var pairFields: [Int32: UInt8] = [:]
        let article = entry(slot).article
        addWords(of: article.title, field: FieldBit.title, slot: slot, count: &count, pairs: &pairFields)
        if let summary = article.summary {
            addWords(of: summary, field: FieldBit.summary, slot: slot, count: &count, pairs: &pairFields)
        }
        for tag in article.tags { addWords(of: tag, field: FieldBit.tags, slot: slot, count: &count, pairs: &pairFields) }
        addWords(of: article.body, field: FieldBit.body, slot: slot, count: &count, pairs: &pairFields)
        for (pair, fields) in pairFields { pairPostings[Int(pair)].append(slot: slot, fields: fields) }
        count += pairFields.count
        entry(slot).postingCount = count
        livePostings += count
    }

    /// Adds `slot` with `field` to the postings of every word of `text`, and gathers its pairs of adjacent words.
    private mutating func addWords(
        of text: String, field: UInt8, slot: Int32, count: inout Int, pairs pairFields: inout [Int32: UInt8]
    ) {
        var previous: Int32 = -1
        TextFolding.forEachWord(in: text) { bytes in
            let term = vocabulary.id(inserting: bytes)
            if Int(term) == postings.count { postings.append([]) }
            if Self.add(slot, field, to: &postings[Int(term)]) { count += 1 }
            if previous >= 0 {
                let pair = pairs.id(inserting: PairTable.key(previous, term))
                if Int(pair) == pairPostings.count { pairPostings.append(CompactPostings()) }
                pairFields[pair, default: 0] |= field
            }
            previous = term
        }
    }

    /// Appends a posting for `slot` (the highest slot yet), or adds `field` to the one it has; true if new.
    private static func add(_ slot: Int32, _ field: UInt8, to list: inout [UInt32]) -> Bool {
        if let last = list.last, PackedPosting.slot(last) == slot {
            list[list.count - 1] = last | UInt32(field)
            return false
        }
        list.append(PackedPosting.make(slot: slot, fields: field))
        return true
    }
}

/// Publish order over a snapshot of the entries: publish key descending, then id descending.
struct PublishOrder {
    let entries: [MemoryIndex.Entry?]

    @inline(__always)
    func precedes(_ a: Int32, _ b: Int32) -> Bool {
        let left = entries[Int(a)].unsafelyUnwrapped
        let right = entries[Int(b)].unsafelyUnwrapped
        if left.publishKey != right.publishKey { return left.publishKey > right.publishKey }
        return left.article.id > right.article.id
    }

    /// The first index in `list` whose slot does not precede `slot`.
    func index(of slot: Int32, in list: [Int32]) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if precedes(list[middle], slot) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    func apply(_ change: MemoryIndex.ListChange, _ slot: Int32, to list: inout [Int32]) {
        switch change {
        case .append:
            list.append(slot)
        case .insert:
            list.insert(slot, at: index(of: slot, in: list))
        case .remove:
            let found = index(of: slot, in: list)
            if found < list.count, list[found] == slot {
                list.remove(at: found)
            } else if let fallback = list.firstIndex(of: slot) {
                list.remove(at: fallback)  // never expected; keeps the lists right whatever happened
            }
        }
    }
}
