/// The parts every chart shares: the accessible root element, the visible heading and the
/// "nothing to show" message.
enum SVGDocument {
    static let width = 720.0
    static let padding = 16.0
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
    /// Baseline of the visible heading.
    static let headingBaseline = 28.0

    /// The caller's id restricted to `[a-z0-9-]`: it ends up inside `id` and
    /// `aria-labelledby` attributes, where spaces or quotes would break the references.
    static func sanitizedID(_ raw: String) -> String {
        var id = ""
        for scalar in raw.lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "-": id.unicodeScalars.append(scalar)
            default: id += "-"
            }
        }
        return id.isEmpty ? "chart" : id
    }

    /// Opens the root `<svg>` and writes `<title>` and `<desc>` first, which is where screen
    /// readers look for the chart's name and its text alternative; then a white background,
    /// because the text colours are chosen for contrast against white, also on dark pages.
    static func open(id rawID: String, height: Double, title: String, description: String,
                     to out: inout String) {
        let id = sanitizedID(rawID)
        let h = SVGNumber.format(height)
        let w = SVGNumber.format(width)
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" "
        out += "aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"\(fontFamily)\" "
        out += "font-size=\"12\" fill=\"\(ChartColor.ink)\">\n"
        out += "<title id=\"\(id)-title\">"
        SVGText.append(title, to: &out)
        out += "</title>\n<desc id=\"\(id)-desc\">"
        SVGText.append(description, to: &out)
        out += "</desc>\n"
        out += "<rect class=\"background\" width=\"\(w)\" height=\"\(h)\" fill=\"\(ChartColor.white)\"/>\n"
    }

    /// The chart's title as a visible heading, so a downloaded SVG still says what it shows.
    static func heading(_ title: String, to out: inout String) {
        let maxWidth = width - 2 * padding
        let text = SVGTextWidth.fitting(title, maxWidth: maxWidth, fontSize: 16)
        out += "<text class=\"heading\" x=\"\(SVGNumber.format(padding))\" y=\"\(SVGNumber.format(headingBaseline))\" font-size=\"16\" font-weight=\"600\">"
        SVGText.append(text, to: &out)
        out += "</text>\n"
    }

    /// A whole chart that only says `message`, for inputs with nothing to plot.
    static func emptyChart(id: String, title: String, description: String, message: String) -> String {
        let height = 110.0
        var out = ""
        open(id: id, height: height, title: title, description: description, to: &out)
        heading(title, to: &out)
        out += "<text class=\"empty\" x=\"\(SVGNumber.format(width / 2))\" y=\"74\" font-size=\"14\" text-anchor=\"middle\">"
        SVGText.append(message, to: &out)
        out += "</text>\n</svg>\n"
        return out
    }

    /// The x-axis title under the plot and the y-axis title turned up its left side.
    static func axisTitles(x xTitle: String, y yTitle: String, plotLeft: Double, plotRight: Double,
                           plotTop: Double, plotBottom: Double, yTitleWidth: Double, fontSize: Double,
                           to out: inout String) {
        func n(_ value: Double) -> String { SVGNumber.format(value) }
        if !xTitle.isEmpty {
            out += "<text class=\"axis-label\" x=\"\(n((plotLeft + plotRight) / 2))\" y=\"\(n(plotBottom + 40))\" text-anchor=\"middle\">"
            SVGText.append(xTitle, to: &out)
            out += "</text>\n"
        }
        if !yTitle.isEmpty {
            let cx = n(padding + 12)
            let cy = n((plotTop + plotBottom) / 2)
            let text = SVGTextWidth.fitting(yTitle, maxWidth: yTitleWidth, fontSize: fontSize)
            out += "<text class=\"axis-label\" x=\"\(cx)\" y=\"\(cy)\" text-anchor=\"middle\" transform=\"rotate(-90 \(cx) \(cy))\">"
            SVGText.append(text, to: &out)
            out += "</text>\n"
        }
    }

    static func close(to out: inout String) {
        out += "</svg>\n"
    }
}
