/// Writes each selected section as one CSV table (RFC 4180, CRLF, header row, spreadsheet-safe
/// cells). With one section the output is exactly that table; with several, each table is
/// preceded by a `# section` line and followed by an empty line.
public enum CSVWriter {
  /// The selected sections as CSV tables.
  public static func render(_ m: ReportModel, options o: ReportOptions = ReportOptions(top: nil)) -> String {
    let tables = o.sections.map { ($0, table($0, m, o)) }
    if tables.count == 1 { return tables[0].1.map(CSVText.record).joined() }
    return tables.map { section, rows in
      "# \(section.rawValue)\r\n" + rows.map(CSVText.record).joined() + "\r\n"
    }.joined()
  }

  /// The rows of one section's table, header first.
  /// Plain tables (health, traffic) as one table: the sub-table's title, then its cells.
  static func plain(_ tables: [PlainTable]) -> [[String]] {
    let width = tables.map { $0.columns.count }.max() ?? 0
    func pad(_ r: [String]) -> [String] { r + Array(repeating: "", count: width - r.count) }
    let header = ["table", "name"] + (1..<Swift.max(width, 1)).map { "value\($0)" }
    return [header] + tables.flatMap { p in p.rows.map { [p.title] + pad($0) } }
  }

  static func table(_ s: ReportSection, _ m: ReportModel, _ o: ReportOptions) -> [[String]] {
    switch s {
    case .health: return plain(m.health.tables(o))
    case .traffic: return plain(m.traffic.tables(o))
    case .alerts:
      return [
        [
          "kind", "subject_kind", "subject", "metric", "reason", "baseline_rate", "rate",
          "events", "attempts", "baseline", "since", "p_value", "example", "advice", "message",
        ]
      ]
        + m.alerts.map { a in
          [
            a.kind, a.subjectKind, a.subject, a.metric ?? "", a.reason ?? "",
            Format.number(a.baselineRate), Format.number(a.rate), String(a.events),
            String(a.attempts), a.baseline, a.since ?? "", Format.number(a.pValue),
            a.example ?? "", a.advice ?? "", a.message,
          ]
        }
    case .summary: return summary(m)
    case .domains:
      return [
        [
          "domain", "provider", "attempts", "recipients", "delivered", "deferred",
          "deferred_recipients", "deferred_then_delivered", "still_deferred", "bounced", "expired",
          "rejected", "notifications", "delivery_rate", "delay_median_seconds", "top_reason",
        ]
      ]
        + o.cut(m.domains).map { d in
          [d.domain, d.provider] + ints(
            d.attempts, d.recipients, d.delivered, d.deferred, d.deferredRecipients,
            d.deferredThenDelivered, d.stillDeferred, d.bounced, d.expired, d.rejected,
            d.notifications)
            + [Format.number(d.deliveryRate), Format.number(d.delayMedianSeconds), d.topReason ?? ""]
        }
    case .providers:
      return [
        [
          "provider", "name", "domains", "attempts", "recipients", "delivered", "deferred",
          "still_deferred", "bounced", "expired", "delivery_rate", "delay_median_seconds",
          "top_reason",
        ]
      ]
        + o.cut(m.providers).map { p in
          [p.provider, p.name] + ints(
            p.domains, p.attempts, p.recipients, p.delivered, p.deferred, p.stillDeferred,
            p.bounced, p.expired)
            + [Format.number(p.deliveryRate), Format.number(p.delayMedianSeconds), p.topReason ?? ""]
        }
    case .codes:
      let rows = o.cut(m.dsnCodes).map { ("enhanced", $0) } + o.cut(m.replyCodes).map { ("basic", $0) }
      return [
        [
          "kind", "code", "meaning", "sent", "deferred", "bounced", "final_bounced",
          "final_expired", "rejected",
        ]
      ]
        + rows.map { kind, c in
          [kind, c.code, c.meaning]
            + ints(c.sent, c.deferred, c.bounced, c.finalBounced, c.finalExpired, c.rejected)
        }
    case .reasons:
      return [
        [
          "reason", "title", "kind", "fault", "failed", "share", "deferred", "rejected",
          "top_domains", "example", "advice",
        ]
      ]
        + m.reasons.map { r in
          [r.reason, r.title, r.hard ? "hard" : "soft", r.fault, "\(r.failed)", Format.number(r.share)]
            + ints(r.deferred, r.rejected)
            + [r.topDomains.joined(separator: " "), r.example ?? "", r.advice]
        }
    case .reputation: return reputation(m.reputation, o)
    case .senders:
      return [
        [
          "sender_domain", "messages", "bytes", "recipients", "delivered", "bounced", "expired",
          "still_deferred", "bounce_rate", "hard_bounced", "hard_bounce_rate",
        ]
      ]
        + o.cut(m.senders).map { s in
          [s.domain]
            + ints(s.messages, s.bytes, s.recipients, s.delivered, s.bounced, s.expired, s.stillDeferred)
            + [Format.number(s.bounceRate), "\(s.hardBounced)", Format.number(s.hardBounceRate)]
        }
    case .timeline:
      return [["hour", "delivered", "deferred", "bounced", "expired", "rejected"]]
        + m.timeline.map { h in [h.hour] + ints(h.delivered, h.deferred, h.bounced, h.expired, h.rejected) }
    case .inbound:
      let i = m.inbound
      return [["kind", "name", "count", "top_reason"]]
        + i.byReason.map { ["reason", $0.name, "\($0.count)", ""] }
        + o.cut(i.byCode).map {
          ["code", [$0.replyCode.map(String.init), $0.dsn].compactMap { $0 }.joined(separator: " "), "\($0.count)", ""]
        }
        + o.cut(i.clients).map { ["client", $0.client, "\($0.count)", $0.topReason ?? ""] }
    }
  }

