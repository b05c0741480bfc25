import AtomIO
import Foundation
import Testing

/// The Hub pages through listings with `Link: <...>; rel="next"`.
@Suite struct LinkHeaderTests {
    private let base = URL(string: "https://huggingface.co/api/models?filter=base_model:finetune:Qwen/Qwen3-8B&limit=1000")!

    @Test func readsTheHubsNextLink() {
        let header = #"<https://huggingface.co/api/models?filter=base_model%3Afinetune%3AQwen%2FQwen3-8B&limit=1000&cursor=eyJfaWQiOnsiJGd0IjoiNjgxIn19>; rel="next""#
        #expect(LinkHeader.next(in: header, relativeTo: base)?.absoluteString
            == "https://huggingface.co/api/models?filter=base_model%3Afinetune%3AQwen%2FQwen3-8B&limit=1000&cursor=eyJfaWQiOnsiJGd0IjoiNjgxIn19")
    }

    @Test func findsNextAmongOtherLinksAndParameters() {
        let header = #"<https://h.co/a?p=1,2>; rel="prev"; title="one, two", <https://h.co/a?p=3>; title="x;y"; REL="last next""#
        #expect(LinkHeader.next(in: header, relativeTo: base)?.absoluteString == "https://h.co/a?p=3")
        #expect(LinkHeader.next(in: "<https://h.co/b>;rel=next", relativeTo: base)?.absoluteString == "https://h.co/b")
    }

    @Test func resolvesARelativeTarget() {
        #expect(LinkHeader.next(in: #"</api/models?cursor=abc>; rel="next""#, relativeTo: base)?.absoluteString
            == "https://huggingface.co/api/models?cursor=abc")
    }

    @Test func noNextLinkIsTheLastPage() {
        for header in [nil, "", #"<https://h.co/a>; rel="prev""#, "<https://h.co/a>", "garbage", #"<https://h.co/a; rel="next""#] {
            #expect(LinkHeader.next(in: header, relativeTo: base) == nil, "\(header ?? "nil")")
        }
    }
}
