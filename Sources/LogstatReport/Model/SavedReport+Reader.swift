import Foundation
import LogstatAggregate
import LogstatClassify
import LogstatScan

/// Rebuilds an `Aggregate` from a report's `counts` block (see `ReportCounts.encode`).
struct SavedReportReader {
  let path: String

  func fail(_ what: String) -> SavedReportError {
    SavedReportError(path, "bad `counts` block: \(what). Was the file edited? Write it again with logstat --format json.")
  }

  func number(_ o: [String: Any], _ key: String) throws(SavedReportError) -> Int {
    guard let v = o[key], let n = int(v) else { throw fail("`\(key)` is missing or not a number") }
    return n
  }

  func list(_ o: [String: Any], _ key: String) throws(SavedReportError) -> [[String: Any]] {
    guard let v = o[key] as? [[String: Any]] else { throw fail("`\(key)` is missing or not a list") }
    return v
  }

  func epoch(_ o: [String: Any], _ key: String) -> Int64? {
    o[key].flatMap(int).map(Int64.init)
  }

  func reasons(_ any: Any?) throws(SavedReportError) -> ReasonCounts {
    var r = ReasonCounts()
    for (name, value) in any as? [String: Any] ?? [:] {
      guard let reason = Reason(rawValue: name), let n = int(value) else { throw fail("unknown reason `\(name)`") }
      r[reason] += n
    }
    return r
  }

  mutating func aggregate(_ c: [String: Any]) throws(SavedReportError) -> Aggregate {
    var a = Aggregate()
    guard let l = c["lines"] as? [String: Any], let kinds = l["by_kind"] as? [Any] else { throw fail("no `lines`") }
    var lines = LineCounters()
    lines.total = try number(l, "total")
    lines.probes = try number(l, "probes")
    for (k, v) in kinds.enumerated() where k < lines.byKind.count { lines.byKind[k] = int(v) ?? 0 }
    a.restoreTotals(
      lines: lines, messagesReceived: try number(c, "messages_received"),
      notificationsSent: try number(c, "notifications_sent"), bytesReceived: try number(c, "bytes_received"),
      firstTime: epoch(c, "first_epoch"), lastTime: epoch(c, "last_epoch"))
    for d in try list(c, "domains") { try domain(d, into: &a) }
    for s in try list(c, "senders") {
      var sc = SenderCounters()
      sc.messages = try number(s, "messages")
      sc.bytes = try number(s, "bytes")
      sc.recipients = try number(s, "recipients")
      sc.delivered = try number(s, "delivered")
      sc.bounced = try number(s, "bounced")
      sc.expired = try number(s, "expired")
      sc.stillDeferred = try number(s, "still_deferred")
      a.restoreSender(s["name"] as? String ?? "", counters: sc, hardBounces: try number(s, "hard_bounces"))
    }
    for d in try list(c, "dsn_codes") { a.restoreDSN(UInt32(try number(d, "key")), try code(d)) }
    for d in try list(c, "reply_codes") { a.restoreReplyCode(try number(d, "key"), try code(d)) }
    try inbound(c["inbound"], into: &a)
    for h in try list(c, "hours") {
      var hc = HourCounters()
      hc.delivered = try number(h, "delivered")
      hc.deferred = try number(h, "deferred")
      hc.bounced = try number(h, "bounced")
      hc.expired = try number(h, "expired")
      hc.rejected = try number(h, "rejected")
      hc.received = h["received"].flatMap(int) ?? 0
      a.restoreHour(Int64(try number(h, "hours_since_epoch")), hc)
    }
    for b in try list(c, "blocklists") {
      guard let list = Blocklist(rawValue: b["blocklist"] as? String ?? "") else { throw fail("unknown blocklist") }
      a.restoreBlocklist(
        list, count: try number(b, "count"), first: epoch(b, "first_epoch"), last: epoch(b, "last_epoch"),
        domains: b["domains"] as? [String] ?? [])
    }
    for b in try list(c, "listings") {
      guard let list = Blocklist(rawValue: b["blocklist"] as? String ?? "") else { throw fail("unknown blocklist") }
      a.restoreListing(
        ListingKey(blocklist: list, address: b["address"] as? String ?? ""), count: try number(b, "count"),
        first: epoch(b, "first_epoch"), last: epoch(b, "last_epoch"), domains: b["domains"] as? [String] ?? [])
    }
    try events(c, into: &a)
    for e in try list(c, "examples") {
      guard let r = Reason(rawValue: e["reason"] as? String ?? "") else { throw fail("unknown example reason") }
      a.restoreExample(r, ReasonExample(text: e["text"] as? String ?? "", domain: e["domain"] as? String ?? ""))
    }
    return a
  }

  /// A list of `{name, count, bytes[, example]}` (absent in reports of older versions).
  func named(_ any: Any?) throws(SavedReportError) -> NamedCounts {
    var n = NamedCounts()
    for row in any as? [[String: Any]] ?? [] {
      n.add(row["name"] as? String ?? "", try number(row, "count"), size: row["bytes"].flatMap(int) ?? 0,
        example: row["example"] as? String)
    }
    return n
  }

