import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a finished folder where the current one is, so that a reader sees the old folder
/// or the new one and never a mix.
package enum FolderSwap {
    /// Swaps `staging` and `output`: afterwards `output` holds the new tree and `staging` the
    /// old one. Uses Linux's atomic exchange where it exists, else two renames with a window
    /// of a few microseconds in which `output` is absent (never half-written).
    /// - Parameter exchange: the atomic exchange; replaced in tests to run the fallback.
    package static func swap(_ staging: String, into output: String,
                             exchange: (String, String) -> Bool = AtomicExchange.exchange) throws(FileSystemCalls.Failure) {
        if exchange(staging, output) { return }
        // Named as every leftover is, so that a build killed between the renames leaves a
        // folder the next build finds and removes.
        let old = Leftovers.path("old", beside: output)
        try FileSystemCalls.rename(output, old)
        do {
            try FileSystemCalls.rename(staging, output)
        } catch {
            try? FileSystemCalls.rename(old, output)
            throw error
        }
        try? FileSystemCalls.rename(old, staging)
    }
}

/// Linux's renameat2(RENAME_EXCHANGE) swaps two directories in one atomic step. Glibc
/// declares it only under _GNU_SOURCE, so it is looked up at run time.
package enum AtomicExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    package static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atCurrentDirectory: Int32 = -100  // AT_FDCWD
        let renameExchange: UInt32 = 1 << 1   // RENAME_EXCHANGE
        return FileSystemCalls.retrying { renameat2(atCurrentDirectory, a, atCurrentDirectory, b, renameExchange) } == 0
        #else
        return false
        #endif
    }
}
