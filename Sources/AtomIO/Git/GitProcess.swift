import Foundation

/// Runs git in one repository and hands back what it printed.
struct GitProcess: Sendable {
    /// Why git failed, in git's words.
    struct Failure: Error {
        var message: String
    }

    var repository: String

    /// git's standard output; throws with its standard error when it exits non-zero.
    /// - Parameter environment: variables set for git on top of this process's own.
    func run(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:]) throws(Failure) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", repository] + arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        do { try process.run() } catch { throw Failure(message: "could not run git: \(error)") }
        // Feed stdin on another thread so a large batch cannot deadlock against stdout.
        let writer = Thread {
            if let input { stdin.fileHandleForWriting.write(input) }
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        // Standard error is read on its own thread too: git writing more than a pipe
        // holds there while we wait on standard output would block both of us.
        let errors = ErrorCollector(stderr.fileHandleForReading)
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(message: String(decoding: errors.wait(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return output
    }

    /// The contents of many blobs from one `git cat-file --batch`, in the order asked.
    func catFile(_ objects: [String]) throws(Failure) -> [Data] {
        guard !objects.isEmpty else { return [] }
        let input = Data(objects.map { $0 + "\n" }.joined().utf8)
        let output = try run(["cat-file", "--batch"], input: input)
        var blobs: [Data] = []
        blobs.reserveCapacity(objects.count)
        var index = output.startIndex
        for object in objects {
            // "<object> blob <size>\n<contents>\n", or "<object> missing\n".
            guard let newline = output[index...].firstIndex(of: 10) else { throw Failure(message: "cat-file output ended early") }
            let header = String(decoding: output[index..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]), size >= 0 else {
                throw Failure(message: "cat-file could not read object \(object): \(header.joined(separator: " "))")
            }
            let start = output.index(after: newline)
            guard output.endIndex - start > size else { throw Failure(message: "cat-file output ended early") }
            let end = output.index(start, offsetBy: size)
            blobs.append(Data(output[start..<end]))
            index = output.index(after: end)
        }
        return blobs
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class ErrorCollector: @unchecked Sendable {
    // @unchecked: `data` is written once by the reading thread before `done` is signalled
    // and read only after waiting on it.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