  /// The events, bytes delivered and address tables (absent in reports of older versions).
  func events(_ c: [String: Any], into a: inout Aggregate) throws(SavedReportError) {
    var e = EventCounters()
    if let ev = c["events"] as? [String: Any] {
      for (name, value) in ev["by_event"] as? [String: Any] ?? [:] {
        guard let kind = MailEvent.allCases.first(where: { String(describing: $0) == name }), let n = int(value) else {
          throw fail("unknown event `\(name)`")
        }
        e[kind] += n
      }
      for triple in ev["special"] as? [[Any]] ?? [] where triple.count == 3 {
        guard let kind = SpecialRecipient.allCases.first(where: { String(describing: $0) == triple[0] as? String }),
          let outcome = int(triple[1]), (0..<3).contains(outcome), let n = int(triple[2])
        else { throw fail("bad special delivery count") }
        e.special[Int(kind.rawValue) * 3 + outcome] += n
      }
      e.authByClient = try named(ev["auth_by_client"])
      e.authByUser = try named(ev["auth_by_user"])
      e.connectsByClient = try named(ev["connects_by_client"])
      e.logGroups = try named(ev["log_groups"])
      e.tlsByRelay = try named(ev["tls_by_relay"])
      e.forwarded = ev["forwarded"].flatMap(int) ?? 0
    }
    a.restoreEvents(
      e, bytesDelivered: c["bytes_delivered"].flatMap(int) ?? 0,
      senderAddresses: try named(c["sender_addresses"]), recipientAddresses: try named(c["recipient_addresses"]))
  }

  func domain(_ d: [String: Any], into a: inout Aggregate) throws(SavedReportError) {
    var c = DomainCounters()
    c.attempts = try number(d, "attempts")
    c.deferredAttempts = try number(d, "deferred_attempts")
    c.recipients = try number(d, "recipients")
    c.delivered = try number(d, "delivered")
    c.bounced = try number(d, "bounced")
    c.expired = try number(d, "expired")
    c.stillDeferred = try number(d, "still_deferred")
    c.removed = d["removed"].flatMap(int) ?? 0
    c.deferredRecipients = try number(d, "deferred_recipients")
    c.deferredThenDelivered = try number(d, "deferred_then_delivered")
    c.notifications = try number(d, "notifications")
    c.rejected = try number(d, "rejected")
    c.hardBounces = try number(d, "hard_bounces")
    c.failedReasons = try reasons(d["failed_reasons"])
    c.deferredReasons = try reasons(d["deferred_reasons"])
    for pair in d["delay_histogram"] as? [[Any]] ?? [] where pair.count == 2 {
      c.delay.add(bucket: int(pair[0]) ?? -1, count: int(pair[1]) ?? 0)
    }
    guard let provider = Provider(rawValue: d["provider"] as? String ?? "none") else { throw fail("unknown provider") }
    a.restoreDomain(d["name"] as? String ?? "", provider: provider, counters: c)
  }

  func code(_ d: [String: Any]) throws(SavedReportError) -> CodeCounters {
    var c = CodeCounters()
    c.sentAttempts = try number(d, "sent")
    c.deferredAttempts = try number(d, "deferred")
    c.bouncedAttempts = try number(d, "bounced")
    c.finalBounced = try number(d, "final_bounced")
    c.finalExpired = try number(d, "final_expired")
    c.rejected = try number(d, "rejected")
    return c
  }

  func inbound(_ any: Any?, into a: inout Aggregate) throws(SavedReportError) {
    guard let i = any as? [String: Any] else { throw fail("no `inbound`") }
    var ic = InboundCounters()
    ic.total = try number(i, "total")
    for pair in i["by_code"] as? [[Any]] ?? [] where pair.count == 2 {
      ic.byCode[UInt64(int(pair[0]) ?? 0), default: 0] += int(pair[1]) ?? 0
    }
    // `by_client` is the sum of `client_reasons` per client, so it is rebuilt from those.
    var clients: [ClientReason: Int] = [:]
    for c in try list(i, "client_reasons") {
      guard let r = Reason(rawValue: c["reason"] as? String ?? "") else { throw fail("unknown reason") }
      let client = c["client"] as? String ?? ""
      if client.isEmpty { continue }
      clients[ClientReason(client: client, reason: r), default: 0] += try number(c, "count")
    }
    a.restoreInbound(ic, reasons: try reasons(i["reasons"]), clientReasons: clients)
  }

  static func file(_ f: [String: Any]) -> FileRow {
    FileRow(
      path: f["path"] as? String ?? "", gzip: f["gzip"] as? Bool ?? false,
      bytes: Int64(f["bytes"].flatMap(int) ?? 0), lines: f["lines"].flatMap(int) ?? 0,
      notMail: f["not_mail"].flatMap(int) ?? 0, skipped: f["skipped"].flatMap(int) ?? 0,
      truncatedLines: f["truncated_lines"].flatMap(int) ?? 0,
      outsideWindow: f["outside_window"].flatMap(int) ?? 0, error: f["error"] as? String,
      skipReason: f["skip_reason"] as? String)
  }

  static func alert(_ o: [String: Any]) -> AlertRow {
    func d(_ k: String) -> Double? { (o[k] as? NSNumber)?.doubleValue }
    func n(_ k: String) -> Int { o[k].flatMap(int) ?? 0 }
    return AlertRow(
      kind: o["kind"] as? String ?? "", subjectKind: o["subject_kind"] as? String ?? "",
      subject: o["subject"] as? String ?? "", metric: o["metric"] as? String,
      reason: o["reason"] as? String, baselineRate: d("baseline_rate"), rate: d("rate"),
      baselineEvents: n("baseline_events"), baselineAttempts: n("baseline_attempts"),
      events: n("events"), attempts: n("attempts"), baseline: o["baseline"] as? String ?? "",
      since: o["since"] as? String, pValue: d("p_value"), example: o["example"] as? String,
      advice: o["advice"] as? String, message: o["message"] as? String ?? "")
  }
}
