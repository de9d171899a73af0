import Articles
import DatelineAPI
import HTTPServer

/// Merge patch (RFC 7396): the input is the body of an editor's `PATCH /articles/{id}` on a sample article.
/// The route answers 200, 400, 409 or 422, never a 5xx; a patched article passes every rule and keeps its id;
/// afterwards the article is put back, so every input starts from the sample.
func fuzzPatch(_ input: UnsafeBufferPointer<UInt8>) {
    let response = FuzzApp.answer(
        "PATCH", "/articles/\(patchedID)", headers: [("Content-Type", "application/merge-patch+json")], body: Array(input), editor: true)
    check([200, 400, 409, 422].contains(response.status.code), "PATCH answered \(response.status.code)")
    guard response.status.code == 200 else { return }
    guard let patched = try? FuzzApp.store.article(ref: patchedID) else { fatalError("the patched article is gone") }
    let problems = ArticleValidator.problems(in: patched)
    check(problems.isEmpty, "a patched article breaks rules: \(problems)")
    do {
        try FuzzApp.store.save(original, expected: patched.version)
    } catch {
        fatalError("the patched article cannot be put back: \(error)")
    }
}

/// The sample's lead story, which links to others (so `related` is checked against the store).
private let patchedID = "a1b2c3d4e5"
private let original: Article = {
    guard let article = try? FuzzApp.store.article(ref: patchedID) else { fatalError("the sample lacks \(patchedID)") }
    return article
}()