  static func ints(_ values: Int...) -> [String] { values.map(String.init) }

  /// `metric,value` rows: window, files, lines, messages, outcomes, rates, delays.
  static func summary(_ m: ReportModel) -> [[String]] {
    let s = m.summary
    var rows: [[String]] = [["metric", "value"]]
    rows.append(["generated_at", m.generatedAt])
    rows.append(["time_zone", m.timeZone])
    rows.append(["window", m.window ?? ""])
    rows.append(["first_event", m.firstEvent ?? ""])
    rows.append(["last_event", m.lastEvent ?? ""])
    let counts: [(String, Int)] = [
      ("files_read", m.filesRead), ("files_skipped", m.filesSkipped),
      ("lines_read", m.lines.total + m.linesOutsideWindow), ("lines_recognised", m.lines.recognised),
      ("lines_other_mail", m.lines.skipped), ("lines_not_mail", m.lines.notMail),
      ("lines_outside_window", m.linesOutsideWindow), ("address_probes", m.lines.probes),
      ("messages_received", s.messagesReceived), ("notifications_sent", s.notificationsSent),
      ("bytes_received", s.bytesReceived), ("recipients", s.recipients), ("attempts", s.attempts),
      ("delivered", s.delivered), ("deferred", s.deferred),
      ("deferred_recipients", s.deferredRecipients),
      ("deferred_then_delivered", s.deferredThenDelivered), ("still_deferred", s.stillDeferred),
      ("bounced", s.bounced), ("expired", s.expired), ("rejected", s.rejected),
    ]
    rows += counts.map { [$0.0, "\($0.1)"] }
    let rates: [(String, Double?)] = [
      ("delivery_rate", s.deliveryRate), ("bounce_rate", s.bounceRate),
      ("deferral_rate", s.deferralRate), ("delay_median_seconds", s.delayMedianSeconds),
      ("delay_p95_seconds", s.delayP95Seconds),
    ]
    rows += rates.map { [$0.0, Format.number($0.1)] }
    rows += m.problems.map { ["problem", $0] }
    return rows
  }

  /// One long table: a row per listing, per category of distrust, and per sender domain's
  /// hard bounces, told apart by `category`.
  static func reputation(_ r: ReputationSection, _ o: ReportOptions) -> [[String]] {
    var rows: [[String]] = [
      [
        "category", "subject", "address", "count", "failed", "deferred", "outcomes", "share",
        "first_seen", "last_seen", "domains", "advice",
      ]
    ]
    for l in o.cut(r.listings) {
      rows.append([
        "blocklist-listing", l.blocklist, l.address ?? "", "\(l.count)", "", "", "", "",
        l.firstSeen ?? "", l.lastSeen ?? "", l.domains.joined(separator: " "), "",
      ])
    }
    for i in r.issues {
      rows.append([
        i.category.rawValue, i.category.reason, "", "\(i.failed + i.deferred)", "\(i.failed)",
        "\(i.deferred)", "", "", "", "", i.domains.map(\.name).joined(separator: " "), i.advice,
      ])
    }
    let h = r.hygiene
    rows.append([
      "list-hygiene", "(all)", "", "\(h.hardBounced)", "", "", "\(h.finalOutcomes)",
      Format.number(h.share), "", "", "", h.advice,
    ])
    for s in o.cut(h.senders) {
      rows.append([
        "list-hygiene", s.domain, "", "\(s.hardBounced)", "", "", "\(s.finalOutcomes)",
        Format.number(s.share), "", "", "", "",
      ])
    }
    return rows
  }
}
