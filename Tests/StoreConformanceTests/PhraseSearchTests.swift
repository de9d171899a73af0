import Articles
import Foundation
import Testing

/// Articles whose phrases sit at field borders, repeat words, carry diacritics, or have every word pair of a
/// longer phrase without the phrase: the cases a word-pair index must get exactly right.
private enum PhraseRoom {
    static let json = #"""
    [
      {"id":"p1","slug":"p1","title":"Peace talks resume in Doha","summary":"Delegates return.","body":"Negotiators met again.","category":"world","tags":["qatar"],"language":"en","breaking":false,"status":"published","publishedAt":"2025-09-01T08:00:00Z","createdAt":"2025-09-01T07:00:00Z","updatedAt":"2025-09-01T08:00:00Z","related":[]},
      {"id":"p2","slug":"p2","title":"Ceasefire holds","summary":"Talks continue after the peace","body":"Peace talks in the body only.","category":"world","tags":["ceasefire"],"language":"en","breaking":false,"status":"published","publishedAt":"2025-09-02T08:00:00Z","createdAt":"2025-09-02T07:00:00Z","updatedAt":"2025-09-02T08:00:00Z","related":[]},
      {"id":"p3","slug":"p3","title":"Regional summit ends in peace","summary":"Talks on trade follow.","body":"Leaders left.","category":"world","tags":["summit"],"language":"en","breaking":false,"status":"published","publishedAt":"2025-09-03T08:00:00Z","createdAt":"2025-09-03T07:00:00Z","updatedAt":"2025-09-03T08:00:00Z","related":[]},
      {"id":"p4","slug":"p4","title":"Markets","summary":"Quiet day.","body":"Traders waited.","category":"business","tags":["lasting-peace","talks-stall"],"language":"en","breaking":false,"status":"published","publishedAt":"2025-09-04T08:00:00Z","createdAt":"2025-09-04T07:00:00Z","updatedAt":"2025-09-04T08:00:00Z","related":[]},
      {"id":"p5","slug":"p5","title":"Aid aid aid","summary":"Relief relief.","body":"aid workers aid aid workers","category":"africa","tags":[],"language":"en","breaking":false,"status":"published","publishedAt":"2025-09-05T08:00:00Z","createdAt":"2025-09-05T07:00:00Z","updatedAt":"2025-09-05T08:00:00Z","related":[]},
      {"id":"p6","slug":"p6","title":"São Tomé votes","summary":"Élections à São Tomé e Príncipe.","body":"Voters in Sao Tome queued.","category":"africa","tags":["sao-tome"],"language":"pt","breaking":false,"status":"published","publishedAt":"2025-09-06T08:00:00Z","createdAt":"2025-09-06T07:00:00Z","updatedAt":"2025-09-06T08:00:00Z","related":[]},
      {"id":"p7","slug":"p7","title":"Talks","body":"The peace talks were long. Talks resume tomorrow.","category":"world","tags":[],"language":"en","breaking":false,"status":"published","publishedAt":"2025-09-07T08:00:00Z","createdAt":"2025-09-07T07:00:00Z","updatedAt":"2025-09-07T08:00:00Z","related":[]},
      {"id":"p8","slug":"p8","title":"Peace","summary":"talks","body":"peace talks peace talks","category":"world","tags":[],"language":"en","breaking":false,"status":"published","publishedAt":"2025-09-08T08:00:00Z","createdAt":"2025-09-08T07:00:00Z","updatedAt":"2025-09-08T08:00:00Z","related":[]},
      {"id":"p9","slug":"p9","title":"Peace talks draft","body":"Unfinished.","category":"world","tags":[],"language":"en","breaking":false,"status":"draft","createdAt":"2025-09-09T07:00:00Z","updatedAt":"2025-09-09T07:00:00Z","related":[]}
    ]
    """#

    static func store(_ kind: StoreKind) throws -> TestStore {
        try TestStores.make(kind, articles: try ArticleImport.decode(Data(json.utf8)))
    }
}

@Suite(.timeLimit(.minutes(2)))
struct PhraseSearchTests {
    @Test("phrases: one field or one tag only, repeated words, diacritics, long phrases, phrase with terms", arguments: StoreKind.allCases)
    func phrases(_ kind: StoreKind) throws {
        let store = try PhraseRoom.store(kind)
        // Title 100 (p1), then body-only matches newest first; not across title/summary (p3, p8), nor two tags (p4).
        #expect(try listed(store, "q=\"peace talks\"") == ["p1", "p8", "p7", "p2"])
        #expect(try listed(store, "q=\"peace talks\"&status=any") == ["p9", "p1", "p8", "p7", "p2"])
        #expect(try listed(store, "q=\"peace talks\"&sort=oldest") == ["p1", "p2", "p7", "p8"])
        #expect(try listed(store, "q=\"talks peace\"") == ["p8"])
        #expect(try listed(store, "q=\"lasting peace\"") == ["p4"])
        #expect(try listed(store, "q=\"peace lasting\"") == [])
        // Every word pair of the phrase in p7's body, but not the phrase.
        #expect(try listed(store, "q=\"peace talks resume\"") == ["p1"])
        #expect(try listed(store, "q=\"the peace talks were long\"") == ["p7"])
        #expect(try listed(store, "q=\"peace talks\" doha") == ["p1"])
        #expect(try listed(store, "q=negotiators \"peace talks\"") == ["p1"])
        #expect(try listed(store, "q=\"peace talks\" long") == ["p7"])
        #expect(try listed(store, "q=\"peace talks\" \"talks resume\"") == ["p1", "p7"])
        #expect(try listed(store, "q=\"aid aid\"") == ["p5"])
        #expect(try listed(store, "q=\"aid aid aid\"") == ["p5"])
        #expect(try listed(store, "q=\"aid aid aid aid\"") == [])
        #expect(try listed(store, "q=\"workers aid aid\"") == ["p5"])
        #expect(try listed(store, "q=\"aid workers aid aid workers\"") == ["p5"])
        #expect(try listed(store, "q=\"workers workers\"") == [])
        #expect(try listed(store, "q=\"relief relief\"") == ["p5"])
        #expect(try listed(store, "q=\"sao tome\"") == ["p6"])
        #expect(try listed(store, "q=\"SÃO TOMÉ\"") == ["p6"])
        #expect(try listed(store, "q=\"tomé e príncipe\"") == ["p6"])
        #expect(try listed(store, "q=\"tome votes\"") == ["p6"])
        #expect(try listed(store, "q=\"votes elections\"") == [])
        #expect(try listed(store, "q=\"peace zzznotaword\"") == [])
    }

    @Test("relevance of phrases: the best field holding the phrase, plus each term's best field", arguments: StoreKind.allCases)
    func scores(_ kind: StoreKind) throws {
        let store = try PhraseRoom.store(kind)
        var query = try ArticleQuery.parse([(name: "q", value: "\"peace talks\" talks")])
        query.limit = 2
        let first = try store.articles(matching: query, now: newsroomNow)
        // p1: phrase in title 100 + "talks" in title 100; p7: phrase in body 1 + "talks" in title 100;
        // p8: 1 + 10 (summary); p2: 1 + 10 (summary).
        #expect(first.articles.map(\.id) == ["p1", "p7"])
        #expect(first.total == 4)
        let cursor = try #require(first.nextCursor)
        #expect(cursor.score == 101)
        query.cursor = cursor
        let second = try store.articles(matching: query, now: newsroomNow)
        #expect(second.articles.map(\.id) == ["p8", "p2"])
        #expect(second.nextCursor == nil)
        query.cursor = nil
        query.page = 2
        #expect(try store.articles(matching: query, now: newsroomNow).articles.map(\.id) == ["p8", "p2"])
    }

    @Test("phrase answers follow edits, deletes and creates", arguments: StoreKind.allCases)
    func writes(_ kind: StoreKind) throws {
        let store = try PhraseRoom.store(kind)
        var p2 = try #require(try store.article(ref: "p2"))
        p2.body = "No talks today."
        try store.save(p2, expected: p2.version)
        #expect(try listed(store, "q=\"peace talks\"") == ["p1", "p8", "p7"])
        try store.delete(id: "p8", expected: nil)
        #expect(try listed(store, "q=\"peace talks\"") == ["p1", "p7"])
        var p10 = try #require(try store.article(ref: "p3"))
        p10.id = "p10"
        p10.slug = "p10"
        p10.summary = "Peace talks open."
        p10.publishedAt = Timestamp(rfc3339: "2025-09-10T08:00:00Z")
        try store.save(p10, expected: nil)
        #expect(try listed(store, "q=\"peace talks\"", now: Timestamp(rfc3339: "2025-09-11T00:00:00Z")!) == ["p1", "p10", "p7"])
        var p1 = try #require(try store.article(ref: "p1"))
        p1.title = "Doha meeting"
        try store.save(p1, expected: p1.version)
        #expect(try listed(store, "q=\"peace talks\"", now: Timestamp(rfc3339: "2025-09-11T00:00:00Z")!) == ["p10", "p7"])
        #expect(try listed(store, "q=\"peace talks resume\"") == [])
        #expect(try listed(store, "q=\"doha meeting\"") == ["p1"])
    }
}
