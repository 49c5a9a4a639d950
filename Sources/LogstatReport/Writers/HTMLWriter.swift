/// Writes the report as one self-contained HTML file: no external scripts, fonts, images or
/// style sheets; inline SVG charts; tables that read without CSS (mail clients strip it).
/// Every piece of log text goes through `HTMLText.escape`, in text and in attributes.
public enum HTMLWriter {
  /// The selected sections as one HTML page.
  public static func render(_ m: ReportModel, options o: ReportOptions = ReportOptions()) -> String {
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<title>Mail delivery report, \(esc(m.generatedAt))</title>\n"
    out += "<style>\n\(style)</style>\n</head>\n<body>\n"
    out += "<h1>Mail delivery report</h1>\n"
    var meta = "Generated \(esc(m.generatedAt)) (\(esc(m.timeZone)))"
    if let window = m.window { meta += " &middot; window \(esc(window))" }
    if let first = m.firstEvent, let last = m.lastEvent {
      meta += " &middot; events \(esc(first)) .. \(esc(last))"
    } else {
      meta += " &middot; no events found"
    }
    out += "<p class=\"meta\">\(meta)</p>\n"
    if !m.problems.isEmpty {
      out += "<div class=\"problems\"><p><strong>Problems reading the logs:</strong></p>\n<ul>\n"
      for p in m.problems { out += "<li>\(esc(p))</li>\n" }
      out += "</ul></div>\n"
    }
    if o.shows(.summary) { out += tiles(m.summary) }
    if o.sections.count > 1 {
      out += "<p class=\"nav\">"
      out += o.sections.map { "<a href=\"#\($0.rawValue)\">\($0.title)</a>" }.joined(separator: " &middot; ")
      out += "</p>\n"
    }
    for section in o.sections {
      out += "<h2 id=\"\(section.rawValue)\">\(section.title)</h2>\n"
      out += body(section, m, o)
    }
    out += "<p class=\"meta\">Made by logstat. Counting rules and field meanings: see the README.</p>\n"
    out += "</body>\n</html>\n"
    return out
  }

  static func esc(_ s: String) -> String { HTMLText.escape(s) }

  /// Colours shared by tables and charts.
  enum Tone: String {
    case good = "#2e7d32", warn = "#b26a00", bad = "#c62828", muted = "#666666"

    static func failure(_ n: Int) -> Tone? { n > 0 ? .bad : nil }
    static func warning(_ n: Int) -> Tone? { n > 0 ? .warn : nil }
    static func delivery(_ r: Double?) -> Tone? {
      guard let r else { return nil }
      return r >= 0.95 ? .good : r >= 0.8 ? .warn : .bad
    }
    static func level(_ level: String) -> Tone? {
      switch level {
      case "high": .bad
      case "watch": .warn
      case "ok": .good
      default: nil
      }
    }
  }

  /// A table that works without CSS (border and padding attributes, right-aligned numbers);
  /// every cell is escaped; `tones` colours cells by column.
  static func table(
    _ headers: [String], right: Set<Int> = [], _ rows: [[String]], tones: [[Tone?]] = []
  ) -> String {
    var out = "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n<thead><tr>"
    for (k, h) in headers.enumerated() {
      out += right.contains(k) ? "<th align=\"right\">\(esc(h))</th>" : "<th align=\"left\">\(esc(h))</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for (r, row) in rows.enumerated() {
      out += "<tr>"
      for (k, cell) in row.enumerated() {
        let attrs = right.contains(k) ? " align=\"right\" class=\"n\"" : ""
        // Colour on a span, not the cell: without CSS a cell's colour would also tint its border.
        if r < tones.count, k < tones[r].count, let tone = tones[r][k] {
          out += "<td\(attrs)><span style=\"color:\(tone.rawValue)\">\(esc(cell))</span></td>"
        } else {
          out += "<td\(attrs)>\(esc(cell))</td>"
        }
      }
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }

  /// A paragraph of escaped text.
  static func para(_ s: String, cls: String? = nil) -> String {
    "<p\(cls.map { " class=\"\($0)\"" } ?? "")>\(esc(s))</p>\n"
  }

  /// `Top N of M.` when a table was cut.
  static func cutNote(_ total: Int, _ o: ReportOptions) -> String {
    guard let top = o.top, total > top else { return "" }
    return "<p class=\"meta\">Top \(top) of \(total).</p>\n"
  }

  /// The headline numbers as a one-row table of tiles.
  static func tiles(_ s: Summary) -> String {
    let items: [(String, String, Tone?)] = [
      (Format.percent(s.deliveryRate), "delivered", Tone.delivery(s.deliveryRate)),
      ("\(s.bounced)", "bounced", Tone.failure(s.bounced)),
      ("\(s.expired)", "expired", Tone.failure(s.expired)),
      ("\(s.deferred)", "deferred attempts", Tone.warning(s.deferred)),
      ("\(s.rejected)", "rejected inbound", nil),
      (Format.seconds(s.delayMedianSeconds), "median delay", nil),
    ]
    var out = "<table class=\"tiles\" cellspacing=\"6\" cellpadding=\"8\"><tr>"
    for (value, label, tone) in items {
      let color = tone.map { " style=\"color:\($0.rawValue)\"" } ?? ""
      out += "<td align=\"center\"><span class=\"big\"\(color)><b>\(esc(value))</b></span><br>\(esc(label))</td>"
    }
    // What the delivery rate's colour means, so red is not left to guess.
    out += "</tr></table>\n<p class=\"legend\">Delivered share: <span style=\"color:\(Tone.good.rawValue)\">green</span> from 95%, "
    out += "<span style=\"color:\(Tone.warn.rawValue)\">amber</span> from 80%, <span style=\"color:\(Tone.bad.rawValue)\">red</span> below; "
    out += "bounced and expired in red when any.</p>\n"
    return out
  }

  static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:14px;line-height:1.45;color:#1d1d1f;background:#fff;max-width:1100px;margin:0 auto;padding:16px 20px}
    h1{font-size:24px;margin:8px 0 4px}
    h2{font-size:19px;margin:28px 0 8px;padding-bottom:4px;border-bottom:2px solid #e0e0e0}
    h3{font-size:15px;margin:18px 0 6px}
    table{border-collapse:collapse;margin:6px 0 12px;border-color:#d0d0d0}
    th,td{border:1px solid #d0d0d0;padding:3px 8px;vertical-align:top}
    th{background:#f3f4f6;font-weight:600}
    td.n,th[align=right]{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    tbody tr:nth-child(even){background:#fafafa}
    .meta{color:#555;font-size:13px}
    .nav a{color:#1a56a8;text-decoration:none}
    .problems{border:1px solid #e6b0b0;background:#fff4f4;padding:4px 12px;margin:8px 0}
    .tiles{border-collapse:separate}
    .tiles td{border:1px solid #e0e0e0;border-radius:6px;min-width:110px;background:#fafafa}
    .big{font-size:22px}
    .advice{margin:4px 0 10px 0;max-width:900px}
    .example{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:#444;overflow-wrap:anywhere;margin:0 0 10px 16px}
    svg{max-width:100%;height:auto;display:block;margin:8px 0}
    svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}

    """
}
