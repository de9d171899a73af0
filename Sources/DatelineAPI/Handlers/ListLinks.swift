/// The `links` of a list and its `Link` header: the request's own query with `cursor` or `page` replaced.
struct ListLinks {
    let path: String
    let parameters: QueryParameters
    let rawQuery: String?

    /// The request as the client sent it.
    var selfLink: String {
        guard let rawQuery, !rawQuery.isEmpty else { return path }
        return path + "?" + rawQuery
    }

    /// The same query at the next cursor.
    func cursorLink(_ cursor: String) -> String {
        link(replacing: "cursor", with: cursor)
    }

    /// `self`, `first`, `prev`, `next` and `last` for page `page` of `pages` (prev/next only where they exist).
    func pageLinks(page: Int, pages: Int) -> [(rel: String, url: String)] {
        let last = max(pages, 1)
        var links: [(rel: String, url: String)] = [("self", selfLink), ("first", link(replacing: "page", with: "1"))]
        if page > 1 { links.append(("prev", link(replacing: "page", with: String(min(page - 1, last))))) }
        if page < pages { links.append(("next", link(replacing: "page", with: String(page + 1)))) }
        links.append(("last", link(replacing: "page", with: String(last))))
        return links
    }

    private func link(replacing name: String, with value: String) -> String {
        let rest = parameters.rawQuery(removing: [name, "cursor", "page"])
        return path + "?" + (rest.isEmpty ? "" : rest + "&") + name + "=" + value
    }
}
