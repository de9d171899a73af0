import Articles
import Foundation

/// The JSON article decoder with validation (`dateline import`, the sample): a file it accepts holds only
/// articles that pass every rule, and exporting them and importing the export gives the same articles.
func fuzzImport(_ input: UnsafeBufferPointer<UInt8>) {
    guard let articles = try? ArticleImport.decode(Data(buffer: input)) else { return }
    for article in articles {
        let problems = ArticleValidator.problems(in: article)
        check(problems.isEmpty, "imported article \(article.id) breaks rules: \(problems)")
    }
    let again: [Article]
    do {
        again = try ArticleImport.decode(ArticleExport.encode(articles))
    } catch {
        fatalError("an export of imported articles does not import: \(error)")
    }
    check(again == articles, "import → export → import changed the articles")
}
