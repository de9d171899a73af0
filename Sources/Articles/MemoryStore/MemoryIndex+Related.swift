extension MemoryIndex {
    /// The rail: the editor's visible `related` picks in order, then the other visible articles ranked by
    /// shared tags (more first), same category, recency (publishedAt desc, id desc). Never `article` itself.
    ///
    /// Articles sharing a tag outrank all others, so the category and recency lists (already in publish order)
    /// are only walked when the tag-sharing ones do not fill the rail.
    func related(to article: Article, limit: Int, now: Timestamp) -> [Article] {
        guard limit > 0 else { return [] }
        var chosen: [Article] = []
        var taken: Set<String> = [article.id]
        for id in article.related where chosen.count < limit {
            guard let slot = slotByID[id] else { continue }
            let candidate = self.article(slot)
            if candidate.isVisible(at: now), taken.insert(candidate.id).inserted { chosen.append(candidate) }
        }
        let wanted = limit - chosen.count
        guard wanted > 0 else { return chosen }

        // Shared-tag counts in a dense array (cheaper than a dictionary for the big tags).
        var shared = [UInt8](repeating: 0, count: entries.count)
        var touched: [Int32] = []
        for tag in Set(article.tags) {
            for slot in byTag[tag] ?? [] {
                if shared[Int(slot)] == 0 { touched.append(slot) }
                shared[Int(slot)] &+= 1
            }
        }
        // Keep the best `wanted` of them: more shared tags, then same category, then publish order.
        let order = PublishOrder(entries: entries)
        func isBetter(_ a: Int32, _ b: Int32) -> Bool {
            if shared[Int(a)] != shared[Int(b)] { return shared[Int(a)] > shared[Int(b)] }
            let aSame = entry(a).article.category == article.category
            let bSame = entry(b).article.category == article.category
            if aSame != bSame { return aSame }
            return order.precedes(a, b)
        }
        var best: [Int32] = []
        for slot in touched {
            let candidate = entry(slot).article
            guard candidate.isVisible(at: now), !taken.contains(candidate.id) else { continue }
            if best.count == wanted, let worst = best.last, !isBetter(slot, worst) { continue }
            let position = best.firstIndex { isBetter(slot, $0) } ?? best.count
            best.insert(slot, at: position)
            if best.count > wanted { best.removeLast() }
        }
        for slot in best {
            chosen.append(entry(slot).article)
            taken.insert(entry(slot).article.id)
        }

        // Then same category, newest first; then anything, newest first.
        let lists = [byCategory[article.category] ?? [], byStatus[.published] ?? []]
        for list in lists where chosen.count < limit {
            let firstVisible = partition(list) { entries[Int($0)].unsafelyUnwrapped.publishKey > now.secondsSince1970 }
            for slot in list[firstVisible...] where chosen.count < limit {
                let candidate = entry(slot).article
                guard shared[Int(slot)] == 0, candidate.isVisible(at: now), taken.insert(candidate.id).inserted else {
                    continue
                }
                chosen.append(candidate)
            }
        }
        return chosen
    }
}
