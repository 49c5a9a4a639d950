import Foundation
import LogstatAggregate
import LogstatClassify
import LogstatEvents
import LogstatScan

/// What a test compares of an aggregate: its counts, by `AggregateCounts ==` (every counter
/// the counts hold and encode: hour cells, reasons, blocklists, providers, reply texts,
/// address tables...), and the messages still open. `lines` is the same as sorted text, made
/// only for failure messages.
struct AggregateSnapshot: Equatable, CustomStringConvertible {
  var aggregate: Aggregate
  var counts: AggregateCounts { aggregate.counts }
  var open: Int { aggregate.openMessages }
  /// Made only for a failure message.
  var lines: [String] { AggregateDump.text(aggregate) }

  static func == (a: AggregateSnapshot, b: AggregateSnapshot) -> Bool {
    a.counts == b.counts && a.open == b.open
  }

  var description: String { lines.joined(separator: "\n") }

  /// The counts as sorted-key JSON, one line per value (for differences the text misses).
  var encoded: [String] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let data = (try? encoder.encode(counts)) ?? Data()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }
}

/// Builds aggregates from log lines and snapshots them (`dump`), so two aggregates compare
/// equal exactly when every count is equal.
enum AggregateDump {
  /// Epoch seconds given to line `k`: increasing, crossing hours, the same for a line
  /// whether it is read in the whole log or in a part of it.
  static func epoch(_ k: Int) -> Int64 { 1_795_300_000 + Int64(k) * 97 }

  /// The aggregate of `lines[range]` (not finished), each line with its global epoch, through
  /// the engine's path: scanned, classified (so reasons, providers, blocklists and their hour
  /// cells are counted too), made an event, added (`LineEventMaker`).
  static func aggregate(_ lines: [[UInt8]], _ range: Range<Int>, startsInput: Bool = false) -> Aggregate {
    var a = Aggregate()
    a.startsInput = startsInput
    // One classifier per part: it keeps a cache and a buffer, and tests run in parallel.
    var maker = LineEventMaker()
    for k in range {
      lines[k].withUnsafeBytes { b in maker.withEvent(b, epoch: epoch(k)) { a.add($0) } }
    }
    return a
  }

  /// `parts` merged left to right, then finished.
  static func merged(_ parts: [Aggregate]) -> Aggregate {
    var total = Aggregate()
    for p in parts { total.merge(p) }
    total.finish()
    return total
  }

  /// `a`, finished.
  static func finished(_ a: Aggregate) -> Aggregate {
    var a = a
    a.finish()
    return a
  }

  /// The snapshot of `a`: its counts, open messages, and every counter as sorted text.
  static func dump(_ a: Aggregate) -> AggregateSnapshot {
    AggregateSnapshot(aggregate: a)
  }

