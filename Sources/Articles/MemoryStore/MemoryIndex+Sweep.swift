extension MemoryIndex {
    /// A sweep of the postings left behind by removed articles, a slice at a time: all the lists in one go took
    /// 50–80 ms at 10,000 articles under 5% writes (several seconds of postings re-encoded at 100,000), and every
    /// reader waited for the write lock that long.
    struct SweepPass {
        /// The next list to sweep: word lists first (`postings`), then pair lists (`pairPostings`).
        var next = 0
        /// Dead postings counted when the pass began: all of them are gone when it ends.
        var deadAtStart: Int
    }

    /// How many passes' worth of removals one pass is spread over: each removal sweeps about this fraction
    /// of all postings. Removals during a pass add few dead postings next to the third that started it.
    static let sweepSlices = 1024

    /// The fewest postings one removal sweeps, so that a small index finishes a pass in a few writes.
    static let sweepSliceMinimum = 4096

    /// Starts a pass once the left-behind postings are over a third of all (and more than a few), and goes on
    /// with the one under way: sweeps lists from where it stopped until about 1/`sweepSlices` of all postings
    /// has been read. Called after each removal.
    mutating func continueSweep() {
        if sweep == nil {
            guard deadPostings > 50_000 && deadPostings * 2 > livePostings else { return }
            sweep = SweepPass(deadAtStart: deadPostings)
        }
        guard var pass = sweep else { return }
        let budget = max(Self.sweepSliceMinimum, (livePostings + deadPostings) / Self.sweepSlices)
        let status = slotStatus
        var read = 0
        while read < budget, pass.next < postings.count + pairPostings.count {
            if pass.next < postings.count {
                let term = pass.next
                read += postings[term].count
                if !postings[term].isEmpty {
                    postings[term].removeAll { status[Int(PackedPosting.slot($0))] == StatusCode.removed }
                }
            } else {
                let pair = pass.next - postings.count
                read += pairPostings[pair].count
                if !pairPostings[pair].isEmpty {
                    pairPostings[pair].removeAll { status[Int($0)] == StatusCode.removed }
                }
            }
            pass.next += 1
        }
        if pass.next < postings.count + pairPostings.count {
            sweep = pass
        } else {
            // Postings that died during the pass may be left in lists it had passed: still counted as dead.
            deadPostings = max(0, deadPostings - pass.deadAtStart)
            sweep = nil
        }
    }

    /// Sweeps every list now (a whole pass at once): for tests that check what a finished sweep leaves.
    mutating func sweepAll() {
        if sweep == nil { sweep = SweepPass(deadAtStart: deadPostings) }
        while sweep != nil { continueSweep() }
    }

    /// How many postings the word and pair lists hold, dead ones included.
    var storedPostings: Int {
        postings.reduce(0) { $0 + $1.count } + pairPostings.reduce(0) { $0 + $1.count }
    }
}
