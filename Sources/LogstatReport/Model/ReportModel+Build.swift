import LogstatAggregate
import LogstatClassify
import LogstatRun
import LogstatScan
import LogstatSource
import LogstatTime

extension ReportModel {
  /// Builds the sorted report model from a finished run.
  /// - Parameters:
  ///   - now: epoch seconds stamped as `generatedAt` (fixed in tests).
  ///   - zone: the zone for printed times.
  /// `withCounts: false` leaves out the mergeable `counts` block, which only the JSON format
  /// writes (it costs as much as the rest of the model on logs with many domains).
  public static func build(
    from run: RunResult, now: Int64, zone: LocalZone, window: TimeWindow = .all,
    withCounts: Bool = true
  ) -> ReportModel {
    let files = run.files.map { f in
      FileRow(
        path: f.input.displayName, gzip: f.isGzip, bytes: f.bytesRead, lines: f.lines,
        notMail: f.notMailLines, skipped: f.skippedLines, truncatedLines: f.truncatedLines,
        outsideWindow: f.outsideWindowLines, error: f.error.map { $0.message },
        skipReason: f.skipReason)
    }
    var problems = run.inputErrors.map { $0.description }
    problems += run.files.compactMap { $0.error?.description }
    for f in run.files where f.truncatedLines > 0 {
      problems.append(
        "logstat: \(f.input.displayName): \(f.truncatedLines) line(s) longer than the line limit were cut; the rest of each was skipped."
      )
    }
    for f in run.files where f.damagedLines > 0 {
      problems.append(
        "logstat: \(f.input.displayName): \(f.damagedLines) damaged line(s): a size or delay was out of any real range (more than \(ScannedLine.largestNumber)); each was counted without that number. Check the file for corruption or hand edits."
      )
    }
    return build(
      aggregate: run.aggregate, files: files, problems: problems, now: now, zone: zone,
      window: window.isUnbounded ? nil : window.description(in: zone), withCounts: withCounts)
  }

  /// Builds the sorted report model from a finished aggregate and the files it was read from
  /// (a run's, or several saved reports' for `logstat merge`).
  public static func build(
    aggregate a: Aggregate, files: [FileRow], problems: [String], now: Int64, zone: LocalZone,
    window: String?, withCounts: Bool = true
  ) -> ReportModel {

    var total = DomainCounters()
    for c in a.domainCounters { total.merge(c) }
    let domains = domainRows(a)

    let finals = total.delivered + total.bounced + total.expired
    let summary = Summary(
      messagesReceived: a.messagesReceived, notificationsSent: a.notificationsSent,
      bytesReceived: a.bytesReceived, recipients: total.recipients, attempts: total.attempts,
      delivered: total.delivered, deferred: total.deferredAttempts,
      deferredRecipients: total.deferredRecipients,
      deferredThenDelivered: total.deferredThenDelivered, stillDeferred: total.stillDeferred,
      bounced: total.bounced, expired: total.expired, rejected: a.inbound.total,
      deliveryRate: ratio(total.delivered, finals),
      bounceRate: ratio(total.bounced, finals),
      deferralRate: ratio(total.deferredAttempts, total.attempts),
      delayMedianSeconds: total.delay.quantile(0.5), delayP95Seconds: total.delay.quantile(0.95))

    let dsnCodes = a.dsnCounters.map { code, c in
      codeRow(DSNCode.string(code), CodeMeaning.enhanced(code), c)
    }.sorted { ($0.total, $1.code) > ($1.total, $0.code) }
    let replyCodes = a.replyCodeCounters.map { code, c in
      codeRow(String(code), CodeMeaning.basic(code), c)
    }.sorted { ($0.total, $1.code) > ($1.total, $0.code) }

    var senders: [SenderRow] = []
    for id in 0..<a.senders.count {
      let c = a.senderCounters[id]
      guard c.messages > 0 else { continue }
      senders.append(
        SenderRow(
          domain: a.senders.string(Int32(id)), messages: c.messages, bytes: c.bytes,
          recipients: c.recipients, delivered: c.delivered, bounced: c.bounced,
          expired: c.expired, stillDeferred: c.stillDeferred,
          bounceRate: ratio(c.bounced, c.delivered + c.bounced + c.expired),
          hardBounced: a.senderHardBounces[Int32(id)] ?? 0,
          hardBounceRate: ratio(
            a.senderHardBounces[Int32(id)] ?? 0, c.delivered + c.bounced + c.expired)))
    }
    senders.sort { ($0.messages, $0.recipients, $1.domain) > ($1.messages, $1.recipients, $0.domain) }

    let inboundCodes = a.inbound.byCode.map { key, count in
      let reply = Int(key / 1_000_000_000)
      let dsn = UInt32(key % 1_000_000_000)
      return InboundCodeRow(
        replyCode: reply == 0 ? nil : reply, dsn: dsn == 0 ? nil : DSNCode.string(dsn),
        count: count)
    }.sorted {
      ($0.count, $1.replyCode ?? 0, $1.dsn ?? "") > ($1.count, $0.replyCode ?? 0, $0.dsn ?? "")
    }
    let inbound = InboundSection(
      rejected: a.inbound.total, byCode: inboundCodes, clients: inboundClients(a),
      byReason: Reason.allCases.compactMap { r in
        a.inboundReasons[r] > 0 ? CountRow(name: r.rawValue, count: a.inboundReasons[r]) : nil
      }.sorted { ($0.count, $1.name) > ($1.count, $0.name) })

    let timeline = a.hours.keys.sorted().map { h -> HourRow in
      let c = a.hours[h]!
      return HourRow(
        hour: String(zone.timestamp(h * 3600).prefix(13)) + ":00", start: h * 3600,
        delivered: c.delivered,
        deferred: c.deferred, bounced: c.bounced, expired: c.expired, rejected: c.rejected)
    }

    var model = ReportModel(
      generatedAt: zone.timestamp(now), timeZone: zone.identifier,
      window: window,
      firstEvent: a.firstTime.map { zone.timestamp($0) },
      lastEvent: a.lastTime.map { zone.timestamp($0) }, files: files, problems: problems,
      lines: LineSummary(
        total: a.lines.total, recognised: a.lines.recognised, notMail: a.lines.notMail,
        skipped: a.lines.skipped, probes: a.lines.probes, damaged: a.lines.damaged),
      summary: summary, domains: [], dsnCodes: dsnCodes, replyCodes: replyCodes,
      senders: senders, inbound: inbound, timeline: timeline)
    model.generatedEpoch = now
    model.firstEventEpoch = a.firstTime
    model.lastEventEpoch = a.lastTime
    model.addClassification(a, zone: zone)
    model.addReputation(a, zone: zone)
    model.addHealthAndTraffic(a, zone: zone)
    if withCounts { model.counts = ReportCounts.encode(a) }
    model.domains = domains
    return model
  }