  /// Every counter of `a`, one sorted line each.
  static func text(_ a: Aggregate) -> [String] {
    var out: [String] = []
    out.append("lines total=\(a.lines.total) byKind=\(a.lines.byKind) probes=\(a.lines.probes)")
    out.append("received=\(a.messagesReceived) notifications=\(a.notificationsSent) bytes=\(a.bytesReceived)")
    out.append("time \(a.firstTime.map(String.init) ?? "-")..\(a.lastTime.map(String.init) ?? "-") open=\(a.openMessages)")
    var rows: [String] = []
    for id in 0..<a.domains.count {
      rows.append("domain \(a.domains.string(Int32(id))) \(domain(a.domainCounters[id]))")
    }
    for id in 0..<a.senders.count {
      let c = a.senderCounters[id]
      // A partial may intern a sender it later finds unused (the message's sender was
      // already known from an earlier partial); such all-zero rows carry nothing.
      if c == SenderCounters() { continue }
      rows.append(
        "sender \(a.senders.string(Int32(id))) msgs=\(c.messages) bytes=\(c.bytes) rcpt=\(c.recipients) "
          + "del=\(c.delivered) bnc=\(c.bounced) exp=\(c.expired) still=\(c.stillDeferred)")
    }
    for (code, c) in a.dsnCounters { rows.append("dsn \(DSNCode.string(code)) \(codes(c))") }
    for (code, c) in a.replyCodeCounters { rows.append("reply \(code) \(codes(c))") }
    rows.append("inbound total=\(a.inbound.total)")
    for (key, n) in a.inbound.byCode { rows.append("inbound code \(key)=\(n)") }
    for (client, n) in a.inboundByClient { rows.append("inbound client \(client)=\(n)") }
    for (h, c) in a.hours {
      rows.append("hour \(h) del=\(c.delivered) def=\(c.deferred) bnc=\(c.bounced) exp=\(c.expired) rej=\(c.rejected) rcv=\(c.received)")
    }
    rows.append("events \(a.events.byEvent) special=\(a.events.special) fwd=\(a.events.forwarded)")
    rows.append("bytesDelivered=\(a.bytesDelivered)")
    // Reasons, providers, blocklists and the hour cells history and alerts read.
    rows.append("inboundReasons \(reasons(a.inboundReasons))")
    for id in 0..<a.domains.count {
      let name = a.domains.string(Int32(id))
      let provider = id < a.domainProviders.count ? a.domainProviders[id].rawValue : "-"
      let c = a.domainCounters[id]
      if c.attempts + c.recipients + c.rejected == 0 { continue }
      rows.append(
        "domainReasons \(name) provider=\(provider) deferred=\(reasons(c.deferredReasons)) failed=\(reasons(c.failedReasons))")
    }
    for (list, stats) in a.blocklists { rows.append("blocklist \(list.rawValue) \(blocklist(stats, a))") }
    for (key, stats) in a.listings {
      rows.append("listing \(key.blocklist.rawValue) \(key.address) \(blocklist(stats, a))")
    }
    for (client, n) in a.inboundClientReasons { rows.append("clientReason \(client.client) \(client.reason.rawValue)=\(n)") }
    a.domainHours.forEachDomainCell { key, n in
      rows.append(
        "domainHour \(key.hour) \(a.domains.string(key.domain)) \(key.status.name) \(key.reason?.rawValue ?? "-")=\(n)")
    }
    for cell in a.domainHours.codeCells {
      rows.append("codeHour \(cell.key.hour) \(cell.key.status.name) \(cell.key.code)=\(cell.count)")
    }
    for cell in a.domainHours.blocklistCells {
      rows.append("blocklistHour \(cell.hour) \(cell.blocklist.rawValue)=\(cell.count)")
    }
    for (sender, n) in a.senderHardBounces { rows.append("senderHard \(a.senders.string(sender))=\(n)") }
    for (label, table) in [
      ("authClient", a.events.authByClient), ("authUser", a.events.authByUser), ("connect", a.events.connectsByClient),
      ("log", a.events.logGroups), ("tls", a.events.tlsByRelay),
      ("tlsDomain", a.events.tlsDeliveredByDomain),
      ("eximDelivered", a.events.eximDeliveredByDomain), ("senderAddr", a.senderAddresses),
      ("rcptAddr", a.recipientAddresses),
    ] {
      for e in table.entries where e.count > 0 || e.bytes > 0 {
        rows.append("\(label) \(e.name) n=\(e.count) bytes=\(e.bytes) ex=\(e.example ?? "-")")
      }
    }
    return out + rows.sorted()
  }

  static func domain(_ c: DomainCounters) -> String {
    let delays = c.delay.buckets.enumerated().filter { $0.element > 0 }.map { "\($0.offset):\($0.element)" }
    return "att=\(c.attempts) defAtt=\(c.deferredAttempts) rcpt=\(c.recipients) del=\(c.delivered) "
      + "bnc=\(c.bounced) exp=\(c.expired) still=\(c.stillDeferred) defRcpt=\(c.deferredRecipients) "
      + "defThenDel=\(c.deferredThenDelivered) notif=\(c.notifications) rej=\(c.rejected) removed=\(c.removed) delay=\(delays)"
  }

  static func reasons(_ r: ReasonCounts) -> String {
    Reason.allCases.filter { r[$0] > 0 }.map { "\($0.rawValue):\(r[$0])" }.joined(separator: ",")
  }

  static func blocklist(_ s: BlocklistStats, _ a: Aggregate) -> String {
    let domains = s.domainIDs.map { a.domains.string($0) }.sorted()
    return "n=\(s.count) first=\(s.first.map(String.init) ?? "-") last=\(s.last.map(String.init) ?? "-") domains=\(domains)"
  }

  static func codes(_ c: CodeCounters) -> String {
    "def=\(c.deferredAttempts) bnc=\(c.bouncedAttempts) sent=\(c.sentAttempts) "
      + "finalBnc=\(c.finalBounced) finalExp=\(c.finalExpired) rej=\(c.rejected)"
  }

  /// What differs between two snapshots: the text lines, else the encoded counts' lines.
  static func difference(_ a: AggregateSnapshot, _ b: AggregateSnapshot) -> String {
    let text = difference(a.lines, b.lines)
    return text.isEmpty ? "in the encoded counts:\n" + difference(a.encoded, b.encoded) : text
  }

  /// The lines of `a` not in `b` and of `b` not in `a`, for failure messages.
  static func difference(_ a: [String], _ b: [String]) -> String {
    let onlyA = a.filter { !b.contains($0) }.map { "- " + $0 }
    let onlyB = b.filter { !a.contains($0) }.map { "+ " + $0 }
    return (onlyA + onlyB).joined(separator: "\n")
  }
}
