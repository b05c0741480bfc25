import ArgumentParser
import AtomIO
import Foundation

/// The options of the commands that ask the Hugging Face Hub.
struct HubOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The Hub's address (a mirror, or a local server in tests).", valueName: "url"))
    var endpoint = "https://huggingface.co"

    func validate() throws {
        do { _ = try HubClient.normalized(endpoint) } catch { throw ValidationError("'--endpoint' \(error.description)") }
    }

    /// The client, with `HF_TOKEN` from the environment when it is set (sent, never printed).
    func client() throws -> HubClient {
        let token = ProcessInfo.processInfo.environment["HF_TOKEN"]
        do { return try HubClient(endpoint: endpoint, token: token) } catch { throw ValidationError("'--endpoint' \(error.description)") }
    }

    /// A plain-http endpoint is recorded in content (as `what`), which `check` warns about.
    func warnAboutPlainHTTP(recordedAs what: String) {
        guard endpoint.lowercased().hasPrefix("http://") else { return }
        StandardError.write("warning: '--endpoint \(endpoint)' uses plain http; \(what) will draw check's insecure-url warning")
    }
}
