import Foundation
import LogstatAggregate
import LogstatClassify
import LogstatScan

/// Rebuilds an `Aggregate` from a report's `counts` block (see `ReportCounts.encode`).
///
/// Every count is checked before it is added anywhere: a whole number in 0...`largestCount`,
/// and the sum of all of them (`total`) stays far below `Int.max`, so no merge or report sum
/// can overflow however the file was edited; a bad value is refused naming the file.
final class SavedReportReader {
  let path: String
  /// The largest single count a report may hold: 2^48, far beyond any real log.
  static let largestCount = 1 << 48
  /// The largest sum of all counts of the reports merged in one run: 2^60.
  static let largestTotal = 1 << 60
  /// Epoch seconds allowed for times: years 1 to 9999.
  static let epochRange: ClosedRange<Int64> = -62_135_596_800...253_402_300_799
  /// Sum of every count read so far (saturating).
  private(set) var total = 0

  init(path: String) { self.path = path }

  func fail(_ what: String) -> SavedReportError {
    SavedReportError(path, "bad `counts` block: \(what). Was the file edited? Write it again with logstat --format json.")
  }

  /// A count: a whole number in 0...`largestCount`, added to `total`.
  func count(_ v: Any?, _ what: String) throws(SavedReportError) -> Int {
    guard let v, let n = int(v) else { throw fail("`\(what)` is missing or not a whole number") }
    guard n >= 0, n <= Self.largestCount else {
      throw fail("`\(what)` is \(n), outside 0...\(Self.largestCount)")
    }
    total = total.addingSaturated(n)
    guard total <= Self.largestTotal else {
      throw fail("its counts add up to more than \(Self.largestTotal), more than logstat can sum")
    }
    return n
  }

  /// A delay histogram bucket's count: at most `UInt32.max`, as the histogram holds it.
  func bucketCount(_ v: Any?) throws(SavedReportError) -> Int {
    let n = try count(v, "delay_histogram count")
    guard n <= Int(UInt32.max) else { throw fail("`delay_histogram` count \(n) is more than \(UInt32.max)") }
    return n
  }

  func number(_ o: [String: Any], _ key: String) throws(SavedReportError) -> Int {
    try count(o[key], key)
  }

  /// A key that is not a count (a code, an hour): a whole number in `range`.
  func key(_ v: Any?, _ what: String, in range: ClosedRange<Int>) throws(SavedReportError) -> Int {
    guard let v, let n = int(v), range.contains(n) else {
      throw fail("`\(what)` is missing or outside \(range.lowerBound)...\(range.upperBound)")
    }
    return n
  }

  func list(_ o: [String: Any], _ key: String) throws(SavedReportError) -> [[String: Any]] {
    guard let v = o[key] as? [[String: Any]] else { throw fail("`\(key)` is missing or not a list") }
    return v
  }

  func epoch(_ o: [String: Any], _ key: String) throws(SavedReportError) -> Int64? {
    guard let v = o[key], !(v is NSNull) else { return nil }
    let range = Int(Self.epochRange.lowerBound)...Int(Self.epochRange.upperBound)
    return Int64(try self.key(v, key, in: range))
  }

  func reasons(_ any: Any?) throws(SavedReportError) -> ReasonCounts {
    var r = ReasonCounts()
    for (name, value) in any as? [String: Any] ?? [:] {
      guard let reason = Reason(rawValue: name) else { throw fail("unknown reason `\(name)`") }
      r[reason] += try count(value, name)
    }
    return r
  }

