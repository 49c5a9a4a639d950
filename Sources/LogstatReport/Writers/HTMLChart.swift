/// Inline SVG charts for the HTML report: no script, no external resource; every label is
/// escaped. Each bar carries a `<title>` so a browser shows its numbers on hover.
enum HTMLChart {
  /// One data series: its name and fill colour.
  typealias Series = (name: String, color: String)

  static let delivered: Series = ("delivered", "#43a047")
  static let deferred: Series = ("deferred", "#f9a825")
  static let bounced: Series = ("bounced", "#e53935")
  static let expired: Series = ("expired", "#8e24aa")
  static let stillDeferred: Series = ("still deferred", "#ef6c00")
  static let failed: Series = ("failed", "#e53935")
  static let rejected: Series = ("rejected", "#9e9e9e")

  static func esc(_ s: String) -> String { HTMLText.escape(s) }

  /// Stacked bars per hour (or longer bucket): delivered, deferred, failed, rejected.
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
    let maxTotal = max(1, series.buckets.map(\.total).max() ?? 1)
    let scaleTop = niceCeiling(maxTotal)
    let n = series.buckets.count
    let slot = plotW / Double(n)
    let gap = slot > 4 ? 1.0 : 0
    var out = svgOpen(width, height, "Outcomes per \(series.bucketName)")
    out += legend([delivered, deferred, failed, rejected], x: left, y: 14)
    out += axis(left: left, top: top, plotW: plotW, plotH: plotH, scaleTop: scaleTop)
    for (k, b) in series.buckets.enumerated() {
      let x = left + Double(k) * slot + gap / 2
      var y = top + plotH
      let parts: [(Int, Series)] = [(b.delivered, delivered), (b.deferred, deferred), (b.failed, failed), (b.rejected, rejected)]
      guard b.total > 0 else { continue }
      out += "<g><title>\(esc(b.label ?? "")): \(b.delivered) delivered, \(b.deferred) deferred, \(b.failed) bounced or expired, \(b.rejected) rejected</title>"
      for (value, s) in parts where value > 0 {
        let h = Double(value) / Double(scaleTop) * plotH
        y -= h
        out += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(0.5, slot - gap)))\" height=\"\(f(h))\" fill=\"\(s.color)\"/>"
      }
      out += "</g>\n"
    }
    // Up to six time labels, at buckets that have one, never closer than a label's width.
    let ticks = Swift.min(6, n)
    var lastX = -Double.infinity
    for t in 0..<ticks {
      let want = ticks == 1 ? 0 : t * (n - 1) / (ticks - 1)
      guard let k = nearestLabelled(series.buckets, want) else { continue }
      let x = left + (Double(k) + 0.5) * slot
      guard x - lastX >= 130 else { continue }
      lastX = x
      let label = series.hours >= 24 ? String(series.buckets[k].label!.prefix(10)) : series.buckets[k].label!
      let anchor = x < left + 50 ? "start" : x > width - right - 50 ? "end" : "middle"
      out += "<line x1=\"\(f(x))\" y1=\"\(f(top + plotH))\" x2=\"\(f(x))\" y2=\"\(f(top + plotH + 4))\" stroke=\"#888\"/>"
      out += "<text x=\"\(f(x))\" y=\"\(f(top + plotH + 18))\" font-size=\"11\" fill=\"#444\" text-anchor=\"\(anchor)\">\(esc(label))</text>\n"
    }
    return out + "</svg>\n"
  }

  /// Horizontal stacked bars of the domains with the most problems.
  static func problemDomains(_ rows: [DomainRow]) -> String {
    let bad = rows.filter { $0.problemScore > 0 }.prefix(10)
    guard !bad.isEmpty else { return "" }
    return hbars(
      "Recipient domains with the most problems",
      bad.map { ($0.domain, [$0.bounced, $0.expired, $0.stillDeferred, $0.deferred]) },
      [bounced, expired, stillDeferred, ("deferred attempts", deferred.color)])
  }

  /// Horizontal stacked bars per reason: failed recipients, deferred attempts, rejects.
  static func reasons(_ rows: [ReasonRow]) -> String {
    let shown = rows.prefix(12)
    guard !shown.isEmpty else { return "" }
    return hbars(
      "Why mail failed", shown.map { ($0.reason, [$0.failed, $0.deferred, $0.rejected]) },
      [failed, ("deferred attempts", deferred.color), ("rejected inbound", rejected.color)])
  }

  /// A horizontal stacked bar chart: one labelled bar per row, segments per series.
  static func hbars(_ title: String, _ rows: [(String, [Int])], _ series: [Series]) -> String {
    let width = 900.0
    let labelW = 230.0
    let barH = 18.0
    let rowH = 24.0
    let top = 34.0
    let height = top + Double(rows.count) * rowH + 10
    let plotW = width - labelW - 70
    let maxTotal = max(1, rows.map { $0.1.reduce(0, +) }.max() ?? 1)
    var out = svgOpen(width, height, title)
    out += legend(series, x: labelW, y: 14)
    for (k, row) in rows.enumerated() {
      let y = top + Double(k) * rowH
      let label = TerminalText.fit(row.0, 34)
      out += "<text x=\"\(f(labelW - 8))\" y=\"\(f(y + barH - 5))\" font-size=\"12\" fill=\"#222\" text-anchor=\"end\">\(esc(label))</text>"
      var x = labelW
      let total = row.1.reduce(0, +)
      let detail = zip(series, row.1).map { "\($1) \($0.name)" }.joined(separator: ", ")
      out += "<g><title>\(esc(row.0)): \(esc(detail))</title>"
      for (value, s) in zip(row.1, series) where value > 0 {
        let w = Double(value) / Double(maxTotal) * plotW
        out += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(0.5, w)))\" height=\"\(f(barH))\" fill=\"\(s.color)\"/>"
        x += w
      }
      out += "</g><text x=\"\(f(x + 6))\" y=\"\(f(y + barH - 5))\" font-size=\"12\" fill=\"#444\">\(total)</text>\n"
    }
    return out + "</svg>\n"
  }

  static func svgOpen(_ width: Double, _ height: Double, _ title: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(esc(title))\">"
      + "<title>\(esc(title))</title><rect x=\"0\" y=\"0\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"#ffffff\"/>\n"
  }

  static func legend(_ series: [Series], x: Double, y: Double) -> String {
    var out = ""
    var at = x
    for s in series {
      out += "<rect x=\"\(f(at))\" y=\"\(f(y - 9))\" width=\"10\" height=\"10\" fill=\"\(s.color)\"/>"
      out += "<text x=\"\(f(at + 14))\" y=\"\(f(y))\" font-size=\"12\" fill=\"#333\">\(esc(s.name))</text>"
      at += 24 + Double(s.name.count) * 6.6
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

  /// The index nearest `want` whose bucket has a label.
  static func nearestLabelled(_ buckets: [TimelineSeries.Bucket], _ want: Int) -> Int? {
    for d in 0..<buckets.count {
      if want - d >= 0, buckets[want - d].label != nil { return want - d }
      if want + d < buckets.count, buckets[want + d].label != nil { return want + d }
    }
    return nil
  }

  /// A coordinate with at most one decimal.
  static func f(_ v: Double) -> String {
    let tenths = Int((v * 10).rounded())
    return tenths % 10 == 0 ? String(tenths / 10) : String(Double(tenths) / 10)
  }
}
