import AtomAudit

/// Colours for tiers and levels, shared by charts and badges. Each tier colour gives
/// white text a contrast of at least 4.5:1, and every use also shows the tier's name,
/// so colour never carries meaning alone.
enum TierStyle {
    static func color(for tierID: String) -> String {
        switch tierID {
        case "truly-open": "#116329"          // 7.4:1 with white
        case "open-source": "#0550ae"         // 7.6:1
        case "open-weights": "#6639ba"        // 7.1:1
        case "restricted-weights": "#953800"  // 7.3:1
        case "closed": "#57606a"              // 6.4:1
        default: "#57606a"
        }
    }

    /// Colours for origin groups in the scatter chart (paired with distinct shapes).
    static let originColors = ["#0550ae", "#cf222e", "#6639ba", "#116329", "#953800", "#57606a"]
}
