/// Why a file of articles could not be imported: every bad article and field, named by index and id or slug.
public struct ArticleImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Each problem; `name` is "articles[3].title" (or "file" when the JSON itself is broken).
    public var problems: [FieldProblem]
    /// One line per problem, naming the article: "article 3 (id a000000003): title: must not be empty".
    public var lines: [String]

    /// An error listing `problems`, described by `lines`.
    public init(problems: [FieldProblem], lines: [String]) {
        self.problems = problems
        self.lines = lines
    }

    /// The first 20 problems, one a line.
    public var description: String {
        let shown = lines.prefix(20).joined(separator: "\n")
        let more = lines.count > 20 ? "\n… and \(lines.count - 20) more problems" : ""
        return "cannot import the articles:\n" + shown + more
    }
}
