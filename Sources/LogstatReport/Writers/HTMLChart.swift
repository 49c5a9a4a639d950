/// Inline SVG charts for the HTML report: no script, no external resource; every label is
/// escaped. Each bar carries a `<title>` so a browser shows its numbers on hover.
enum HTMLChart {
  /// One data series: its name and fill colour.
  typealias Series = (name: String, color: String)

  static let delivered: Series = ("delivered", "#43a047")
  /// Deferred attempts (lines): blue, far from the orange of still-deferred recipients.
  static let deferred: Series = ("deferred attempts", "#1e88e5")
  static let bounced: Series = ("bounced", "#e53935")
  static let expired: Series = ("expired", "#8e24aa")
  static let stillDeferred: Series = ("still deferred", "#ef6c00")
  static let failed: Series = ("failed", "#e53935")
  static let rejected: Series = ("rejected inbound", "#757575")

  static func esc(_ s: String) -> String { HTMLText.escape(s) }

  /// Per hour (or longer bucket): the recipients' final outcomes as stacked bars (delivered,
  /// bounced, expired), and deferred attempts and inbound rejects as lines of their own, so
  /// lines are never stacked on recipients. Time ticks fall at regular local times.
  static func timeline(_ rows: [HourRow]) -> String {
    let series = TimelineSeries(rows, maxBuckets: 120)
    guard !series.buckets.isEmpty else { return "" }
    let width = 900.0
    let height = 250.0
    let left = 56.0
    let right = 12.0
    let top = 34.0
    let bottom = 44.0
    let plotW = width - left - right
    let plotH = height - top - bottom
    let maxTotal = max(
      1, series.buckets.map { max($0.delivered + $0.bounced + $0.expired, $0.deferred, $0.rejected) }.max() ?? 1)
    let scaleTop = niceCeiling(maxTotal)
    let n = series.buckets.count
    let slot = plotW / Double(n)
    let gap = slot > 4 ? 1.0 : 0
    var out = svgOpen(width, height, "Outcomes per \(series.bucketName)")
    out += legend([delivered, bounced, expired], x: left, y: 14)
    out += legend([deferred, rejected], x: left + 330, y: 14, asLines: true)
    out += axis(left: left, top: top, plotW: plotW, plotH: plotH, scaleTop: scaleTop)
    func yOf(_ v: Int) -> Double { top + plotH - Double(v) / Double(scaleTop) * plotH }
    for (k, b) in series.buckets.enumerated() where b.total > 0 {
      let x = left + Double(k) * slot + gap / 2
      var y = top + plotH
      out += "<g><title>\(esc(b.label ?? "")): recipients \(b.delivered) delivered, \(b.bounced) bounced, \(b.expired) expired; \(b.deferred) deferred attempts; \(b.rejected) rejected inbound</title>"
      for (value, s) in [(b.delivered, delivered), (b.bounced, bounced), (b.expired, expired)] where value > 0 {
        let h = Double(value) / Double(scaleTop) * plotH
        y -= h
        out += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(0.5, slot - gap)))\" height=\"\(f(h))\" fill=\"\(s.color)\"/>"
      }
      out += "</g>\n"
    }
    for (s, value) in [(deferred, { (b: TimelineSeries.Bucket) in b.deferred }), (rejected, { $0.rejected })]
    where series.buckets.contains(where: { value($0) > 0 }) {
      let points = series.buckets.enumerated().map { k, b in
        "\(f(left + (Double(k) + 0.5) * slot)),\(f(yOf(value(b))))"
      }
      out += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"2\"/>\n"
    }
    for tick in series.ticks(maxTicks: Int(plotW / 95)) {
      let x = left + tick.offset * slot
      out += "<line x1=\"\(f(x))\" y1=\"\(f(top + plotH))\" x2=\"\(f(x))\" y2=\"\(f(top + plotH + 4))\" stroke=\"#888\"/>"
      out += "<text x=\"\(f(x))\" y=\"\(f(top + plotH + 18))\" font-size=\"11\" fill=\"#444\" text-anchor=\"middle\">\(esc(tick.label))</text>\n"
    }
    return out + "</svg>\n"
  }

  /// Per problem domain, two bars never stacked together: its recipients that did not get
  /// through (bounced, expired, still deferred), and its retries (deferred attempts).
  static func problemDomains(_ rows: ReportRows<DomainRow>) -> String {
    // Lazily: rows are made when read, and only the first ten with problems are needed.
    let bad = Array(rows.lazy.filter { $0.problemScore > 0 }.prefix(10))
    guard !bad.isEmpty else { return "" }
    return hbars(
      "Recipient domains with the most problems",
      bad.map { ($0.domain, [[$0.bounced, $0.expired, $0.stillDeferred], [$0.deferred]]) },
      [
        Bar(unit: "recipients", series: [bounced, expired, stillDeferred]),
        Bar(unit: "deferred attempts", series: [deferred]),
      ])
  }

  /// Per reason, one bar each for failed recipients, deferred attempts and inbound rejects:
  /// three different things, so side by side, not stacked.
  static func reasons(_ rows: [ReasonRow]) -> String {
    let shown = rows.prefix(12)
    guard !shown.isEmpty else { return "" }
    return hbars(
      "Why mail failed", shown.map { ($0.reason, [[$0.failed], [$0.deferred], [$0.rejected]]) },
      [
        Bar(unit: "failed recipients", series: [("failed recipients", failed.color)]),
        Bar(unit: "deferred attempts", series: [deferred]),
        Bar(unit: "rejected inbound", series: [rejected]),
      ])
  }

  /// One bar of a row in `hbars`: what it counts, and its stacked segments (of that unit only).
  struct Bar {
    var unit: String
    var series: [Series]

    /// The unit for a count of one: every unit here is a plural in -s.
    var singular: String { unit.hasSuffix("s") ? String(unit.dropLast()) : unit }
  }

  /// A horizontal bar chart: per labelled row, one thin bar per `Bar` (segments of one unit
  /// stacked), each ending in its total; all bars share one scale.
  static func hbars(_ title: String, _ rows: [(String, [[Int]])], _ bars: [Bar]) -> String {
    let width = 900.0
    let labelW = 230.0
    let barH = bars.count == 1 ? 18.0 : 9.0
    let rowH = 8 + barH * Double(bars.count)
    let top = 34.0
    let height = top + Double(rows.count) * rowH + 10
    let plotW = width - labelW - 150
    let maxTotal = max(1, rows.flatMap { $0.1.map { $0.reduce(0, +) } }.max() ?? 1)
    var series: [Series] = []
    for bar in bars { for s in bar.series where !series.contains(where: { $0.name == s.name }) { series.append(s) } }
    var out = svgOpen(width, height, title)
    out += legend(series, x: labelW, y: 14)
    for (k, row) in rows.enumerated() {
      let y = top + Double(k) * rowH
      let label = TerminalText.fit(row.0, 34)
      out += "<text x=\"\(f(labelW - 8))\" y=\"\(f(y + rowH / 2))\" font-size=\"12\" fill=\"#222\" text-anchor=\"end\">\(esc(label))</text>"
      for (b, bar) in bars.enumerated() {
        let values = b < row.1.count ? row.1[b] : []
        let by = y + Double(b) * barH
        var x = labelW
        let total = values.reduce(0, +)
        let detail = zip(bar.series, values).map { "\($1) \($0.name)" }.joined(separator: ", ")
        out += "<g><title>\(esc(row.0)): \(esc(detail)) (\(esc(bar.unit)))</title>"
        for (value, s) in zip(values, bar.series) where value > 0 {
          let w = Double(value) / Double(maxTotal) * plotW
          out += "<rect x=\"\(f(x))\" y=\"\(f(by))\" width=\"\(f(max(0.5, w)))\" height=\"\(f(barH - 1))\" fill=\"\(s.color)\"/>"
          x += w
        }
        out += "</g>"
        // A row's empty bar gets no label: "0 deferred attempts" under every bounced domain is noise.
        if bars.count > 1, total == 0 { out += "\n"; continue }
        let text = bars.count == 1 ? "\(total)" : "\(total) \(total == 1 ? bar.singular : bar.unit)"
        out += "<text x=\"\(f(x + 6))\" y=\"\(f(by + barH - 1.5))\" font-size=\"\(bars.count == 1 ? 12 : 9)\" fill=\"#444\">\(esc(text))</text>\n"
      }
    }
    return out + "</svg>\n"
  }

  static func svgOpen(_ width: Double, _ height: Double, _ title: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(esc(title))\">"
      + "<title>\(esc(title))</title><rect x=\"0\" y=\"0\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"#ffffff\"/>\n"
  }

  /// A legend: a swatch and a name per series; `asLines` draws a stroke (series drawn as lines)
  /// instead of a filled square (stacked bars).
  static func legend(_ series: [Series], x: Double, y: Double, asLines: Bool = false) -> String {
    var out = ""
    var at = x
    for s in series {
      if asLines {
        out += "<line x1=\"\(f(at))\" y1=\"\(f(y - 4))\" x2=\"\(f(at + 14))\" y2=\"\(f(y - 4))\" stroke=\"\(s.color)\" stroke-width=\"2\"/>"
        out += "<text x=\"\(f(at + 18))\" y=\"\(f(y))\" font-size=\"12\" fill=\"#333\">\(esc(s.name)) (line)</text>"
        at += 60 + Double(s.name.count) * 6.6
      } else {
        out += "<rect x=\"\(f(at))\" y=\"\(f(y - 9))\" width=\"10\" height=\"10\" fill=\"\(s.color)\"/>"
        out += "<text x=\"\(f(at + 14))\" y=\"\(f(y))\" font-size=\"12\" fill=\"#333\">\(esc(s.name))</text>"
        at += 24 + Double(s.name.count) * 6.6
      }
    }
    return out + "\n"
  }

  /// Horizontal grid lines at 0, half and the top of the scale, with their values.
  static func axis(left: Double, top: Double, plotW: Double, plotH: Double, scaleTop: Int) -> String {
    var out = ""
    for (k, value) in [0, scaleTop / 2, scaleTop].enumerated() where k == 0 || value > 0 {
      let y = top + plotH - Double(value) / Double(scaleTop) * plotH
      out += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y))\" stroke=\"\(k == 0 ? "#888" : "#e0e0e0")\"/>"
      out += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" font-size=\"11\" fill=\"#555\" text-anchor=\"end\">\(value)</text>\n"
    }
    return out
  }

  /// The smallest of 1, 2, 3, 4, 5, 6 or 8 times a power of ten at or above `n` (at least 2,
  /// so the half-way grid line is a whole number).
  static func niceCeiling(_ n: Int) -> Int {
    var base = 1
    while true {
      for m in [1, 2, 3, 4, 5, 6, 8] where m * base >= max(2, n) { return m * base }
      base *= 10
    }
  }

  /// A coordinate with at most one decimal.
  static func f(_ v: Double) -> String {
    let tenths = Int((v * 10).rounded())
    return tenths % 10 == 0 ? String(tenths / 10) : String(Double(tenths) / 10)
  }
}
