import Foundation
import TestSupport
import Testing

/// Runs the built `atom-audit` executable, as a user would, and captures what it prints.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable SwiftPM built next to this test bundle.
    static var executable: URL {
        var directory = Bundle.module.bundleURL.deletingLastPathComponent()
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: directory.appendingPathComponent("atom-audit").path) {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("atom-audit")
    }

    static func fixture(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(name)")
    }

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let child = try ChildProcess.run(executable, arguments, in: directory,
                                         environment: ["ATOM_AUDIT_TODAY": "2025-09-01"].merging(environment) { _, given in given })
        return Result(status: child.status, stdout: child.stdout, stderr: child.stderr)
    }

    /// Runs another program (e.g. git) in a folder; returns its exit status.
    @discardableResult
    static func shell(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The repository root, for tests that run on the project's own Content/.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }
}
