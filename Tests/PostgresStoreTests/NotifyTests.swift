import Articles
import Locking
import PostgresStore
import Testing

/// The changes a store's handlers were given, in order.
final class ChangeLog: Sendable {
    private let changes = LockedValue<[ArticleChange]>([])

    init(_ store: PostgresStore) {
        store.onChange { [self] change in append(change) }
    }

    private func append(_ change: ArticleChange) { changes.withLock { $0.append(change) } }

    var all: [ArticleChange] { changes.withLock { $0 } }
}

@Suite("PostgreSQL LISTEN/NOTIFY between instances", .timeLimit(.minutes(2)))
struct NotifyTests {
    @Test("A write on one store reaches another store's handlers: created, updated (old and new slug), deleted")
    func changesCrossInstances() async throws {
        try await TestDatabase.with { url in
            let a = try PostgresStore(url: url)
            let b = try PostgresStore(url: url)
            defer {
                a.close()
                b.close()
            }
            let seen = ChangeLog(b)
            try a.save(sampleArticle(id: "c1", slug: "old-slug", title: "Before"), expected: nil)
            #expect(await eventually { seen.all.count == 1 })
            let created = try #require(seen.all.first)
            #expect(created.kind == .created && created.before == nil)
            #expect(created.after?.title == "Before" && created.after?.version == 1 && created.storeVersion == 1)
            #expect(b.version == 1)

            var renamed = sampleArticle(id: "c1", slug: "new-slug", title: "After")
            renamed.createdAt = created.after!.createdAt
            try a.save(renamed, expected: 1)
            #expect(await eventually { seen.all.count == 2 })
            let updated = seen.all[1]
            #expect(updated.kind == .updated && updated.storeVersion == 2)
            #expect(updated.before?.id == "c1" && updated.before?.slug == "old-slug")
            #expect(updated.after?.slug == "new-slug" && updated.after?.title == "After")

            try a.delete(id: "c1", expected: 2)
            #expect(await eventually { seen.all.count == 3 })
            let deleted = seen.all[2]
            #expect(deleted.kind == .deleted && deleted.after == nil && deleted.storeVersion == 3)
            #expect(deleted.before?.id == "c1" && deleted.before?.slug == "new-slug")
            #expect(b.version == 3)
        }
    }

    @Test("Concurrent writes on two stores: each store's handlers see every change once, in version order")
    func commitOrder() async throws {
        try await TestDatabase.with { url in
            let a = try PostgresStore(url: url)
            let b = try PostgresStore(url: url)
            defer {
                a.close()
                b.close()
            }
            let seenByA = ChangeLog(a)
            let seenByB = ChangeLog(b)
            let writes = 40
            await withTaskGroup(of: Void.self) { group in
                for (name, store) in [("a", a), ("b", b)] {
                    group.addTask {
                        for number in 0..<writes {
                            _ = try? store.save(sampleArticle(id: "\(name)\(number)", slug: "\(name)-\(number)"), expected: nil)
                        }
                    }
                }
            }
            let total = 2 * writes
            #expect(await eventually { seenByA.all.count == total && seenByB.all.count == total })
            let expected = (1...UInt64(total)).map { $0 }
            #expect(seenByA.all.map(\.storeVersion) == expected)
            #expect(seenByB.all.map(\.storeVersion) == expected)
            #expect(Set(seenByB.all.compactMap(\.after?.id)).count == total)
            #expect(a.version == UInt64(total) && b.version == UInt64(total))
        }
    }
}
