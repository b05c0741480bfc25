import AtomAudit
import Foundation

/// The shapes of the Hub API's answers the client reads, and what is wrong when an answer
/// has another shape.
enum HubJSON {
    /// `GET /api/models/{repo}?expand[]=...`: only the expanded fields are read.
    struct ModelInfo: Decodable {
        var downloads: Int?
        var downloadsAllTime: Int?
        var likes: Int?
        var createdAt: String?
    }

    /// One model of `GET /api/models?...`.
    struct Listed: Decodable {
        var id: String
        var downloads: Int?
        var tags: [String]?
    }

    static func modelInfo(_ data: Data) throws(Problem) -> ModelInfo {
        let info: ModelInfo = try decode(data, expected: "a JSON object with 'downloads', 'downloadsAllTime', 'likes' and 'createdAt'")
        for (name, value) in [("downloads", info.downloads), ("downloadsAllTime", info.downloadsAllTime), ("likes", info.likes)] {
            if let value, value < 0 { throw Problem("'\(name)' is \(value); expected a count of zero or more") }
        }
        return info
    }

    static func listing(_ data: Data) throws(Problem) -> [Listed] {
        let models: [Listed] = try decode(data, expected: "a JSON list of models, each with an 'id'")
        if let negative = models.first(where: { ($0.downloads ?? 0) < 0 }) {
            throw Problem("'downloads' of \(negative.id) is \(negative.downloads ?? 0); expected a count of zero or more")
        }
        return models
    }

    /// The day of an ISO 8601 time such as `2025-04-27T03:41:29.000Z`.
    static func day(_ time: String?) -> CalendarDate? {
        time.flatMap { CalendarDate(String($0.prefix(10))) }
    }

    struct Problem: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    private static func decode<T: Decodable>(_ data: Data, expected: String) throws(Problem) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw Problem("\(describe(error)); expected \(expected)")
        } catch {
            throw Problem("\(error); expected \(expected)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "item \($0 + 1)" } ?? "'\($0.stringValue)'" }.joined(separator: " of ")
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "the body is not JSON"
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            return "the body is JSON of another shape"
        case .typeMismatch(let type, let context):
            return "\(path(context)) is not \(type == Int.self ? "a whole number" : type == String.self ? "text" : "of the expected type")"
        case .valueNotFound(_, let context):
            return "\(path(context)) is null"
        case .keyNotFound(let key, let context):
            return context.codingPath.isEmpty ? "it has no '\(key.stringValue)'" : "\(path(context)) has no '\(key.stringValue)'"
        case .dataCorrupted(let context):
            return "\(path(context)) is not readable"
        @unknown default:
            return "it could not be read"
        }
    }
}
