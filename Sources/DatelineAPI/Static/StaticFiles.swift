#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HTTPServer

/// Serves the reader frontend from one folder, and nothing outside it.
///
/// The path is percent-decoded, then refused if any segment is `..`, `.`, hidden (leading `.`) or holds a
/// NUL or backslash; the resolved real path (symlinks followed) must still lie inside the folder.
struct StaticFiles {
    /// The folder's real path, resolved once; nil when it does not exist (every file is then a 404).
    let root: String?
    /// Each file's gzip form, made at its first gzip request and kept while the file is unchanged.
    let gzipForms: StaticGzipForms

    init(root: String, gzipByteLimit: Int = StaticGzipForms.defaultByteLimit) {
        self.root = Self.realPath(root)
        self.gzipForms = StaticGzipForms(byteLimit: gzipByteLimit)
    }

    /// The file in the form the client prefers, or a 304: everything `ResponseEncoding.finish` would do, with
    /// the gzip form kept rather than made per request.
    func response(for context: RequestContext) throws -> HTTPResponse {
        guard let file = try resolve(context.request.path) else {
            throw Problem.notFound("There is no file at '\(context.request.path)'.")
        }
        let contentType = ContentType.forFile(file.path)
        let lastModified = HTTPDate.format(secondsSince1970: file.modified)
        var headers = HTTPHeaders()
        headers.add("Content-Type", contentType)
        headers.add("Cache-Control", "no-cache")
        headers.add("ETag", file.entityTag)
        headers.add("Last-Modified", lastModified)
        let choice = ResponseEncoding.choice(
            contentType: contentType, length: Int(file.size), accept: AcceptEncoding(context.request.headers))
        if choice.varies { headers.add("Vary", "Accept-Encoding") }
        if choice.gzip { headers.set("ETag", EntityTag.gzipForm(of: file.entityTag)) }
        // A 304 is decided from the file's metadata, without reading it, and carries what the 200 would.
        if ResponseEncoding.isNotModified(context.request.headers, entityTag: file.entityTag, lastModified: lastModified) {
            return HTTPResponse(status: .notModified, headers: headers)
        }
        if choice.gzip, let kept = gzipForms.form(of: file) {
            headers.add("Content-Encoding", "gzip")
            return HTTPResponse(status: .ok, headers: headers, body: kept)
        }
        guard let (body, read) = Self.read(file.path) else {
            throw Problem.notFound("There is no file at '\(context.request.path)'.")
        }
        guard choice.gzip else { return HTTPResponse(status: .ok, headers: headers, body: body) }
        let compressed = Gzip.compress(body)
        // Kept only when what was read is the version resolved (and tagged): a file replaced in between is
        // compressed again next time rather than served under the old tag.
        if read == file.version { gzipForms.keep(compressed, of: file) }
        headers.add("Content-Encoding", "gzip")
        return HTTPResponse(status: .ok, headers: headers, body: compressed)
    }

    struct File {
        var path: String
        /// Which content of the path this is, as far as its metadata tells.
        var version: FileVersion
        var size: Int64 { version.size }
        /// Seconds since 1970.
        var modified: Int64 { version.modifiedSeconds }
        var entityTag: String { "\"\(String(size, radix: 16))-\(String(modified, radix: 16))\"" }
    }

    /// The file a request path names, or nil. Throws 400 for a path that is not valid percent-encoding.
    func resolve(_ requestPath: String) throws -> File? {
        guard let root else { return nil }
        guard let decoded = QueryParameters.percentDecode(Substring(requestPath), plusIsSpace: false) else {
            throw Problem(.badRequest, detail: "The path '\(requestPath)' is not valid percent-encoded UTF-8.")
        }
        var segments: [Substring] = []
        // Bytes, not Characters: a combining mark after `/`, `.`, NUL or `\` would hide it inside another
        // grapheme (and a hidden NUL would cut the path short where the system call reads it).
        for segment in decoded.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if segment.first == UInt8(ascii: ".") || segment.contains(0) || segment.contains(UInt8(ascii: "\\")) { return nil }
            segments.append(Substring(segment))
        }
        var path = root + (segments.isEmpty ? "" : "/" + segments.joined(separator: "/"))
        guard var info = Self.fileInfo(path) else { return nil }
        if info.isDirectory {
            path += "/index.html"
            guard let index = Self.fileInfo(path), !index.isDirectory else { return nil }
            info = index
        }
        // Symlinks may point anywhere; what is served must really live under the root.
        guard let real = Self.realPath(path), real.utf8.starts(with: (root + "/").utf8) else { return nil }
        return File(path: real, version: info.version)
    }

    private struct Info {
        var isDirectory: Bool
        var version: FileVersion
    }

    /// Follows symlinks; only regular files and folders count.
    private static func fileInfo(_ path: String) -> Info? {
        var buffer = Glibc.stat()
        guard stat(path, &buffer) == 0 else { return nil }
        let type = buffer.st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFDIR else { return nil }
        return Info(isDirectory: type == S_IFDIR, version: FileVersion(buffer))
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The file's bytes and the version they were read from (the open file's metadata).
    private static func read(_ path: String) -> ([UInt8], FileVersion)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = Glibc.stat()
        guard fstat(fd, &buffer) == 0 else { return nil }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return (bytes, FileVersion(buffer)) }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
