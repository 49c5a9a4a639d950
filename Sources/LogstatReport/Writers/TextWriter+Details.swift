extension TextWriter {
  static func codes(_ m: ReportModel, _ o: ReportOptions) -> String {
    let failing = ReportModel.failingCodes(m)
    let out = heading("Status codes of failures", rows: failing.count, o)
    guard !failing.isEmpty else { return out + "  none\n" }
    var t = TextTable([
      ("code", .left), ("deferred", .right), ("bounced", .right), ("rejected", .right),
      ("meaning", .left),
    ])
    for c in o.cut(failing) {
      t.add(
        ["\(c.code)", "\(c.deferred)", "\(c.bounced)", "\(c.rejected)", c.meaning],
        styles: [nil, .warning(c.deferred), .failure(c.bounced)])
    }
    return out + t.rendered(width: o.width, color: o.color)
  }

  static func reasons(_ rows: [ReasonRow], _ o: ReportOptions) -> String {
    var out = heading(
      "Why mail failed (failures, deferrals, inbound rejects)",
      rows: rows.count, o)
    guard !rows.isEmpty else { return out + "  nothing failed\n" }
    var t = TextTable([
      ("reason", .left), ("kind", .left), ("failed", .right), ("share", .right),
      ("deferred", .right), ("rejected", .right), ("top domains", .left),
    ])
    t.droppable = [3, 5, 1]
    for r in o.cut(rows) {
      t.add(
        [
          r.reason, r.hard ? "hard" : "soft", "\(r.failed)", Format.percent(r.share),
          "\(r.deferred)", "\(r.rejected)", r.topDomains.prefix(3).joined(separator: ", "),
        ],
        styles: [nil, r.hard ? .red : nil, .failure(r.failed), nil, .warning(r.deferred)])
    }
    out += t.rendered(width: o.width, color: o.color)
    let advised = o.cut(rows).filter { $0.failed + $0.deferred > 0 }
    guard !advised.isEmpty else { return out }
    out += "\n  " + TerminalStyle.bold.paint("What to do", o.color) + "\n"
    for r in advised {
      out += TerminalText.wrap("\(r.reason): \(r.title); fault: \(r.fault)", width: o.width, indent: "  ")
      if let example = r.example {
        out += TerminalText.wrap(
        "e.g. " + TerminalText.excerpt(example, 200), width: o.width, indent: "      ", hanging: "           ")
      }
      out += TerminalText.wrap(r.advice, width: o.width, indent: "    ")
    }
    return out
  }

  static func senders(_ rows: [SenderRow], _ o: ReportOptions) -> String {
    let out = heading("Sender domains, most messages first", rows: rows.count, o)
    guard !rows.isEmpty else { return out + "  none\n" }
    var t = TextTable([
      ("sender domain", .left), ("messages", .right), ("size", .right), ("recipients", .right),
      ("delivered", .right), ("bounced", .right), ("expired", .right), ("bounce rate", .right),
      ("hard", .right),
    ])
    t.droppable = [2, 3, 6]
    for s in o.cut(rows) {
      t.add(
        [
          s.domain, "\(s.messages)", Format.bytes(s.bytes), "\(s.recipients)", "\(s.delivered)",
          "\(s.bounced)", "\(s.expired)", Format.percent(s.bounceRate),
          Format.percent(s.hardBounceRate),
        ],
        styles: [nil, nil, nil, nil, nil, .failure(s.bounced), .failure(s.expired)])
    }
    return out + t.rendered(width: o.width, color: o.color)
  }

  static func inbound(_ i: InboundSection, _ o: ReportOptions) -> String {
    var out = TerminalStyle.bold.paint("Inbound rejects by our own server: \(i.rejected)", o.color) + "\n"
    guard i.rejected > 0 else { return out }
    if !i.byReason.isEmpty {
      var r = TextTable([("reason", .left), ("rejects", .right)])
      for row in o.cut(i.byReason) { r.add([row.name, "\(row.count)"]) }
      out += "\n" + r.rendered(width: o.width, color: o.color)
    }
    var t = TextTable([("reply", .left), ("dsn", .left), ("rejects", .right)])
    for r in o.cut(i.byCode) {
      t.add([r.replyCode.map(String.init) ?? "-", r.dsn ?? "-", "\(r.count)"])
    }
    out += "\n" + t.rendered(width: o.width, color: o.color)
    if !i.clients.isEmpty {
      var c = TextTable([("client", .left), ("rejects", .right), ("top reason", .left)])
      for r in o.cut(i.clients) { c.add([r.client, "\(r.count)", r.topReason ?? ""]) }
      out += "\n" + heading("  Clients refused", rows: i.clients.count, o)
      out += c.rendered(width: o.width, color: o.color)
    }
    return out
  }
}

extension ReportModel {
  /// Enhanced and basic codes with at least one failure (deferred, bounced or rejected), most
  /// failures first: the codes worth explaining.
  static func failingCodes(_ m: ReportModel) -> [CodeRow] {
    func failures(_ c: CodeRow) -> Int { c.deferred + c.bounced + c.rejected }
    return (m.dsnCodes + m.replyCodes).filter { failures($0) > 0 }.sorted {
      (failures($0), $1.code) > (failures($1), $0.code)
    }
  }
}
