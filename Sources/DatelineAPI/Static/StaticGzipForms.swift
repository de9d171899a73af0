#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Locking

/// Which content a file holds, as far as its metadata tells: a write changes the modification time (to the
/// nanosecond) or the size, a replacement by rename the inode.
struct FileVersion: Equatable, Sendable {
    var size: Int64
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int
    var inode: UInt64
    var device: UInt64

    init(_ status: stat) {
        size = Int64(status.st_size)
        modifiedSeconds = Int64(status.st_mtim.tv_sec)
        modifiedNanoseconds = Int(status.st_mtim.tv_nsec)
        inode = UInt64(status.st_ino)
        device = UInt64(status.st_dev)
    }
}

/// The gzip forms of static files, by real path: made by a file's first gzip request and served again while
/// the file's version is the same, so a file is compressed once, not per request. A newer version replaces
/// the path's form; past the byte limit, forms are not kept (and made per request, as before).
final class StaticGzipForms: Sendable {
    /// Enough for a frontend's text files several times over.
    static let defaultByteLimit = 32 * 1024 * 1024

    private let byteLimit: Int
    private let state = LockedValue(State())

    private struct State {
        var forms: [String: (version: FileVersion, body: [UInt8])] = [:]
        var bytes = 0
    }

    init(byteLimit: Int = defaultByteLimit) {
        self.byteLimit = byteLimit
    }

    /// The kept gzip form of `file`, if it was made from this version.
    func form(of file: StaticFiles.File) -> [UInt8]? {
        state.withLock { state in
            guard let kept = state.forms[file.path], kept.version == file.version else { return nil }
            return kept.body
        }
    }

    /// Keeps `body` as the gzip form of `file`, in place of any older version's.
    func keep(_ body: [UInt8], of file: StaticFiles.File) {
        state.withLock { state in
            let old = state.forms[file.path]?.body.count ?? 0
            guard state.bytes - old + body.count <= byteLimit else { return }
            state.forms[file.path] = (file.version, body)
            state.bytes += body.count - old
        }
    }

    /// How many forms are kept (for tests).
    var count: Int { state.withLock { $0.forms.count } }
}
