import Foundation

/// The bundled sample (the embedded default; compiled into the binary as a Swift string literal, not a bundle
/// resource): 16 articles in English, Swahili, French and Portuguese, led by the Putin/Ukraine story and the
/// stories its page links to, plus a draft, an archived story and one scheduled for 2099. The seed story is
/// the only breaking one.
public enum SampleArticles {
    /// The sample, decoded (version 0; a store assigns versions).
    public static func load() -> [Article] {
        do {
            return try ArticleImport.decode(Data(json.utf8))
        } catch {
            // The sample is compiled in and covered by tests; failing here is a build defect, not a user error.
            preconditionFailure("the bundled sample is invalid: \(error)")
        }
    }
}
