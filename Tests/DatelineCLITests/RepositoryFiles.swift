import Foundation

/// Files of this repository, read by tests that keep them in step with each other.
enum RepositoryFiles {
    /// The repository's root: three folders up from this file (Tests/DatelineCLITests/…).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}

/// Runs a program (looked up on PATH) to its end and returns its exit status and output.
func runTool(_ arguments: [String], in directory: URL = RepositoryFiles.root, timeout: Duration = .seconds(60)) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    let output = PipeReader(pipe)
    try process.run()
    output.start()
    let deadline = ContinuousClock.now + timeout
    while process.isRunning && ContinuousClock.now < deadline { usleep(20_000) }
    if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw ProcessFailure(message: "\(arguments.joined(separator: " ")) did not finish within \(timeout); output: \(output.text)")
    }
    process.waitUntilExit()
    output.waitForEnd(timeout: .seconds(10))
    return (process.terminationStatus, output.text)
}
