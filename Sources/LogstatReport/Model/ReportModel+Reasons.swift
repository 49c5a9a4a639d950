import LogstatAggregate
import LogstatClassify
import LogstatTime

extension ReportModel {
  /// Adds the classification sections (reasons, providers, blocklists, per-domain reason and
  /// provider) from the aggregate.
  mutating func addClassification(_ a: Aggregate, zone: LocalZone) {
    // Per-domain provider and top reason, for rows held (rows made from the aggregate have them).
    var byName: [String: Int] = [:]
    if !domains.isEmpty {
      for id in 0..<a.domains.count { byName[a.domains.string(Int32(id)).isEmpty ? "(none)" : a.domains.string(Int32(id))] = id }
    }
    for k in domains.indices {
      guard let id = byName[domains[k].domain] else { continue }
      let c = a.domainCounters[id]
      domains[k].provider = a.domainProviders[id].rawValue
      domains[k].topReason = (c.failedReasons.top ?? c.deferredReasons.top)?.rawValue
    }

    // Reasons.
    var failed = ReasonCounts()
    var deferred = ReasonCounts()
    for c in a.domainCounters {
      failed.merge(c.failedReasons)
      deferred.merge(c.deferredReasons)
    }
    let failedTotal = failed.total
    reasons = Reason.allCases.compactMap { r -> ReasonRow? in
      let f = failed[r]
      let d = deferred[r]
      let i = a.inboundReasons[r]
      guard f + d + i > 0 else { return nil }
      // The five domains with most lines for r (ties by name); names made only for those.
      var ranked: [(Int32, Int)] = []
      for id in 0..<Int32(a.domains.count) {
        let n = a.domainCounters[Int(id)].failedReasons[r] + a.domainCounters[Int(id)].deferredReasons[r]
        guard n > 0 else { continue }
        let before: ((Int32, Int), (Int32, Int)) -> Bool = { $0.1 != $1.1 ? $0.1 > $1.1 : a.domains.less($0.0, $1.0) }
        if ranked.count == 5, !before((id, n), ranked[4]) { continue }
        var i = ranked.count
        while i > 0, before((id, n), ranked[i - 1]) { i -= 1 }
        ranked.insert((id, n), at: i)
        if ranked.count > 5 { ranked.removeLast() }
      }
      return ReasonRow(
        reason: r.rawValue, title: r.title, hard: r.isHard, fault: r.fault.rawValue, failed: f,
        deferred: d, rejected: i, share: failedTotal == 0 ? nil : Double(f) / Double(failedTotal),
        topDomains: ranked.map { a.domains.string($0.0) }, example: a.examples[r.ordinal]?.text,
        advice: r.advice)
    }.sorted { ($0.failed, $0.deferred, $0.rejected, $1.reason) > ($1.failed, $1.deferred, $1.rejected, $0.reason) }

    // Providers.
    var perProvider: [Provider: (DomainCounters, Int)] = [:]
    for id in 0..<a.domains.count {
      let c = a.domainCounters[id]
      guard c.attempts + c.recipients > 0 else { continue }
      var entry = perProvider[a.domainProviders[id]] ?? (DomainCounters(), 0)
      entry.0.merge(c)
      entry.1 += 1
      perProvider[a.domainProviders[id]] = entry
    }
    providers = perProvider.map { p, entry in
      let c = entry.0
      var row = ProviderRow(
        provider: p.rawValue, name: p == .none ? "other / self-hosted" : p.displayName,
        domains: entry.1, attempts: c.attempts, recipients: c.recipients, delivered: c.delivered,
        deferred: c.deferredAttempts, bounced: c.bounced, expired: c.expired,
        deliveryRate: ratio(c.delivered, c.delivered + c.bounced + c.expired),
        topReason: (c.failedReasons.top ?? c.deferredReasons.top)?.rawValue,
        stillDeferred: c.stillDeferred, delayMedianSeconds: c.delay.quantile(0.5))
      row.deferredRecipients = c.deferredRecipients
      return row
    }.sorted {
      ($0.problemScore, $0.attempts, $1.provider) > ($1.problemScore, $1.attempts, $0.provider)
    }

    // Blocklists.
    blocklists = a.blocklists.map { list, stats in
      BlocklistRow(
        blocklist: list.rawValue, name: list.displayName, count: stats.count,
        firstSeen: stats.first.map { zone.timestamp($0) },
        lastSeen: stats.last.map { zone.timestamp($0) },
        domains: stats.domainIDs.map { a.domains.string($0) }.sorted())
    }.sorted { ($0.count, $1.blocklist) > ($1.count, $0.blocklist) }
  }
}
