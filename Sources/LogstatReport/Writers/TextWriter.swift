/// Writes the report for people at a terminal: aligned tables that fit the width, colour when
/// asked, one block per selected section.
public enum TextWriter {
  /// The selected sections as text, fitted to `options.width`.
  public static func render(_ m: ReportModel, options o: ReportOptions = ReportOptions()) -> String {
    var out = header(m, o)
    for section in o.sections {
      if section == .alerts, m.alerts.isEmpty { continue }
      out += "\n"
      switch section {
      case .alerts: out += alerts(m.alerts, o)
      case .summary: out += summary(m, o)
      case .domains: out += domains(m.domains, o)
      case .providers: out += providers(m.providers, o)
      case .codes: out += codes(m, o)
      case .reasons: out += reasons(m.reasons, o)
      case .reputation: out += reputation(m.reputation, o)
      case .senders: out += senders(m.senders, o)
      case .timeline: out += timeline(m.timeline, o)
      case .inbound: out += inbound(m.inbound, o)
      case .health: out += plain(m.health.tables(o), o)
      case .traffic: out += plain(m.traffic.tables(o), o)
      }
    }
    return out
  }

  /// Title, when, and every input problem (always shown: a report with holes must say so).
  static func header(_ m: ReportModel, _ o: ReportOptions) -> String {
    var out = TerminalStyle.bold.paint("logstat report", o.color) + "\n"
    out += TerminalText.labelled("generated", "\(m.generatedAt) (\(m.timeZone))", width: o.width, color: o.color)
    if let source = m.source { out += TerminalText.labelled("source", source, width: o.width, color: o.color) }
    if let window = m.window { out += TerminalText.labelled("window", window, width: o.width, color: o.color) }
    if let first = m.firstEvent, let last = m.lastEvent {
      out += TerminalText.labelled("events", "\(first) .. \(last)", width: o.width, color: o.color)
    } else {
      out += "  events     none found\n"
    }
    for p in m.problems {
      out += TerminalText.labelled("problem", p, width: o.width, style: .red, color: o.color)
    }
    return out
  }

  /// Plain tables (health, traffic), each under its heading.
  static func plain(_ tables: [PlainTable], _ o: ReportOptions) -> String {
    var out = ""
    for (k, p) in tables.enumerated() {
      if k > 0 { out += "\n" }
      out += heading(p.title, rows: p.total, o)
      var t = TextTable(p.columns.indices.map { (p.columns[$0], p.numeric.contains($0) ? .right : .left) })
      for r in p.rows { t.add(r) }
      out += t.rendered(width: o.width, color: o.color)
    }
    return out
  }

  /// `title`, with `(top N of M)` when rows were cut.
  static func heading(_ title: String, rows: Int, _ o: ReportOptions) -> String {
    var text = title
    if let top = o.top, rows > top { text += " (top \(top) of \(rows))" }
    return TerminalStyle.bold.paint(text, o.color) + "\n"
  }

  static func summary(_ m: ReportModel, _ o: ReportOptions) -> String {
    let s = m.summary
    var out = TerminalStyle.bold.paint("Summary", o.color) + "\n"
    var files = "\(m.filesRead) read"
    if m.filesSkipped > 0 { files += ", \(m.filesSkipped) skipped (\(m.whySkipped))" }
    out += TerminalText.labelled("files", files, width: o.width, color: o.color)
    for f in m.files {
      let what = f.skipReason.map { "skipped: \($0)" } ?? Format.count(f.lines, "line", "lines") + (f.gzip ? ", gzip" : "")
      out += TerminalText.wrap("\(f.path)  (\(what))", width: o.width, indent: "    ")
    }
    var lines = "\(m.lines.total + m.linesOutsideWindow) read: \(m.lines.recognised) recognised, "
    lines += "\(m.lines.skipped) other mail lines, \(m.lines.notMail) not mail"
    if m.linesOutsideWindow > 0 { lines += ", \(m.linesOutsideWindow) outside the window" }
    if m.lines.probes > 0 { lines += ", \(m.lines.probes) address probes" }
    if m.lines.damaged > 0 { lines += ", \(m.lines.damaged) damaged (numbers out of range)" }
    out += TerminalText.labelled("lines", lines, width: o.width, color: o.color)
    var t = TextTable([("what", .left), ("count", .right), ("share or detail", .left)])
    t.add(["messages received", "\(s.messagesReceived)", Format.bytes(s.bytesReceived)])
    t.add(["bounce notifications sent", "\(s.notificationsSent)", ""])
    t.add(["recipients", "\(s.recipients)", "final outcomes"])
    t.add(
      ["  delivered", "\(s.delivered)", Format.percent(s.deliveryRate)],
      styles: [nil, nil, .delivery(s.deliveryRate)])
    t.add(
      ["  bounced", "\(s.bounced)", Format.percent(s.bounceRate)],
      styles: [nil, .failure(s.bounced), .failure(s.bounced)])
    t.add(["  expired", "\(s.expired)", ""], styles: [nil, .failure(s.expired)])
    t.add(["  still deferred", "\(s.stillDeferred)", ""], styles: [nil, .warning(s.stillDeferred)])
    t.add(["delivery attempts", "\(s.attempts)", ""])
    t.add(
      ["  deferred", "\(s.deferred)", Format.percent(s.deferralRate) + " of attempts"],
      styles: [nil, .warning(s.deferred)])
    t.add([
      "recipients deferred", "\(s.deferredRecipients)", "\(s.deferredThenDelivered) delivered later",
    ])
    t.add(["rejected inbound", "\(s.rejected)", "by our own server"])
    t.add([
      "delivery delay", "",
      "median \(Format.seconds(s.delayMedianSeconds)), p95 \(Format.seconds(s.delayP95Seconds))",
    ])
    out += "\n" + t.rendered(width: o.width, color: o.color)
    return out
  }

