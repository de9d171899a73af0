/// The slots that a query's list filters admit (categories, tags wanted and excluded, authors, languages), one
/// bit per slot. A search tests a match's bit instead of reading its article: a filtered search of a common
/// word has tens of thousands of matches, and reading each one's tags and author was most of its time.
///
/// Built from the index's lists, so it costs what those lists hold (12.5 KB of bits per 100,000 slots).
/// The status, the publication window and `breaking` are not in it: the first two are checked on the slot's
/// status code and publish key, `breaking` on the article.
struct SlotMask {
    private var words: [UInt64]

    /// Nil when the filter asks for none of the listed fields (every slot would be in).
    init?(_ filter: QueryFilter, in index: MemoryIndex) {
        // Each group is a union of lists (one value of several asked for); every group must hold the slot.
        var groups: [[[Int32]]] = filter.tagsAll.map { [index.byTag[$0] ?? []] }
        if !filter.categories.isEmpty { groups.append(filter.categories.map { index.byCategory[$0] ?? [] }) }
        if !filter.tagsAny.isEmpty { groups.append(filter.tagsAny.map { index.byTag[$0] ?? [] }) }
        if !filter.authorKeys.isEmpty { groups.append(filter.authorKeys.map { index.byAuthor[$0] ?? [] }) }
        if !filter.languageKeys.isEmpty { groups.append(filter.languageKeys.map { index.byLanguage[$0] ?? [] }) }
        guard !groups.isEmpty || !filter.tagsExcluded.isEmpty else { return nil }

        let count = (index.entries.count + 63) / 64
        words = Array(repeating: groups.isEmpty ? ~0 : 0, count: count)
        for (number, group) in groups.enumerated() {
            let union = Self.union(group, words: count)
            if number == 0 {
                words = union
            } else {
                for word in 0..<count { words[word] &= union[word] }
            }
        }
        if !filter.tagsExcluded.isEmpty {
            let excluded = Self.union(filter.tagsExcluded.map { index.byTag[$0] ?? [] }, words: count)
            for word in 0..<count { words[word] &= ~excluded[word] }
        }
    }

    private static func union(_ lists: [[Int32]], words count: Int) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: count)
        for list in lists {
            for slot in list { words[Int(slot) >> 6] |= 1 << UInt64(slot & 63) }
        }
        return words
    }

    /// Whether `slot` passes the list filters.
    @inline(__always)
    func contains(_ slot: Int32) -> Bool {
        words.withUnsafeBufferPointer { $0[Int(slot) >> 6] } & (1 << UInt64(slot & 63)) != 0
    }
}
