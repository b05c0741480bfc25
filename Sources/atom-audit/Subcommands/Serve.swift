import ArgumentParser
import AtomSite
import Foundation

extension AtomAuditCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site, serve it on this computer and rebuild it whenever content or templates change.",
            discussion: """
                Builds the site as 'build' does, then serves the output folder at \
                http://127.0.0.1:<port>/ (this computer only, never the network) and checks the \
                content and templates folders for changes twice a second. Each change rebuilds \
                the site; reload the page to see it. When the new content has errors they are \
                printed and the last good site stays served until the errors are fixed.

                Folders are served by their index.html and missing pages by the site's 404.html, \
                as a static host would. Slow or idle connections cannot crowd out a browser: \
                connections are capped below the descriptor limit, a request head must arrive \
                within 10 seconds, and files are streamed from disk.

                Examples:
                  atom-audit serve
                  atom-audit serve --port 8080
                  atom-audit serve --port 0        # any free port (printed)
                  atom-audit serve --output /tmp/atom-preview
                """
        )

        @OptionGroup var options: SiteOptions

        @Option(help: ArgumentHelp("The port to listen on, on 127.0.0.1; 0 picks a free one.", valueName: "n"))
        var port = 8000

        // Hidden: the defaults suit every browser; the tests set them low to see the limits act.
        @Option(help: .hidden)
        var maxConnections: Int?

        @Option(help: .hidden)
        var requestTimeout: Double?

        /// Fast enough that the site is rebuilt before the author has switched to the browser.
        static let pollInterval: Duration = .milliseconds(500)

        func validate() throws {
            try options.validate()
            guard (0...65_535).contains(port) else { throw ValidationError("'--port' must be from 0 to 65535.") }
            if let maxConnections, maxConnections < 1 { throw ValidationError("'--max-connections' must be at least 1.") }
            if let requestTimeout, !(requestTimeout > 0 && requestTimeout <= 3600) {
                throw ValidationError("'--request-timeout' must be a number of seconds above 0 and at most 3600.")
            }
        }

        func run() async throws {
            let server: PreviewServer
            do {
                // Bound before the first build, so a busy port fails at once.
                let limits = PreviewLimits(maxConnections: maxConnections, headDeadline: requestTimeout.map { .milliseconds(Int($0 * 1000)) })
                server = try PreviewServer(port: UInt16(port), handler: SiteRequestHandler(root: URL(fileURLWithPath: options.output)), limits: limits)
            } catch {
                StandardError.write("error: \(error.description)")
                throw ExitCode.failure
            }
            let build = PreviewBuild(options: options)
            let watcher = FolderWatcher(folders: [options.content.content, options.templates])
            var seen = watcher.snapshot()
            build.run()
            server.start()
            Console.say("serving '\(shown(options.output))' at http://127.0.0.1:\(server.port)/ and rebuilding when '\(shown(options.content.content))' or '\(shown(options.templates))' changes; press Ctrl-C to stop")

            while true {
                try await Task.sleep(for: Self.pollInterval)
                let now = watcher.snapshot()
                let changed = FolderWatcher.changes(from: seen, to: now)
                guard !changed.isEmpty else { continue }
                // Taken before the build, so a file saved during the build triggers another one.
                seen = now
                Console.say("changed: \(Self.describe(changed)); rebuilding")
                build.run()
            }
        }

        static func describe(_ paths: [String]) -> String {
            let listed = paths.prefix(3).map(shown).joined(separator: ", ")
            return paths.count > 3 ? "\(listed) and \(paths.count - 3) more" : listed
        }
    }
}
