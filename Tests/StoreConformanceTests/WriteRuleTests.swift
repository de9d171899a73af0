import Articles
import Foundation
import Locking
import Synchronization
import Testing

/// A new valid article for the newsroom.
func draft(_ id: String, slug: String? = nil, tags: [String] = ["aid"], related: [String] = []) -> Article {
    let created = Timestamp.at("2025-09-07T10:00:00Z")
    return Article(
        id: id, slug: slug ?? "story-\(id)", title: "Story \(id)", body: "Body of \(id).", category: "africa", tags: tags,
        status: .draft, createdAt: created, updatedAt: created, related: related)
}

@Suite(.timeLimit(.minutes(2)))
struct WriteRuleTests {
    @Test("a create takes the store's next version; each write raises the store's version by one", arguments: StoreKind.allCases)
    func versions(_ kind: StoreKind) throws {
        let store = try Newsroom.store(kind)
        #expect(store.version == 1)
        #expect(try store.article(ref: "n1")?.version == 1)
        let created = try store.save(draft("w1"), expected: nil)
        #expect(created.version == 2 && store.version == 2)
        var edited = created
        edited.title = "Edited"
        let saved = try store.save(edited, expected: 2)
        #expect(saved.version == 3 && store.version == 3)
        #expect(try store.article(ref: "w1") == saved)
        #expect(try store.currentVersion(ref: "story-w1").map { "\($0.id)@\($0.version)" } == "w1@3")
        try store.delete(id: "w1", expected: 3)
        #expect(store.version == 4)
        #expect(try store.article(ref: "w1") == nil)
    }

    @Test("stale or missing versions, taken slugs and reused ids are refused and change nothing", arguments: StoreKind.allCases)
    func conflicts(_ kind: StoreKind) throws {
        let store = try Newsroom.store(kind)
        let before = try store.allArticles()
        #expect(throws: ArticleStoreError.versionConflict(current: 1)) { try store.save(draft("n1"), expected: nil) }
        var n2 = try #require(try store.article(ref: "n2"))
        n2.title = "Stale"
        #expect(throws: ArticleStoreError.versionConflict(current: 1)) { try store.save(n2, expected: 7) }
        #expect(throws: ArticleStoreError.notFound(ref: "zz1")) { try store.save(draft("zz1"), expected: 1) }
        #expect(throws: ArticleStoreError.slugTaken("landslide-in-sudan")) { try store.save(draft("w2", slug: "landslide-in-sudan"), expected: nil) }
        #expect(throws: ArticleStoreError.notFound(ref: "zz1")) { try store.delete(id: "zz1", expected: nil) }
        #expect(throws: ArticleStoreError.versionConflict(current: 1)) { try store.delete(id: "n2", expected: 5) }
        #expect(store.version == 1)
        #expect(try store.allArticles() == before)

        try store.delete(id: "n10", expected: nil)
        #expect(throws: ArticleStoreError.invalid(ValidationError(problems: [.field("id", "belonged to a deleted article and is never reused")]))) {
            try store.save(draft("n10"), expected: nil)
        }
    }

    @Test("invalid articles list every problem, related ids must exist", arguments: StoreKind.allCases)
    func invalid(_ kind: StoreKind) throws {
        let store = try Newsroom.store(kind)
        var bad = draft("w3", related: ["n1", "nosuch"])
        bad.title = "  "
        bad.tags = ["Bad Tag"]
        do {
            try store.save(bad, expected: nil)
            Issue.record("an invalid article was saved")
        } catch ArticleStoreError.invalid(let error) {
            #expect(error.problems.map(\.name) == ["title", "tags[0]", "related[1]"])
        }
        #expect(store.version == 1)
        #expect(try store.article(ref: "w3") == nil)
    }

    @Test("a published article without publishedAt gets the time of the write; tags and search follow edits", arguments: StoreKind.allCases)
    func publishAndReindex(_ kind: StoreKind) throws {
        let store = try Newsroom.store(kind)
        var article = draft("w4", tags: ["volcano"])
        article.status = .published
        let before = Timestamp.now()
        let saved = try store.save(article, expected: nil)
        let publishedAt = try #require(saved.publishedAt)
        #expect(publishedAt >= before && publishedAt <= .now())
        let later = Timestamp(secondsSince1970: publishedAt.secondsSince1970 + 10)
        #expect(try listed(store, "tag=volcano", now: later) == ["w4"])
        #expect(try listed(store, "q=story w4", now: later) == ["w4"])
        var edited = saved
        edited.tags = ["earthquake"]
        edited.title = "Tremor felt"
        try store.save(edited, expected: saved.version)
        #expect(try listed(store, "tag=volcano", now: later) == [])
        #expect(try listed(store, "tag=earthquake", now: later) == ["w4"])
        #expect(try listed(store, "q=story w4", now: later) == [])
        #expect(try listed(store, "q=tremor", now: later) == ["w4"])
        try store.delete(id: "w4", expected: nil)
        #expect(try listed(store, "q=tremor", now: later) == [])
        #expect(try listed(store, "tag=earthquake", now: later) == [])
    }

    @Test("change handlers hear every write after it is visible, in commit order, with before and after", arguments: StoreKind.allCases)
    func changeEvents(_ kind: StoreKind) throws {
        let store = try Newsroom.store(kind)
        let heard = LockedValue<[String]>([])
        // weak: the store keeps its handlers, so a handler holding the store is a cycle that would keep the
        // store, and its temporary database, for the rest of the run (LeakSanitizer reported it).
        store.onChange { [weak store] change in
            // The write is already visible to readers when the handler runs.
            let visible = change.after.flatMap { try? store?.article(ref: $0.id) }?.version
            let line = "\(change.kind) \(change.before?.version ?? 0)->\(change.after?.version ?? 0) store \(change.storeVersion) seen \(visible ?? 0)"
            heard.withLock { $0.append(line) }
        }
        let created = try store.save(draft("w5"), expected: nil)
        var edited = created
        edited.summary = "Now with a summary."
        try store.save(edited, expected: created.version)
        #expect(throws: ArticleStoreError.self) { try store.save(edited, expected: created.version) }
        try store.delete(id: "w5", expected: nil)
        #expect(heard.withLock { $0 } == ["created 0->2 store 2 seen 2", "updated 2->3 store 3 seen 3", "deleted 3->0 store 4 seen 0"])
    }

    @Test("concurrent writers: every version once, handlers in commit order", arguments: StoreKind.allCases)
    func concurrentWrites(_ kind: StoreKind) throws {
        let store = try Newsroom.store(kind)
        let versions = LockedValue<[UInt64]>([])
        store.onChange { change in versions.withLock { $0.append(change.storeVersion) } }
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for round in 0..<10 {
                do {
                    let id = "c\(worker)x\(round)"
                    let saved = try store.save(draft(id), expected: nil)
                    _ = try store.articles(matching: ArticleQuery(), now: newsroomNow)
                    var edited = saved
                    edited.title = "Edited \(id)"
                    try store.save(edited, expected: saved.version)
                } catch {
                    failures.add(1, ordering: .relaxed)
                }
            }
        }
        #expect(failures.load(ordering: .relaxed) == 0)
        #expect(versions.withLock { $0 } == Array(2...161))
        #expect(store.version == 161)
        #expect(try store.countsByStatus()[.draft] == 81)
    }
}
