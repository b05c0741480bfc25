import AtomIO
import Foundation

/// How a replaced site (or a dead build's leftover) is deleted: in this process, never by
/// spawning `rm`. A large tree is first renamed to a `trash` folder and deleted on a thread
/// of its own, so the build need not wait; if the process ends first, the next build,
/// holding the output's lock, finds the trash folder and finishes the job.
public struct OldSiteRemoval: Sendable {
    /// Deletes a tree; replaced in tests to observe or interrupt the deletion.
    var delete: @Sendable (String) -> Void
    /// Starts work that may outlive the build; tests run it inline.
    var inBackground: @Sendable (@escaping @Sendable () -> Void) -> Void

    public static let standard = OldSiteRemoval(delete: TreeRemover.remove) { work in
        let thread = Thread(block: work)
        thread.stackSize = 8 << 20
        thread.start()
    }

    func remove(_ path: String, large: Bool) {
        guard large else { return delete(path) }
        // Renamed first: a trash folder's name says it is garbage whatever happens next.
        let trash = path.contains(".trash-") ? path : Leftovers.path("trash", beside: Self.output(of: path))
        let target = (try? FileSystemCalls.rename(path, trash)) != nil ? trash : path
        let delete = self.delete
        inBackground { delete(target) }
    }

    /// The output a leftover `.<name>.<kind>-<id>` belongs to: `<parent>/<name>`.
    static func output(of leftover: String) -> String {
        let parent = (leftover as NSString).deletingLastPathComponent
        var name = String((leftover as NSString).lastPathComponent.dropFirst())
        for kind in Leftovers.kinds {
            if let range = name.range(of: ".\(kind)-", options: .backwards) {
                name = String(name[..<range.lowerBound])
                break
            }
        }
        return parent + "/" + name
    }
}
