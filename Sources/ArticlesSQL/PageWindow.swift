import Articles

/// Where a page of a list starts and how many rows it reads: a numbered page skips the pages before it and
/// reads `limit` rows; a cursor page skips nothing and reads one more than `limit`, which tells whether there
/// is a next page.
struct PageWindow {
    /// Rows before the page.
    var skip: Int
    /// Rows to read.
    var wanted: Int

    /// The window of `query` over `total` matches; nil when its numbered page lies past the last.
    init?(_ query: ArticleQuery, total: Int) {
        if let page = query.page {
            let skipped = (page - 1).multipliedReportingOverflow(by: query.limit)
            guard !skipped.overflow, skipped.partialValue < total else { return nil }
            skip = skipped.partialValue
            wanted = query.limit
        } else {
            skip = 0
            wanted = query.limit + 1
        }
    }
}
