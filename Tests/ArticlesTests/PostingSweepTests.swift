@testable import Articles
import ArticlesTesting
import Testing

/// The memory index's sweep of postings left behind by removed articles, a slice per removal.
@Suite(.timeLimit(.minutes(2)))
struct PostingSweepTests {
    @Test("rewrites leave dead postings bounded, a pass spreads over removals, and a finished one leaves only live postings")
    func sweepKeepsPostingsBounded() throws {
        let articles = ArticleGenerator(seed: 21).generate(count: 200)
        let donors = ArticleGenerator(seed: 22).generate(count: 100)
        var index = MemoryIndex()
        index.build(articles)
        #expect(index.storedPostings == index.livePostings)
        var random = TestRandom(state: 23)
        var passesSeen = 0
        var removalsInPasses = 0
        for _ in 0..<3_000 {
            let id = random.pick(articles).id
            let slot = try #require(index.slotByID[id])
            var changed = index.article(slot)
            changed.body = random.pick(donors).body
            let wasSweeping = index.sweep != nil
            index.remove(slot: slot)
            index.insert(changed)
            if index.sweep != nil {
                removalsInPasses += 1
                if !wasSweeping { passesSeen += 1 }
            }
            // Never more stored than counted, and the dead never pile up past the start of a pass and what one
            // pass's removals add.
            #expect(index.storedPostings <= index.livePostings + index.deadPostings)
            #expect(index.deadPostings <= 50_000 + index.livePostings)
        }
        // 3,000 rewrites of ~700 postings each leave ~2 million dead: passes must have run, each over
        // several removals (a pass reads about 4,096 postings per removal here).
        #expect(passesSeen >= 2)
        #expect(removalsInPasses > 10 * passesSeen)
        #expect(index.storedPostings < 3 * index.livePostings + 100_000)

        index.sweepAll()
        #expect(index.sweep == nil)
        #expect(index.storedPostings == index.livePostings, "a whole pass with no write in between leaves only live postings")
    }
}
