extension HTMLWriter {
  /// Plain tables (health, traffic), each under a third-level heading.
  static func plain(_ tables: [PlainTable], _ o: ReportOptions) -> String {
    tables.map { p in
      "<h3>\(esc(p.title))</h3>\n" + cutNote(p.total, o) + table(p.columns, right: p.numeric, p.rows)
    }.joined()
  }

  static func body(_ s: ReportSection, _ m: ReportModel, _ o: ReportOptions) -> String {
    switch s {
    case .health: return plain(m.health.tables(o), o)
    case .traffic: return plain(m.traffic.tables(o), o)
    case .alerts:
      guard !m.alerts.isEmpty else { return para("No alerts.") }
      var out = "<ul class=\"alerts\">\n"
      for a in m.alerts {
        out += "<li><strong style=\"color:\(Tone.bad.rawValue)\">\(esc(a.message))</strong>"
        if let example = a.example { out += "<br><code>\(esc(example))</code>" }
        if let advice = a.advice { out += "<br>\(esc(advice))" }
        out += "</li>\n"
      }
      return out + "</ul>\n"
    case .summary:
      return table(["what", "count", "share or detail"], right: [1], SummaryRows.rows(m))
    case .domains:
      guard !m.domains.isEmpty else { return para("None.") }
      let rows = o.cut(m.domains)
      return HTMLChart.problemDomains(m.domains) + cutNote(m.domains.count, o)
        + table(
          ["domain", "provider"] + OutcomeColumns.headings + ["top reason"],
          right: Set(2...10),
          rows.map { [$0.domain, $0.provider] + $0.outcomeColumns.cells + [$0.topReason ?? ""] },
          tones: rows.map { [nil, nil] + outcomeTones($0.outcomeColumns) })
        + para(OutcomeColumns.legend)
    case .providers:
      guard !m.providers.isEmpty else { return para("None.") }
      let rows = o.cut(m.providers)
      return cutNote(m.providers.count, o)
        + table(
          ["provider", "domains"] + OutcomeColumns.headings + ["top reason"],
          right: Set(1...10),
          rows.map { [$0.name, "\($0.domains)"] + $0.outcomeColumns.cells + [$0.topReason ?? ""] },
          tones: rows.map { [nil, nil] + outcomeTones($0.outcomeColumns) })
        + para(OutcomeColumns.legend)
    case .codes:
      let codes = ReportModel.failingCodes(m)
      guard !codes.isEmpty else { return para("No failed attempts.") }
      return cutNote(codes.count, o)
        + table(
          ["code", "deferred", "bounced", "rejected", "meaning (RFC 3463 / RFC 5321)"], right: [1, 2, 3],
          o.cut(codes).map { [$0.code, "\($0.deferred)", "\($0.bounced)", "\($0.rejected)", $0.meaning] })
    case .reasons:
      return reasons(m.reasons)
    case .reputation:
      return reputation(m.reputation, o)
    case .senders:
      guard !m.senders.isEmpty else { return para("None.") }
      let rows = o.cut(m.senders)
      return cutNote(m.senders.count, o)
        + table(
          ["sender domain", "messages", "size", "recipients", "delivered", "bounced", "expired", "bounce rate", "hard bounces"],
          right: [1, 2, 3, 4, 5, 6, 7, 8],
          rows.map {
            [
              $0.domain, "\($0.messages)", Format.bytes($0.bytes), "\($0.recipients)",
              "\($0.delivered)", "\($0.bounced)", "\($0.expired)", Format.percent($0.bounceRate),
              Format.percent($0.hardBounceRate),
            ]
          },
          tones: rows.map { [nil, nil, nil, nil, nil, .failure($0.bounced), .failure($0.expired)] })
    case .timeline:
      guard let first = m.timeline.first, let last = m.timeline.last else { return para("No events.") }
      let byDay = last.start - first.start >= 48 * 3600
      let rows = byDay ? TextWriter.days(m.timeline) : m.timeline
      return HTMLChart.timeline(m.timeline)
        + table(
          [byDay ? "day" : "hour", "delivered", "deferred", "bounced", "expired", "rejected"],
          right: [1, 2, 3, 4, 5],
          rows.map { [$0.hour, "\($0.delivered)", "\($0.deferred)", "\($0.bounced)", "\($0.expired)", "\($0.rejected)"] },
          tones: rows.map { [nil, nil, .warning($0.deferred), .failure($0.bounced), .failure($0.expired)] })
    case .inbound:
      let i = m.inbound
      var out = para("\(i.rejected) rejected by our own server before queueing.")
      guard i.rejected > 0 else { return out }
      if !i.byReason.isEmpty {
        out += "<h3>By reason</h3>\n" + table(["reason", "rejects"], right: [1], i.byReason.map { [$0.name, "\($0.count)"] })
      }
      if !i.byCode.isEmpty {
        out += "<h3>By code</h3>\n" + table(
          ["reply", "dsn", "rejects"], right: [2],
          o.cut(i.byCode).map { [$0.replyCode.map(String.init) ?? "-", $0.dsn ?? "-", "\($0.count)"] })
      }
      if !i.clients.isEmpty {
        out += "<h3>Clients refused</h3>\n" + cutNote(i.clients.count, o)
          + table(["client", "rejects", "top reason"], right: [1], o.cut(i.clients).map { [$0.client, "\($0.count)", $0.topReason ?? ""] })
      }
      return out
    }
  }

