import Articles

extension EventHub {
    /// A store change (on the writing thread, in commit order): the events readers of each view see.
    func apply(_ change: ArticleChange) {
        let now = Timestamp.now()
        state.withLock { state in
            let article = change.after ?? change.before
            guard let article else { return }
            let was = state.visible[article.id]
            let isVisible = change.after?.isVisible(at: now) ?? false
            let isBreaking = isVisible && change.after?.breaking == true
            state.visible[article.id] = isVisible ? change.after?.breaking : nil
            let all = ArticleEventKind(wasVisible: was != nil, isVisible: isVisible)
            let breaking = ArticleEventKind(wasVisible: was == true, isVisible: isBreaking)
            // A deleted event names the article as readers knew it.
            let named = isVisible ? (change.after ?? article) : (change.before ?? article)
            emit(article: named, all: all, breaking: breaking, state: &state)
        }
        scheduleRearm()
    }

    /// On the hub's queue when the timer fires: `published` for every article that has come due.
    func announceDue() {
        let now = Timestamp.now()
        var query = ArticleQuery()
        query.status = .visible
        query.to = now
        query.sort = .oldest
        query.limit = ArticleQuery.maximumLimit
        query.fields = ArticleField.allCases
        state.withLock { state in
            // From a second before the last look: the visible set drops what was already announced.
            query.from = Timestamp(secondsSince1970: state.dueCheckedThrough - 1)
            state.dueCheckedThrough = max(state.dueCheckedThrough, now.secondsSince1970)
            var page = 1
            while true {
                query.page = page
                guard let result = try? store.articles(matching: query, now: now) else { break }
                for article in result.articles where state.visible[article.id] == nil && article.isVisible(at: now) {
                    state.visible[article.id] = article.breaking
                    emit(article: article, all: .published, breaking: article.breaking ? .published : nil, state: &state)
                }
                if result.articles.count < query.limit || page * query.limit >= result.total { break }
                page += 1
            }
        }
        scheduleRearm()
    }
}
