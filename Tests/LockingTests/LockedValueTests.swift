import Dispatch
import Glibc
import Locking
import Testing

@Suite("LockedValue", .timeLimit(.minutes(1)))
struct LockedValueTests {
    private struct Failure: Error {}

    @Test("threads changing the value at once lose no change")
    func mutualExclusion() {
        let counter = LockedValue(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for round in 0..<20_000 {
                counter.withLock { value in
                    // Read, give the other threads a chance to run, then write: without the lock, changes
                    // made in between would be overwritten.
                    let read = value
                    if round.isMultiple(of: 64) { sched_yield() }
                    value = read + 1
                }
            }
        }
        #expect(counter.withLock { $0 } == 80_000)
    }

    @Test("a throwing body releases the lock and keeps what it changed before throwing")
    func throwingBody() {
        let names = LockedValue<[String]>([])
        #expect(throws: Failure.self) {
            try names.withLock { (names: inout [String]) throws(Failure) in
                names.append("before")
                throw Failure()
            }
        }
        // The lock is free again: this would hang (and hit the time limit) if it were still held.
        names.withLock { $0.append("after") }
        #expect(names.withLock { $0 } == ["before", "after"])
    }

    @Test("copies share one value")
    func copiesShare() {
        let first = LockedValue("a")
        let second = first
        second.withLock { $0 += "b" }
        #expect(first.withLock { $0 } == "ab")
    }

    @Test("withLock returns what the body returns")
    func returnsResult() {
        let pairs = LockedValue([1: "one", 2: "two"])
        let removed = pairs.withLock { $0.removeValue(forKey: 1) }
        #expect(removed == "one")
        #expect(pairs.withLock { $0.keys.sorted() } == [2])
    }
}
