/// A commented manifest for a reviewer to fill in. Facts left empty fail `check` with a
/// message that says what to write, so nothing unverified slips through; the levels
/// start at the lowest, which needs no evidence.
public enum ManifestSkeleton {
    public static func text(id: ManifestID, assessed: CalendarDate) -> String {
        """
        # Manifest for the model '\(id.rawValue)'. The format and the meaning of every level:
        # docs/manifest-format.md. Record only facts you can show with an evidence URL
        # (model card, repository, paper, dataset page, license text); when unsure, keep
        # the lower level and say why in the axis note. Run `atom-audit check` when done.

        name:                    # the common display name, e.g. "OLMo 2 32B"
        developer:               # the organisation that released it
        origin:                  # ISO 3166-1 alpha-2 code of the developer's home, e.g. US, CN, FR
        # released: YYYY-MM-DD   # first public release; leave out unless sure
        # parameters: 7B         # total parameters; leave out unless sure
        # active-parameters: 3B  # active parameters per token, for a mixture of experts only
        # modality: [text]       # any of text, code, image, audio, video
        family:                  # the generation it belongs to, e.g. qwen3, llama-3.1, olmo-2

        weights:
          access: hosted         # hosted | gated | open
          # checkpoints: true    # only if the base model AND intermediate checkpoints are downloadable
          # license: Apache-2.0  # required unless hosted: an id from licenses.yaml
          evidence: []           # required above hosted: https:// URLs
          note:                  # one or two sentences: what you checked

        data:
          access: undisclosed    # undisclosed | described | partial | documented | released
          evidence: []
          note:

        code:
          access: none           # none | inference | partial-training | full-pipeline
          # license: Apache-2.0
          evidence: []
          note:

        # adoption:              # for downloadable models: the official Hugging Face repositories
        #   repositories: [owner/name]   # `atom-audit adoption refresh` appends dated figures

        # notes: |               # Markdown shown on the scorecard
        #   Context a policy reader needs.
        assessed: \(assessed)      # the day you checked these facts

        """
    }
}
