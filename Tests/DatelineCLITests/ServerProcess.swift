import DatelineTesting
import Foundation
import Locking
import Testing

/// A `dateline` process started by a test, with its output captured; always killed when the test ends.
final class ServerProcess: Sendable {
    let process: Process
    private let output: PipeReader
    private let errors: PipeReader

    /// The built `dateline` binary, beside the test bundle in the build folder.
    static var executable: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // On Linux the tests run from `…/debug/datelinePackageTests.xctest`; elsewhere from inside a bundle.
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("dateline").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("dateline")
    }

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("DATELINE_") && $0.key != "PORT" && $0.key != "DATABASE_URL"
        }
        merged.merge(environment) { $1 }
        process.environment = merged
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        output = PipeReader(out)
        errors = PipeReader(err)
        try process.run()
        output.start()
        errors.start()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        _ = waitForExit(timeout: .seconds(10))
    }

    var standardOutput: String { output.text }
    var standardError: String { errors.text }

    /// Waits (bounded) for the start-up line `listening on http://127.0.0.1:PORT` and returns PORT.
    func waitForPort(timeout: Duration = .seconds(30)) throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let range = standardOutput.range(of: "listening on http://127.0.0.1:") {
                let digits = standardOutput[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits), !digits.isEmpty { return port }
            }
            if !process.isRunning { break }
            usleep(20_000)
        }
        throw ProcessFailure(message: "no 'listening on' line; stdout: \(standardOutput) stderr: \(standardError)")
    }

    /// Waits (bounded) for the process to exit and returns its status, or nil if it is still running.
    /// Once it returns a status, `standardOutput` and `standardError` hold everything the process wrote.
    func waitForExit(timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { usleep(20_000) }
        if process.isRunning { return nil }
        // The pipes end when the process has gone; their readers finish with what is left in them. The wait
        // is bounded in case a grandchild holds a pipe open.
        output.waitForEnd(timeout: .seconds(10))
        errors.waitForEnd(timeout: .seconds(10))
        // The process has ended, so this returns at once; it is still needed: swift-corelibs-foundation's
        // Process and its run-loop source hold each other until `waitUntilExit` lets go of the source
        // (SR-6450, swiftlang/swift-corelibs-foundation#2631), and a Process never waited for this way leaks
        // with its pipes, file handles and environment (LeakSanitizer).
        process.waitUntilExit()
        return process.terminationStatus
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }
}

struct ProcessFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