  static func domains(_ rows: ReportRows<DomainRow>, _ o: ReportOptions) -> String {
    let out = heading("Recipient domains, most problems first", rows: rows.count, o)
    guard !rows.isEmpty else { return out + "  none\n" }
    return out + outcomeTable("domain", o.cut(rows).map { ($0.domain, nil, $0.outcomeColumns, $0.topReason) }, o)
  }

  static func providers(_ rows: [ProviderRow], _ o: ReportOptions) -> String {
    let out = heading("Mailbox providers, most problems first", rows: rows.count, o)
    guard !rows.isEmpty else { return out + "  none\n" }
    return out
      + outcomeTable("provider", o.cut(rows).map { ($0.name, $0.domains, $0.outcomeColumns, $0.topReason) }, o)
  }

  /// The domain or provider table: name, (domains), recipients and what became of them, how
  /// many retries it took, top reason; the legend below says what each column counts.
  static func outcomeTable(
    _ name: String, _ rows: [(String, Int?, OutcomeColumns, String?)], _ o: ReportOptions
  ) -> String {
    let withDomains = rows.contains { $0.1 != nil }
    var columns: [(String, TextTable.Align)] = [(name, .left)]
    if withDomains { columns.append(("domains", .right)) }
    columns += OutcomeColumns.headings.map { ($0, .right) } + [("top reason", .left)]
    var t = TextTable(columns)
    let k = withDomains ? 2 : 1
    // Narrow (or a long name): leave out delay, retried, domains, pending, retries, expired,
    // in that order; the name, the recipients, delivered, bounced and the rate always stay.
    t.droppable = [k + 8, k + 6] + (withDomains ? [1] : []) + [k + 4, k + 7, k + 3]
    for (label, domains, c, reason) in rows {
      var cells = [label]
      if withDomains { cells.append("\(domains ?? 0)") }
      cells += c.cells + [reason ?? ""]
      var styles: [TerminalStyle?] = Array(repeating: nil, count: k)
      styles += [
        nil, nil, .failure(c.bounced), .failure(c.expired), .warning(c.stillDeferred),
        .delivery(c.deliveryRate), .warning(c.retried),
      ]
      t.add(cells, styles: styles)
    }
    return t.rendered(width: o.width, color: o.color)
      + TerminalText.wrap(OutcomeColumns.legend, width: o.width, indent: "  ")
  }
}

extension TerminalText {
  /// `text` wrapped to `width` under a 13-column hanging indent, the first line labelled.
  static func labelled(_ label: String, _ text: String, width: Int, style: TerminalStyle? = nil, color: Bool) -> String {
    let indent = String(repeating: " ", count: 13)
    let body = wrap(text, width: width, indent: indent)
    let pad = String(repeating: " ", count: max(1, 11 - label.count))
    let shown = "  " + (style?.paint(label, color) ?? label) + pad
    return body.isEmpty ? shown + "\n" : shown + body.dropFirst(indent.count)
  }
}
