/// Writes the report for people at a terminal: summary, problem domains, codes, inbound.
public enum TextWriter {
  /// Options for the text report.
  public struct Options: Sendable {
    /// Rows per table.
    public var top: Int
    public init(top: Int = 20) { self.top = top }
  }

  public static func render(_ m: ReportModel, options: Options = Options()) -> String {
    var out = "logstat report\n"
    out += "  generated  \(m.generatedAt) (\(m.timeZone))\n"
    if let window = m.window { out += "  window     \(window)\n" }
    if let first = m.firstEvent, let last = m.lastEvent {
      out += "  events     \(first) .. \(last)\n"
    } else {
      out += "  events     none found\n"
    }
    let read = m.files.filter { $0.skipReason == nil }
    let outside = m.files.reduce(0) { $0 + $1.outsideWindow }
    out += "  files      \(read.count) read"
    if read.count < m.files.count { out += ", \(m.files.count - read.count) skipped" }
    out += "; \(m.lines.total + outside) lines: \(m.lines.recognised) counted, "
    out += "\(m.lines.skipped) other mail lines, \(m.lines.notMail) not mail"
    if outside > 0 { out += ", \(outside) outside the window" }
    out += "\n"
    for f in m.files {
      let what = f.skipReason.map { "skipped: \($0)" } ?? "\(f.lines) lines\(f.gzip ? ", gzip" : "")"
      out += "    \(TerminalText.safe(f.path))  (\(what))\n"
    }
    for p in m.problems { out += "  problem    \(TerminalText.safe(p))\n" }
    if !m.alerts.isEmpty { out += "\n" + alerts(m.alerts) }
    out += "\n" + summary(m.summary)
    out += "\n" + domains(m.domains, top: options.top)
    if !m.reasons.isEmpty { out += "\n" + reasons(m.reasons, top: options.top) }
    if !m.providers.isEmpty { out += "\n" + providers(m.providers, top: options.top) }
    if !m.blocklists.isEmpty { out += "\n" + blocklists(m.blocklists) }
    out += "\n" + codes(m, top: options.top)
    out += "\n" + inbound(m.inbound, top: options.top)
    return out
  }

  static func summary(_ s: Summary) -> String {
    var out = "Summary\n"
    var t = TextTable([("", .left), ("count", .right), ("", .left)])
    t.add(["messages received", "\(s.messagesReceived)", Format.bytes(s.bytesReceived)])
    t.add(["bounce notifications sent", "\(s.notificationsSent)", ""])
    t.add(["recipients", "\(s.recipients)", "final outcomes"])
    t.add(["  delivered", "\(s.delivered)", Format.percent(s.deliveryRate)])
    t.add(["  bounced", "\(s.bounced)", Format.percent(s.bounceRate)])
    t.add(["  expired", "\(s.expired)", ""])
    t.add(["  still deferred", "\(s.stillDeferred)", ""])
    t.add(["delivery attempts", "\(s.attempts)", ""])
    t.add(["  deferred", "\(s.deferred)", Format.percent(s.deferralRate) + " of attempts"])
    t.add([
      "recipients deferred", "\(s.deferredRecipients)",
      "\(s.deferredThenDelivered) delivered later",
    ])
    t.add(["rejected inbound", "\(s.rejected)", "by our own server"])
    t.add([
      "delivery delay", "", "median \(Format.seconds(s.delayMedianSeconds)), p95 \(Format.seconds(s.delayP95Seconds))",
    ])
    out += t.rendered()
    return out
  }

  static func domains(_ rows: [DomainRow], top: Int) -> String {
    var out = "Recipient domains, most problems first"
    out += rows.count > top ? " (top \(top) of \(rows.count))\n" : "\n"
    var t = TextTable([
      ("domain", .left), ("attempts", .right), ("delivered", .right), ("deferred", .right),
      ("bounced", .right), ("expired", .right), ("rejected", .right), ("delivery", .right),
      ("delay", .right), ("top reason", .left),
    ])
    for d in rows.prefix(top) {
      t.add([
        d.domain, "\(d.attempts)", "\(d.delivered)", "\(d.deferred)", "\(d.bounced)",
        "\(d.expired)", "\(d.rejected)", Format.percent(d.deliveryRate),
        Format.seconds(d.delayMedianSeconds), d.topReason ?? "",
      ])
    }
    out += t.rendered()
    return out
  }

