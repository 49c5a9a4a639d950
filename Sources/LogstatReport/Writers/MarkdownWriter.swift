/// Writes the report as Markdown for tickets and mail: a heading and a table per section,
/// every piece of log text escaped so it cannot break a table or become markup.
public enum MarkdownWriter {
  /// The selected sections as Markdown.
  public static func render(_ m: ReportModel, options o: ReportOptions = ReportOptions()) -> String {
    var out = "# Mail delivery report\n\n"
    out += "Generated \(m.generatedAt) (\(MarkdownText.escape(m.timeZone)))"
    if let window = m.window { out += ", window \(MarkdownText.escape(window))" }
    if let first = m.firstEvent, let last = m.lastEvent { out += ", events \(first) .. \(last)" }
    out += ".\n"
    if !m.problems.isEmpty {
      out += "\n**Problems reading the logs:**\n\n"
      for p in m.problems { out += "- \(MarkdownText.escape(p))\n" }
    }
    for section in o.sections {
      out += "\n## \(section.title)\n\n"
      let text = body(section, m, o)
      out += text.hasPrefix("\n") ? String(text.dropFirst()) : text
    }
    return out
  }

  /// A Markdown table; cells are escaped, numeric columns right-aligned.
  static func table(_ headers: [String], right: Set<Int> = [], _ rows: [[String]]) -> String {
    func line(_ cells: [String]) -> String { "| " + cells.map(MarkdownText.escape).joined(separator: " | ") + " |\n" }
    var out = line(headers)
    out += "|" + headers.indices.map { right.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
    for r in rows { out += line(r) }
    return out
  }

  /// `(top N of M)` when a table was cut.
  static func cutNote(_ total: Int, _ o: ReportOptions) -> String {
    guard let top = o.top, total > top else { return "" }
    return "Top \(top) of \(total).\n\n"
  }

  /// Plain tables (health, traffic), each under a third-level heading.
  static func plain(_ tables: [PlainTable], _ o: ReportOptions) -> String {
    tables.map { p in
      "### \(MarkdownText.escape(p.title))\n\n" + cutNote(p.total, o) + table(p.columns, right: p.numeric, p.rows)
    }.joined(separator: "\n")
  }

  static func body(_ s: ReportSection, _ m: ReportModel, _ o: ReportOptions) -> String {
    switch s {
    case .health: return plain(m.health.tables(o), o)
    case .traffic: return plain(m.traffic.tables(o), o)
    case .alerts:
      guard !m.alerts.isEmpty else { return "No alerts.\n" }
      var out = ""
      for a in m.alerts {
        out += "- **\(MarkdownText.escape(a.message))**"
        if let advice = a.advice { out += " \(MarkdownText.escape(advice))" }
        out += "\n"
      }
      return out
    case .summary:
      return table(["what", "count", "share or detail"], right: [1], SummaryRows.rows(m))
    case .domains:
      guard !m.domains.isEmpty else { return "None.\n" }
      return cutNote(m.domains.count, o)
        + table(
          ["domain"] + OutcomeColumns.headings + ["top reason"], right: Set(1...9),
          o.cut(m.domains).map { [$0.domain] + $0.outcomeColumns.cells + [$0.topReason ?? ""] })
        + "\n" + OutcomeColumns.legend + "\n"
    case .providers:
      guard !m.providers.isEmpty else { return "None.\n" }
      return cutNote(m.providers.count, o)
        + table(
          ["provider", "domains"] + OutcomeColumns.headings + ["top reason"], right: Set(1...10),
          o.cut(m.providers).map { [$0.name, "\($0.domains)"] + $0.outcomeColumns.cells + [$0.topReason ?? ""] })
        + "\n" + OutcomeColumns.legend + "\n"
    case .codes:
      let codes = ReportModel.failingCodes(m)
      guard !codes.isEmpty else { return "No failed attempts.\n" }
      return cutNote(codes.count, o)
        + table(
          ["code", "deferred", "bounced", "rejected", "meaning"], right: [1, 2, 3],
          o.cut(codes).map { [$0.code, "\($0.deferred)", "\($0.bounced)", "\($0.rejected)", $0.meaning] })
    case .reasons:
      guard !m.reasons.isEmpty else { return "Nothing failed.\n" }
      var out = table(
        ["reason", "kind", "failed", "share", "deferred", "rejected", "top domains", "what to do"],
        right: [2, 3, 4, 5],
        m.reasons.map {
          [
            $0.reason, $0.hard ? "hard" : "soft", "\($0.failed)", Format.percent($0.share),
            "\($0.deferred)", "\($0.rejected)", $0.topDomains.prefix(3).joined(separator: ", "),
            $0.advice,
          ]
        })
      let examples = m.reasons.filter { $0.example != nil }
      if !examples.isEmpty {
        out += "\nExamples:\n\n"
        for r in examples { out += "- \(r.reason): \(MarkdownText.escape(String(r.example!.prefix(200))))\n" }
      }
      return out
    case .reputation: return reputation(m.reputation, o)
    case .senders:
      guard !m.senders.isEmpty else { return "None.\n" }
      return cutNote(m.senders.count, o)
        + table(
          ["sender domain", "messages", "recipients", "delivered", "bounced", "expired", "bounce rate", "hard bounces"],
          right: [1, 2, 3, 4, 5, 6, 7],
          o.cut(m.senders).map {
            [
              $0.domain, "\($0.messages)", "\($0.recipients)", "\($0.delivered)", "\($0.bounced)",
              "\($0.expired)", Format.percent($0.bounceRate), Format.percent($0.hardBounceRate),
            ]
          })
    case .timeline:
      guard let first = m.timeline.first, let last = m.timeline.last else { return "No events.\n" }
      let byDay = last.start - first.start >= 48 * 3600
      let rows = byDay ? TextWriter.days(m.timeline) : m.timeline
      return table(
        [byDay ? "day" : "hour", "delivered", "deferred", "bounced", "expired", "rejected"],
        right: [1, 2, 3, 4, 5],
        rows.map { [$0.hour, "\($0.delivered)", "\($0.deferred)", "\($0.bounced)", "\($0.expired)", "\($0.rejected)"] })
    case .inbound:
      let i = m.inbound
      var out = "\(i.rejected) rejected by our own server.\n"
      guard i.rejected > 0 else { return out }
      if !i.byReason.isEmpty {
        out += "\n" + table(["reason", "rejects"], right: [1], i.byReason.map { [$0.name, "\($0.count)"] })
      }
      if !i.clients.isEmpty {
        out += "\n" + cutNote(i.clients.count, o)
          + table(
            ["client", "rejects", "top reason"], right: [1],
            o.cut(i.clients).map { [$0.client, "\($0.count)", $0.topReason ?? ""] })
      }
      return out
    }
  }

  static func reputation(_ r: ReputationSection, _ o: ReportOptions) -> String {
    var out = ""
    if r.isClean {
      out += "No blocklist, provider block, throttling, authentication, reverse DNS or spam refusal was seen.\n"
    }
    if !r.listings.isEmpty {
      out += "\n### Blocklists naming this server\n\n"
      out += table(
        ["blocklist", "listed IP", "replies", "first seen", "last seen", "domains"], right: [2],
        o.cut(r.listings).map {
          [
            $0.name, $0.address ?? "-", "\($0.count)", $0.firstSeen ?? "-", $0.lastSeen ?? "-",
            Format.list($0.domains, first: 5),
          ]
        })
    }
    let issues = r.issues.filter { $0.failed + $0.deferred > 0 }
    if !issues.isEmpty {
      out += "\n### Refusals that point at our reputation\n\n"
      out += table(
        ["issue", "failed", "deferred", "domains", "providers", "most affected", "what to do"],
        right: [1, 2, 3],
        issues.map {
          [
            $0.category.title, "\($0.failed)", "\($0.deferred)", "\($0.domainCount)",
            Format.list($0.providers, first: 3),
            Format.list($0.domains.map(\.name), first: 3, total: $0.domainCount), $0.advice,
          ]
        })
    }
    let h = r.hygiene
    out += "\n### List hygiene\n\n"
    out += "\(h.hardBounced) hard bounces of \(h.finalOutcomes) final outcomes (\(Format.percent(h.share)), "
    out += "\(HygieneSection.level(share: h.share, outcomes: h.finalOutcomes)))"
    if !h.byReason.isEmpty { out += ": " + h.byReason.map { "\($0.name) \($0.count)" }.joined(separator: ", ") }
    out += ". " + MarkdownText.escape(h.advice) + "\n"
    if h.hardBounced > 0, !h.senders.isEmpty {
      out += "\n" + table(
        ["sender domain", "outcomes", "hard bounces", "share", "level"], right: [1, 2, 3],
        o.cut(h.senders).map {
          [$0.domain, "\($0.finalOutcomes)", "\($0.hardBounced)", Format.percent($0.share), $0.level]
        })
    }
    return out
  }
}