  static func reasons(_ rows: [ReasonRow]) -> String {
    guard !rows.isEmpty else { return para("Nothing failed.") }
    var out = HTMLChart.reasons(rows)
    out += table(
      ["reason", "kind", "fault", "failed", "share", "deferred", "rejected", "top domains"],
      right: [3, 4, 5, 6],
      rows.map {
        [
          $0.reason, $0.hard ? "hard" : "soft", $0.fault, "\($0.failed)", Format.percent($0.share),
          "\($0.deferred)", "\($0.rejected)", $0.topDomains.prefix(3).joined(separator: ", "),
        ]
      },
      tones: rows.map { [nil, $0.hard ? .bad : nil, nil, .failure($0.failed), nil, .warning($0.deferred)] })
    out += "<h3>What to do</h3>\n"
    for r in rows where r.failed + r.deferred > 0 {
      out += "<p class=\"advice\"><b>\(esc(r.reason))</b> &ndash; \(esc(r.title)). \(esc(r.advice))</p>\n"
      if let example = r.example {
        out += "<p class=\"example\">e.g. \(esc(String(example.prefix(300))))</p>\n"
      }
    }
    return out
  }

  static func reputation(_ r: ReputationSection, _ o: ReportOptions) -> String {
    var out = ""
    if r.isClean {
      out += para("No blocklist, provider block, throttling, authentication, reverse DNS or spam refusal was seen.")
    }
    if !r.listings.isEmpty {
      out += "<h3>Blocklists naming this server</h3>\n" + cutNote(r.listings.count, o)
      out += table(
        ["blocklist", "listed IP", "replies", "first seen", "last seen", "domains"], right: [2],
        o.cut(r.listings).map {
          [$0.name, $0.address ?? "-", "\($0.count)", $0.firstSeen ?? "-", $0.lastSeen ?? "-", Format.list($0.domains, first: 5)]
        },
        tones: o.cut(r.listings).map { _ in [.bad] })
    }
    let issues = r.issues.filter { $0.failed + $0.deferred > 0 }
    if !issues.isEmpty {
      out += "<h3>Refusals that point at our reputation</h3>\n"
      out += table(
        ["issue", "failed", "deferred", "domains", "providers", "most affected"], right: [1, 2, 3],
        issues.map {
          [
            $0.category.title, "\($0.failed)", "\($0.deferred)", "\($0.domainCount)",
            Format.list($0.providers, first: 3),
            Format.list($0.domains.map { "\($0.name) (\($0.count))" }, first: 5, total: $0.domainCount),
          ]
        },
        tones: issues.map { [nil, .failure($0.failed), .warning($0.deferred)] })
      for i in issues {
        out += "<p class=\"advice\"><b>\(esc(i.category.title))</b>: \(esc(i.advice))</p>\n"
      }
    }
    let h = r.hygiene
    let level = HygieneSection.level(share: h.share, outcomes: h.finalOutcomes)
    out += "<h3>List hygiene</h3>\n"
    var line = "\(h.hardBounced) hard bounces of \(h.finalOutcomes) final outcomes (\(Format.percent(h.share)), \(level))"
    if !h.byReason.isEmpty { line += ": " + h.byReason.map { "\($0.name) \($0.count)" }.joined(separator: ", ") }
    out += "<p\(Tone.level(level).map { " style=\"color:\($0.rawValue)\"" } ?? "")>\(esc(line)).</p>\n"
    if h.hardBounced > 0, !h.senders.isEmpty {
      let rows = o.cut(h.senders)
      out += table(
        ["sender domain", "outcomes", "hard bounces", "share", "level"], right: [1, 2, 3],
        rows.map { [$0.domain, "\($0.finalOutcomes)", "\($0.hardBounced)", Format.percent($0.share), $0.level] },
        tones: rows.map { [nil, nil, .failure($0.hardBounced), nil, Tone.level($0.level)] })
    }
    out += para(h.advice, cls: "advice")
    return out
  }
}

extension HTMLWriter {
  /// Tones of the `OutcomeColumns` cells: failures red, still deferred and retried amber.
  static func outcomeTones(_ c: OutcomeColumns) -> [Tone?] {
    [
      nil, nil, .failure(c.bounced), .failure(c.expired), .warning(c.stillDeferred),
      .delivery(c.deliveryRate), .warning(c.retried),
    ]
  }
}
