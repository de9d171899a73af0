import Foundation

/// A finished run of the `dateline` binary: exit status and what it wrote.
struct CommandRun {
    var status: Int32
    var output: Data
    var errors: String
}

/// Runs `dateline arguments` to the end (bounded by the suite's time limit), feeding `input` to its stdin.
func runDateline(_ arguments: [String], input: Data? = nil) throws -> CommandRun {
    let process = Process()
    process.executableURL = ServerProcess.executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("DATELINE_") && $0.key != "DATABASE_URL" }
    let out = Pipe()
    let err = Pipe()
    let inPipe = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inPipe
    let outReader = PipeReader(out)
    let errReader = PipeReader(err)
    try process.run()
    // Both outputs are read on their own threads so a full pipe never stalls the child.
    outReader.start()
    errReader.start()
    if let input { inPipe.fileHandleForWriting.write(input) }
    try inPipe.fileHandleForWriting.close()
    process.waitUntilExit()
    outReader.waitForEnd(timeout: .seconds(30))
    errReader.waitForEnd(timeout: .seconds(30))
    return CommandRun(status: process.terminationStatus, output: outReader.bytes, errors: errReader.text)
}

/// A database path in the temporary directory; `removeDatabase` deletes it with its WAL files.
func temporaryDatabase(_ label: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("dateline-cli-\(label)-\(getpid())-\(UUID().uuidString).sqlite").path
}

func removeDatabase(at path: String) {
    for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}
