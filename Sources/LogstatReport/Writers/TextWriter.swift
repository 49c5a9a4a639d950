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
      }
    }
    return out
  }

  /// Title, when, and every input problem (always shown: a report with holes must say so).
  static func header(_ m: ReportModel, _ o: ReportOptions) -> String {
    var out = TerminalStyle.bold.paint("logstat report", o.color) + "\n"
    out += TerminalText.labelled("generated", "\(m.generatedAt) (\(m.timeZone))", width: o.width, color: o.color)
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
      let what = f.skipReason.map { "skipped: \($0)" } ?? "\(f.lines) lines\(f.gzip ? ", gzip" : "")"
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

  static func domains(_ rows: [DomainRow], _ o: ReportOptions) -> String {
    let out = heading("Recipient domains, most problems first", rows: rows.count, o)
    guard !rows.isEmpty else { return out + "  none\n" }
    var t = TextTable([
      ("domain", .left), ("attempts", .right), ("delivered", .right), ("deferred", .right),
      ("bounced", .right), ("expired", .right), ("rate", .right), ("delay", .right),
      ("top reason", .left),
    ])
    t.droppable = [1, 7, 5]
    for d in o.cut(rows) {
      t.add(
        [
          d.domain, "\(d.attempts)", "\(d.delivered)", "\(d.deferred)", "\(d.bounced)",
          "\(d.expired)", Format.percent(d.deliveryRate), Format.seconds(d.delayMedianSeconds),
          d.topReason ?? "",
        ],
        styles: [
          nil, nil, nil, .warning(d.deferred), .failure(d.bounced), .failure(d.expired),
          .delivery(d.deliveryRate),
        ])
    }
    return out + t.rendered(width: o.width, color: o.color)
  }

  static func providers(_ rows: [ProviderRow], _ o: ReportOptions) -> String {
    let out = heading("Mailbox providers, most problems first", rows: rows.count, o)
    guard !rows.isEmpty else { return out + "  none\n" }
    var t = TextTable([
      ("provider", .left), ("domains", .right), ("attempts", .right), ("delivered", .right),
      ("deferred", .right), ("bounced", .right), ("expired", .right), ("rate", .right),
      ("delay", .right), ("top reason", .left),
    ])
    t.droppable = [1, 2, 8]
    for p in o.cut(rows) {
      t.add(
        [
          p.name, "\(p.domains)", "\(p.attempts)", "\(p.delivered)", "\(p.deferred)",
          "\(p.bounced)", "\(p.expired)", Format.percent(p.deliveryRate),
          Format.seconds(p.delayMedianSeconds), p.topReason ?? "",
        ],
        styles: [
          nil, nil, nil, nil, .warning(p.deferred), .failure(p.bounced), .failure(p.expired),
          .delivery(p.deliveryRate),
        ])
    }
    return out + t.rendered(width: o.width, color: o.color)
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
