import Foundation

/// What the one-shot commands tell the user: progress and errors on standard error, so standard output
/// carries only data (`dateline export | dateline import`).
enum CommandOutput {
    static func info(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data(("error: " + line + "\n").utf8))
    }
}
