extension MemoryIndex {
    /// Facet counts over what readers see at `now`: the published counts kept on every write, less the
    /// scheduled articles (the head of the published list), most first, then name ascending.
    func facets(_ kind: FacetKind, prefix: String?, limit: Int?, now: Timestamp) -> [Facet] {
        var counts: [String: Int]
        switch kind {
        case .category: counts = publishedCategoryCounts
        case .tag: counts = publishedTagCounts
        case .author: counts = publishedAuthorCounts
        }
        let published = byStatus[.published] ?? []
        for slot in published {
            let entry = entry(slot)
            guard entry.publishKey > now.secondsSince1970 else { break }
            switch kind {
            case .category: counts[entry.article.category, default: 0] -= 1
            case .tag: for tag in entry.article.tags { counts[tag, default: 0] -= 1 }
            case .author: if let author = entry.authorKey { counts[author, default: 0] -= 1 }
            }
        }
        let loweredPrefix = kind == .tag ? prefix?.lowercased() : nil
        var facets: [Facet] = []
        facets.reserveCapacity(counts.count)
        for (name, count) in counts where count > 0 {
            if let loweredPrefix, !name.hasPrefix(loweredPrefix) { continue }
            facets.append(Facet(name: kind == .author ? authorName(key: name, now: now) : name, count: count))
        }
        facets.sort { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
        if let limit, limit < facets.count { facets.removeSubrange(max(0, limit)...) }
        return facets
    }

    /// How the newest visible article by this author spells the name.
    private func authorName(key: String, now: Timestamp) -> String {
        for slot in byAuthor[key] ?? [] {
            let article = entry(slot).article
            if article.isVisible(at: now), let author = article.author { return author }
        }
        return key
    }
}
