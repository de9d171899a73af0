/// Decides whether a request is an editor's. A request that presents credentials must present valid ones.
struct EditorAuth {
    private let tokens: [[UInt8]]

    init(tokens: [String]) {
        self.tokens = tokens.filter { !$0.isEmpty }.map { Array($0.utf8) }
    }

    /// True for a valid `Bearer` token, false when none was presented; throws 401 for a wrong one.
    func authenticate(_ authorization: String?) throws -> Bool {
        guard let authorization else { return false }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem.unauthorized("The Authorization header must be 'Bearer <token>'.")
        }
        let presented = Array(parts[1].utf8)
        // Check every token, whatever matched, so timing does not tell which one (or how much of one) matched.
        var matched = false
        for token in tokens where Self.constantTimeEquals(token, presented) { matched = true }
        guard matched else { throw Problem.unauthorized("The bearer token is not valid.") }
        return true
    }

    /// Compares in time that depends only on the lengths, never on where the bytes first differ.
    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        let count = max(a.count, b.count)
        for index in 0..<count {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}