  static func reasons(_ rows: [ReasonRow], top: Int) -> String {
    var out = "Why mail failed (final bounces and expiries, deferred attempts, inbound rejects)\n"
    var t = TextTable([
      ("reason", .left), ("kind", .left), ("failed", .right), ("share", .right),
      ("deferred", .right), ("rejected", .right), ("top domains", .left),
    ])
    for r in rows.prefix(top) {
      t.add([
        r.reason, r.hard ? "hard" : "soft", "\(r.failed)", Format.percent(r.share), "\(r.deferred)",
        "\(r.rejected)", r.topDomains.prefix(3).joined(separator: ", "),
      ])
    }
    out += t.rendered()
    out += "\n  What to do\n"
    for r in rows.prefix(top) where r.failed + r.deferred > 0 {
      out += "  \(r.reason) (\(r.title); fault: \(r.fault))\n"
      if let example = r.example {
        out += "    e.g. \(TerminalText.safe(String(example.prefix(160))))\n"
      }
      out += "    \(r.advice)\n"
    }
    return out
  }

  static func providers(_ rows: [ProviderRow], top: Int) -> String {
    var out = "Mailbox providers\n"
    var t = TextTable([
      ("provider", .left), ("domains", .right), ("attempts", .right), ("delivered", .right),
      ("deferred", .right), ("bounced", .right), ("expired", .right), ("delivery", .right),
      ("top reason", .left),
    ])
    for p in rows.prefix(top) {
      t.add([
        p.name, "\(p.domains)", "\(p.attempts)", "\(p.delivered)", "\(p.deferred)",
        "\(p.bounced)", "\(p.expired)", Format.percent(p.deliveryRate), p.topReason ?? "",
      ])
    }
    out += t.rendered()
    return out
  }

  static func blocklists(_ rows: [BlocklistRow]) -> String {
    var out = "Blocklists naming us\n"
    var t = TextTable([
      ("blocklist", .left), ("count", .right), ("first seen", .left), ("last seen", .left),
      ("domains", .left),
    ])
    for b in rows {
      t.add([
        b.name, "\(b.count)", b.firstSeen ?? "-", b.lastSeen ?? "-",
        b.domains.prefix(5).joined(separator: ", "),
      ])
    }
    out += t.rendered()
    return out
  }

  static func codes(_ m: ReportModel, top: Int) -> String {
    var out = "Status codes (attempts; failures exclude 2xx)\n"
    var t = TextTable([
      ("code", .left), ("deferred", .right), ("bounced", .right), ("rejected", .right),
      ("meaning", .left),
    ])
    let failing = (m.dsnCodes + m.replyCodes).filter { $0.deferred + $0.bounced + $0.rejected > 0 }
    for c in failing.sorted(by: { ($0.deferred + $0.bounced + $0.rejected, $1.code) > ($1.deferred + $1.bounced + $1.rejected, $0.code) }).prefix(top) {
      t.add(["\(c.code)", "\(c.deferred)", "\(c.bounced)", "\(c.rejected)", c.meaning])
    }
    out += t.rendered()
    return out
  }

  static func inbound(_ i: InboundSection, top: Int) -> String {
    var out = "Inbound rejects by our own server: \(i.rejected)\n"
    guard i.rejected > 0 else { return out }
    var t = TextTable([("reply", .left), ("dsn", .left), ("count", .right)])
    for r in i.byCode.prefix(top) {
      t.add([r.replyCode.map(String.init) ?? "-", r.dsn ?? "-", "\(r.count)"])
    }
    out += t.rendered()
    var c = TextTable([("client", .left), ("rejects", .right)])
    for r in i.clients.prefix(top) { c.add([r.name, "\(r.count)"]) }
    out += c.rendered()
    return out
  }
}
