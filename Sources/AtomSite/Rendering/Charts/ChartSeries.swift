/// One legend entry: a tier in the stacked bar chart, an origin group in the scatter chart.
public struct ChartSeries: Sendable, Hashable {
    /// Colour drawn for a series whose `color` is not exactly `#rrggbb`.
    public static let fallbackColor = "#777777"

    public var id: String
    public var label: String
    /// `#rrggbb`. Kept as given so callers can inspect it; charts only ever draw
    /// `validatedColor`.
    public var color: String

    public init(id: String, label: String, color: String) {
        self.id = id
        self.label = label
        self.color = color
    }

    /// `color` when it is `#` and six hex digits, otherwise `fallbackColor`: colours come from
    /// content files, and anything else could smuggle markup into a `fill` attribute.
    public var validatedColor: String {
        ChartColor.validated(color, fallback: Self.fallbackColor)
    }
}