  /// One row per domain with anything to show, most problems first (`DomainRow.problemScore`,
  /// then attempts + rejects, then name), each made when read: held, 200,000 domains' rows
  /// cost ~50 MB while text shows 20 of them.
  static func domainRows(_ a: Aggregate) -> ReportRows<DomainRow> {
    var score = [Int](repeating: 0, count: a.domains.count)
    var volume = [Int](repeating: 0, count: a.domains.count)
    var ids: [Int32] = []
    for id in 0..<a.domains.count {
      let c = a.domainCounters[id]
      // Domains seen only in lines before the time window have nothing to show.
      guard c.attempts + c.recipients + c.rejected > 0 else { continue }
      score[id] = (c.bounced + c.expired + c.stillDeferred) * 4 + c.deferredAttempts
      volume[id] = c.attempts + c.rejected
      ids.append(Int32(id))
    }
    let names = a.domains
    ids.sort { x, y in
      let (i, j) = (Int(x), Int(y))
      if score[i] != score[j] { return score[i] > score[j] }
      if volume[i] != volume[j] { return volume[i] > volume[j] }
      return displayLess(names, x, y)
    }
    let order = ids
    return ReportRows(count: order.count) { k in
      let id = Int(order[k])
      let c = a.domainCounters[id]
      var row = domainRow(a.domains.string(order[k]), c)
      row.provider = a.domainProviders[id].rawValue
      row.topReason = (c.failedReasons.top ?? c.deferredReasons.top)?.rawValue
      return row
    }
  }

  /// True when domain `x` sorts before `y` by the name a report shows (`(none)` for the empty one).
  static func displayLess(_ names: Interner, _ x: Int32, _ y: Int32) -> Bool {
    let ex = names.withBytes(x) { $0.isEmpty }
    let ey = names.withBytes(y) { $0.isEmpty }
    guard ex || ey else { return names.less(x, y) }
    return (ex ? "(none)" : names.string(x)) < (ey ? "(none)" : names.string(y))
  }

  static func domainRow(_ name: String, _ c: DomainCounters) -> DomainRow {
    DomainRow(
      domain: name.isEmpty ? "(none)" : name, attempts: c.attempts, recipients: c.recipients,
      delivered: c.delivered, deferred: c.deferredAttempts,
      deferredRecipients: c.deferredRecipients, deferredThenDelivered: c.deferredThenDelivered,
      stillDeferred: c.stillDeferred, bounced: c.bounced, expired: c.expired,
      rejected: c.rejected, notifications: c.notifications,
      deliveryRate: ratio(c.delivered, c.delivered + c.bounced + c.expired),
      delayMedianSeconds: c.delay.quantile(0.5))
  }

  /// Refused clients, most rejects first, each with its most frequent reason.
  static func inboundClients(_ a: Aggregate) -> [InboundClientRow] {
    let exact = a.inboundClientsBound == nil
    return a.inboundClientTotals.map {
      InboundClientRow(
        client: $0.client, count: $0.count, topReason: $0.topReason.rawValue,
        countError: exact ? nil : $0.countError)
    }.sorted { ($0.count, $1.client) > ($1.count, $0.client) }
  }

  static func codeRow(_ code: String, _ meaning: String, _ c: CodeCounters) -> CodeRow {
    CodeRow(
      code: code, meaning: meaning, sent: c.sentAttempts, deferred: c.deferredAttempts,
      bounced: c.bouncedAttempts, finalBounced: c.finalBounced, finalExpired: c.finalExpired,
      rejected: c.rejected)
  }
}

/// `part / whole`, or nil when `whole` is 0.
func ratio(_ part: Int, _ whole: Int) -> Double? {
  whole == 0 ? nil : Double(part) / Double(whole)
}