  func aggregate(_ c: [String: Any]) throws(SavedReportError) -> Aggregate {
    var a = Aggregate()
    guard let l = c["lines"] as? [String: Any], let kinds = l["by_kind"] as? [Any] else { throw fail("no `lines`") }
    var lines = LineCounters()
    lines.total = try number(l, "total")
    lines.probes = try number(l, "probes")
    for (k, v) in kinds.enumerated() where k < lines.byKind.count { lines.byKind[k] = try count(v, "by_kind") }
    if l["damaged"] != nil { lines.damaged = try number(l, "damaged") }
    a.restoreTotals(
      lines: lines, messagesReceived: try number(c, "messages_received"),
      notificationsSent: try number(c, "notifications_sent"), bytesReceived: try number(c, "bytes_received"),
      firstTime: try epoch(c, "first_epoch"), lastTime: try epoch(c, "last_epoch"))
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
    for d in try list(c, "dsn_codes") {
      a.restoreDSN(UInt32(try key(d["key"], "key", in: 0...Int(UInt32.max))), try code(d))
    }
    for d in try list(c, "reply_codes") { a.restoreReplyCode(try key(d["key"], "key", in: 0...999), try code(d)) }
    try inbound(c["inbound"], into: &a)
    for h in try list(c, "hours") {
      var hc = HourCounters()
      hc.delivered = try number(h, "delivered")
      hc.deferred = try number(h, "deferred")
      hc.bounced = try number(h, "bounced")
      hc.expired = try number(h, "expired")
      hc.rejected = try number(h, "rejected")
      hc.received = h["received"].flatMap(int) ?? 0
      let hours = Int(Self.epochRange.lowerBound / 3600)...Int(Self.epochRange.upperBound / 3600)
      a.restoreHour(Int64(try key(h["hours_since_epoch"], "hours_since_epoch", in: hours)), hc)
    }
    for b in try list(c, "blocklists") {
      guard let list = Blocklist(rawValue: b["blocklist"] as? String ?? "") else { throw fail("unknown blocklist") }
      a.restoreBlocklist(
        list, count: try number(b, "count"), first: try epoch(b, "first_epoch"), last: try epoch(b, "last_epoch"),
        domains: b["domains"] as? [String] ?? [])
    }
    for b in try list(c, "listings") {
      guard let list = Blocklist(rawValue: b["blocklist"] as? String ?? "") else { throw fail("unknown blocklist") }
      a.restoreListing(
        ListingKey(blocklist: list, address: b["address"] as? String ?? ""), count: try number(b, "count"),
        first: try epoch(b, "first_epoch"), last: try epoch(b, "last_epoch"), domains: b["domains"] as? [String] ?? [])
    }
    try events(c, into: &a)
    for e in try list(c, "examples") {
      guard let r = Reason(rawValue: e["reason"] as? String ?? "") else { throw fail("unknown example reason") }
      a.restoreExample(r, ReasonExample(text: e["text"] as? String ?? "", domain: e["domain"] as? String ?? ""))
    }
    return a
  }

  /// A list of `{name, count, bytes[, count_error, bytes_error][, example]}` (absent in
  /// reports of older versions), with its `_bound` object when the table overflowed.
  func named(_ any: Any?, bound: Any? = nil) throws(SavedReportError) -> NamedCounts {
    var n = NamedCounts()
    for row in any as? [[String: Any]] ?? [] {
      let id = n.add(
        row["name"] as? String ?? "", try number(row, "count"), size: row["bytes"].flatMap(int) ?? 0,
        example: row["example"] as? String)
      let c = row["count_error"].flatMap(int) ?? 0
      let b = row["bytes_error"].flatMap(int) ?? 0
      if c != 0 || b != 0 { n.restoreErrors(id, count: c, bytes: b) }
    }
    if let bound = bound as? [String: Any] {
      n.restoreBounds(
        countFloor: bound["count_floor"].flatMap(int) ?? 0, bytesFloor: bound["bytes_floor"].flatMap(int) ?? 0,
        droppedNames: bound["dropped_names"].flatMap(int) ?? 0)
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
      e.authByClient = try named(ev["auth_by_client"], bound: ev["auth_by_client_bound"])
      e.authByUser = try named(ev["auth_by_user"], bound: ev["auth_by_user_bound"])
      e.connectsByClient = try named(ev["connects_by_client"], bound: ev["connects_by_client_bound"])
      e.logGroups = try named(ev["log_groups"])
      e.tlsByRelay = try named(ev["tls_by_relay"], bound: ev["tls_by_relay_bound"])
      e.tlsDeliveredByDomain = try named(ev["tls_delivered_by_domain"])
      e.eximDeliveredByDomain = try named(ev["exim_delivered_by_domain"])
      e.forwarded = ev["forwarded"].flatMap(int) ?? 0
    }
    a.restoreEvents(
      e, bytesDelivered: c["bytes_delivered"].flatMap(int) ?? 0,
      senderAddresses: try named(c["sender_addresses"], bound: c["sender_addresses_bound"]),
      recipientAddresses: try named(c["recipient_addresses"], bound: c["recipient_addresses_bound"]))
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
      c.delay.add(
        bucket: try key(pair[0], "delay_histogram bucket", in: 0...(DelayHistogram.bucketCount - 1)),
        count: try bucketCount(pair[1]))
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
      let code = try key(pair[0], "by_code key", in: 0...Int.max)
      ic.byCode[UInt64(code), default: 0] += try count(pair[1], "by_code count")
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

  /// A file row; its numbers are counts too (summed over the files of a merged report).
  func file(_ f: [String: Any]) throws(SavedReportError) -> FileRow {
    func n(_ k: String) throws(SavedReportError) -> Int { f[k] == nil ? 0 : try count(f[k], "files: \(k)") }
    return FileRow(
      path: f["path"] as? String ?? "", gzip: f["gzip"] as? Bool ?? false,
      bytes: Int64(try n("bytes")), lines: try n("lines"),
      notMail: try n("not_mail"), skipped: try n("skipped"),
      truncatedLines: try n("truncated_lines"),
      outsideWindow: try n("outside_window"), error: f["error"] as? String,
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
