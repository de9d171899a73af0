/// One fuzz target: a function over an input that traps (precondition) when an invariant breaks.
struct FuzzTarget {
    let run: (UnsafeBufferPointer<UInt8>) -> Void

    /// Every target by the name scripts/fuzz.sh and the corpus folders (Fuzz/Corpus/<name>) use.
    nonisolated(unsafe) static let all: [String: FuzzTarget] = [
        "cursor": FuzzTarget(run: fuzzCursor),
    ]

    /// The target this process runs, chosen once in main before fuzzing starts.
    nonisolated(unsafe) static var selected = FuzzTarget(run: { _ in })
}
