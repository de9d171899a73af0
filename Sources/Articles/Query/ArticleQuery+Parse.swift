extension ArticleQuery {
    /// Parses already form-decoded (name, value) pairs of these names ONLY: q category tag author lang breaking
    /// from to sort limit cursor page fields status. Other names are ignored (the API layer reports unknown ones).
    /// Collects EVERY bad parameter and throws one ValidationError listing them all (location .parameter).
    ///
    /// In `category`, `author` and `lang` both `,` and `|` mean "any of" (an article has one of each), but not
    /// mixed. A parameter given twice is an error (combine the values instead).
    public static func parse(_ parameters: [(name: String, value: String)]) throws(ValidationError) -> ArticleQuery {
        var query = ArticleQuery()
        var problems: [FieldProblem] = []
        var seen: Set<String> = []
        var sortGiven: ArticleSort?
        var toIsDay = false
        func bad(_ name: String, _ message: String) { problems.append(.parameter(name, message)) }

        for (name, value) in parameters where parameterNames.contains(name) {
            guard seen.insert(name).inserted else {
                bad(name, "must be given only once; combine the values with ',' or '|'")
                continue
            }
            let trimmed = value.trimmingSpaces
            guard !trimmed.isEmpty else {
                bad(name, "must not be empty")
                continue
            }
            switch name {
            case "q":
                if let search = SearchQuery(trimmed) {
                    query.search = search
                } else {
                    bad(name, "must contain at least one word (letters or digits)")
                }
            case "category":
                if let values = anyOfList(trimmed, name, &problems) { query.categories = values.map { $0.lowercased() } }
            case "author":
                if let values = anyOfList(trimmed, name, &problems) { query.authors = values }
            case "lang":
                if let values = anyOfList(trimmed, name, &problems) { query.languages = values }
            case "tag":
                parseTags(trimmed, into: &query, &problems)
            case "breaking":
                switch trimmed {
                case "true": query.breaking = true
                case "false": query.breaking = false
                default: bad(name, "must be true or false")
                }
            case "from", "to":
                let isTo = name == "to"
                if let day = Timestamp(day: trimmed) {
                    if isTo {
                        query.to = Timestamp(secondsSince1970: day.secondsSince1970 + 86_399)
                        toIsDay = true
                    } else {
                        query.from = day
                    }
                } else if let instant = Timestamp(rfc3339: trimmed) {
                    if isTo { query.to = instant } else { query.from = instant }
                } else {
                    bad(name, "must be a date (2025-09-06) or an RFC 3339 time (2025-09-06T08:30:00Z)")
                }
            case "sort":
                if let sort = ArticleSort(rawValue: trimmed) {
                    sortGiven = sort
                } else {
                    bad(name, "must be one of newest, oldest, updated, relevance")
                }
            case "limit":
                if let limit = Int(trimmed), (1...maximumLimit).contains(limit) {
                    query.limit = limit
                } else {
                    bad(name, "must be a whole number between 1 and \(maximumLimit)")
                }
            case "page":
                if let page = Int(trimmed), page >= 1 {
                    query.page = page
                } else {
                    bad(name, "must be a whole number of at least 1")
                }
            case "cursor":
                if let cursor = ArticleCursor(encoded: trimmed) {
                    query.cursor = cursor
                } else {
                    bad(name, "is not a cursor this server issued; use the 'next' link of the previous page")
                }
            case "fields":
                parseFields(trimmed, into: &query, &problems)
            case "status":
                switch trimmed {
                case "draft": query.status = .draft
                case "published": query.status = .published
                case "archived": query.status = .archived
                case "any": query.status = .any
                default: bad(name, "must be one of draft, published, archived, any")
                }
            default:
                break
            }
        }

        if let sort = sortGiven {
            if sort == .relevance && query.search == nil && !seen.contains("q") {
                bad("sort", "relevance needs a search; add q= or pick newest, oldest or updated")
            } else {
                query.sort = sort
            }
        } else if query.search != nil {
            query.sort = .relevance
        }
        if let from = query.from, let to = query.to, from > to {
            bad("from", "must not be after 'to' (\(toIsDay ? "the end of that day" : to.rfc3339))")
        }
        if query.page != nil && seen.contains("cursor") {
            bad("page", "cannot be combined with cursor; use one or the other")
        }
        if let cursor = query.cursor, cursor.sort != query.sort, sortGiven != .relevance || query.search != nil {
            bad("cursor", "was made for sort=\(cursor.sort.rawValue), not sort=\(query.sort.rawValue); start again without it")
        }
        guard problems.isEmpty else { throw ValidationError(problems: problems) }
        return query
    }

    /// `a|b` or `a,b`: any of. Mixed separators and empty items are errors.
    private static func anyOfList(_ value: String, _ name: String, _ problems: inout [FieldProblem]) -> [String]? {
        let hasComma = value.utf8.contains(UInt8(ascii: ","))
        let hasBar = value.utf8.contains(UInt8(ascii: "|"))
        if hasComma && hasBar {
            problems.append(.parameter(name, "uses both ',' and '|'; use one of them"))
            return nil
        }
        let items = listItems(value, separatedBy: hasBar ? "|" : ",").map(\.trimmingSpaces)
        if items.contains(where: \.isEmpty) {
            problems.append(.parameter(name, "has an empty item; remove the extra separator"))
            return nil
        }
        var unique: [String] = []
        for item in items where !unique.contains(item) { unique.append(item) }
        return unique
    }

    private static func parseTags(_ value: String, into query: inout ArticleQuery, _ problems: inout [FieldProblem]) {
        let hasComma = value.utf8.contains(UInt8(ascii: ","))
        let hasBar = value.utf8.contains(UInt8(ascii: "|"))
        if hasComma && hasBar {
            problems.append(.parameter("tag", "uses both ',' (all of) and '|' (any of); use one of them"))
            return
        }
        let items = listItems(value, separatedBy: hasBar ? "|" : ",").map { $0.trimmingSpaces.lowercased() }
        if items.contains(where: { $0.isEmpty || $0 == "-" }) {
            problems.append(.parameter("tag", "has an empty item; remove the extra separator"))
            return
        }
        if hasBar {
            if items.contains(where: { $0.hasPrefix("-") }) {
                problems.append(.parameter("tag", "cannot exclude with '-' in an any-of ('|') list; use ',' for that"))
                return
            }
            for item in items where !query.tagsAny.contains(item) { query.tagsAny.append(item) }
            return
        }
        for item in items {
            if item.hasPrefix("-") {
                let tag = String(item.dropFirst())
                if !query.tagsExcluded.contains(tag) { query.tagsExcluded.append(tag) }
            } else if !query.tagsAll.contains(item) {
                query.tagsAll.append(item)
            }
        }
    }

    private static func parseFields(_ value: String, into query: inout ArticleQuery, _ problems: inout [FieldProblem]) {
        if value == "*" {
            query.fields = ArticleField.allCases
            return
        }
        var chosen: Set<ArticleField> = []
        var unknown: [String] = []
        for item in listItems(value, separatedBy: ",") {
            let name = item.trimmingSpaces
            if let field = ArticleField(rawValue: name) {
                chosen.insert(field)
            } else {
                unknown.append(name.isEmpty ? "''" : "'\(name)'")
            }
        }
        guard unknown.isEmpty else {
            let names = ArticleField.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append(.parameter("fields", "has unknown field \(unknown.joined(separator: ", ")); known fields: \(names), or *"))
            return
        }
        query.fields = ArticleField.allCases.filter(chosen.contains)
    }
}

extension String {
    /// Without leading and trailing spaces (form decoding turns `+` into spaces).
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { $0 != " " }) else { return "" }
        let last = lastIndex(where: { $0 != " " })!
        return String(self[first...last])
    }
}

/// The items of a list at every `separator` byte. A separator followed by a combining mark is not a Character
/// of its own, so a split by Character would join the items on either side of it (and `,\u{301}` would not
/// count as a comma at all); the query string itself is split the same way, by bytes.
private func listItems(_ value: String, separatedBy separator: Unicode.Scalar) -> [String] {
    value.utf8.split(separator: UInt8(ascii: separator), omittingEmptySubsequences: false).map { String(Substring($0)) }
}
