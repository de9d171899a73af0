/// One fuzz target: a function over an input that traps (precondition) when an invariant breaks.
struct FuzzTarget {
    let run: (UnsafeBufferPointer<UInt8>) -> Void

    /// Every target by the name scripts/fuzz.sh and the corpus folders (Fuzz/Corpus/<name>) use.
    nonisolated(unsafe) static let all: [String: FuzzTarget] = [
        "http1": FuzzTarget(run: fuzzHTTP1),
        "chunked": FuzzTarget(run: fuzzChunked),
        "query": FuzzTarget(run: fuzzQuery),
        "cursor": FuzzTarget(run: fuzzCursor),
        "import": FuzzTarget(run: fuzzImport),
        "write": FuzzTarget(run: fuzzWrite),
        "patch": FuzzTarget(run: fuzzPatch),
        "http2": FuzzTarget(run: fuzzHTTP2),
        "connection": FuzzTarget(run: fuzzConnection),
    ]

    /// The target this process runs, chosen once in main before fuzzing starts.
    nonisolated(unsafe) static var selected = FuzzTarget(run: { _ in })
}

/// `precondition` that says why even in an optimized build (where `precondition` drops its message): the
/// message is what a crash report needs.
func check(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    if !condition { fatalError(message(), file: file, line: line) }
}
