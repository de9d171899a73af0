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

    init(root: String) {
        self.root = Self.realPath(root)
    }

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
        // A 304 is decided from the file's metadata, without reading it; it carries what the 200 would
        // (ResponseEncoding.finish adds the same to a 200).
        if ResponseEncoding.isNotModified(context.request.headers, entityTag: file.entityTag, lastModified: lastModified) {
            let choice = ResponseEncoding.choice(
                contentType: contentType, length: Int(file.size), accept: AcceptEncoding(context.request.headers))
            if choice.varies { headers.add("Vary", "Accept-Encoding") }
            if choice.gzip { headers.set("ETag", EntityTag.gzipForm(of: file.entityTag)) }
            return HTTPResponse(status: .notModified, headers: headers)
        }
        guard let body = Self.read(file.path) else {
            throw Problem.notFound("There is no file at '\(context.request.path)'.")
        }
        return HTTPResponse(status: .ok, headers: headers, body: body)
    }

    struct File {
        var path: String
        var size: Int64
        var modified: Int64
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
        return File(path: real, size: info.size, modified: info.modified)
    }

    private struct Info {
        var isDirectory: Bool
        var size: Int64
        var modified: Int64
    }

    /// Follows symlinks; only regular files and folders count.
    private static func fileInfo(_ path: String) -> Info? {
        var buffer = Glibc.stat()
        guard stat(path, &buffer) == 0 else { return nil }
        let type = buffer.st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFDIR else { return nil }
        return Info(isDirectory: type == S_IFDIR, size: Int64(buffer.st_size), modified: Int64(buffer.st_mtim.tv_sec))
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
