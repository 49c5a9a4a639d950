extension TextWriter {
  static func reputation(_ r: ReputationSection, _ o: ReportOptions) -> String {
    var out = TerminalStyle.bold.paint("Reputation: do receivers trust this server?", o.color) + "\n"
    if r.isClean {
      out += "  No blocklist, provider block, throttling, authentication, reverse DNS or spam\n"
      out += "  refusal was seen.\n"
    }
    if !r.listings.isEmpty {
      out += "\n" + heading("  Blocklists naming this server", rows: r.listings.count, o)
      var t = TextTable([
        ("blocklist", .left), ("listed IP", .left), ("replies", .right), ("first seen", .left),
        ("last seen", .left), ("domains", .left),
      ])
      t.droppable = [3, 4]
      for l in o.cut(r.listings) {
        t.add(
          [
            l.name, l.address ?? "-", "\(l.count)", Format.minute(l.firstSeen), Format.minute(l.lastSeen),
            Format.list(l.domains, first: 3),
          ],
          styles: [.red])
      }
      out += t.rendered(width: o.width, color: o.color)
    }
    let issues = r.issues.filter { $0.failed + $0.deferred > 0 }
    if !issues.isEmpty {
      out += "\n"
      var t = TextTable([
        ("issue", .left), ("failed", .right), ("deferred", .right), ("domains", .right),
        ("providers", .left), ("most affected", .left),
      ])
      t.droppable = [4]
      for i in issues {
        t.add(
          [
            i.category.title, "\(i.failed)", "\(i.deferred)", "\(i.domainCount)",
            Format.list(i.providers, first: 2), Format.list(i.domains.map(\.name), first: 3, total: i.domainCount),
          ],
          styles: [nil, .failure(i.failed), .warning(i.deferred)])
      }
      out += t.rendered(width: o.width, color: o.color)
      out += "\n"
      for i in issues {
        out += "  " + TerminalStyle.bold.paint(i.category.title, o.color) + "\n"
        out += TerminalText.wrap(i.advice, width: o.width, indent: "    ")
      }
    }
    out += "\n" + hygiene(r.hygiene, o)
    return out
  }

  static func hygiene(_ h: HygieneSection, _ o: ReportOptions) -> String {
    let level = HygieneSection.level(share: h.share, outcomes: h.finalOutcomes)
    var out = "  " + TerminalStyle.bold.paint("List hygiene", o.color) + "\n"
    var line = "\(h.hardBounced) hard bounces of \(h.finalOutcomes) final outcomes ("
    line += Format.percent(h.share) + ", \(level))"
    if !h.byReason.isEmpty {
      line += ": " + h.byReason.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
    }
    for l in TerminalText.wrap(line, width: o.width, indent: "    ").split(separator: "\n") {
      out += (TerminalStyle.level(level)?.paint(String(l), o.color) ?? String(l)) + "\n"
    }
    if h.hardBounced > 0, !h.senders.isEmpty {
      var t = TextTable([
        ("sender domain", .left), ("outcomes", .right), ("hard bounces", .right), ("share", .right),
        ("level", .left),
      ])
      for s in o.cut(h.senders) {
        t.add(
          [s.domain, "\(s.finalOutcomes)", "\(s.hardBounced)", Format.percent(s.share), s.level],
          styles: [nil, nil, .failure(s.hardBounced), nil, .level(s.level)])
      }
      out += t.rendered(indent: "    ", width: o.width, color: o.color)
      out += TerminalText.wrap(h.advice, width: o.width, indent: "    ")
    }
    return out
  }
}
