import HTTPServer

/// The OpenAPI 3.1 document of the API, served at `/openapi.json`: `openapi.json` beside this file, compiled
/// into the binary by SwiftPM (`embedInCode`), so every build serves it (no resource folder to lose). Kept
/// true by OpenAPITests: every route the router knows is here, and every path here answers as documented;
/// `make test` also runs schemathesis against it.
enum OpenAPIDocument {
    /// The document's bytes, as in the file.
    static let bytes: [UInt8] = PackageResources.openapi_json

    /// Its answer, both forms and their strong ETags made once (hashing or compressing the document per
    /// request would cost more than sending it). Revalidated by its ETag (`Cache-Control: no-cache`).
    static let answer: PrecompressedAnswer = {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json; charset=utf-8")
        headers.add("Cache-Control", "no-cache")
        return PrecompressedAnswer(headers: headers, body: bytes)
    }()
}
