import LogstatAggregate
import LogstatClassify
import LogstatTime

extension ReportModel {
  /// Builds the reputation section: listings of our IPs, distrust by category, list hygiene.
  mutating func addReputation(_ a: Aggregate, zone: LocalZone) {
    let listings = a.listings.map { key, stats in
      ListingRow(
        blocklist: key.blocklist.rawValue, name: key.blocklist.displayName,
        address: key.address.isEmpty ? nil : key.address, count: stats.count,
        firstSeen: stats.first.map { zone.timestamp($0) },
        lastSeen: stats.last.map { zone.timestamp($0) },
        domains: stats.domainIDs.map { a.domains.string($0) }.sorted())
    }.sorted {
      ($0.count, $1.blocklist, $1.address ?? "") > ($1.count, $0.blocklist, $0.address ?? "")
    }
    reputation = ReputationSection(
      listings: listings, issues: ReputationIssue.Category.allCases.map { issue($0, a) },
      hygiene: hygiene(a))
  }

  /// Counts, affected domains and providers for one category of distrust.
  func issue(_ category: ReputationIssue.Category, _ a: Aggregate) -> ReputationIssue {
    let reason = Reason(rawValue: category.reason)!
    var failed = 0
    var deferred = 0
    var hit: [CountRow] = []
    var byProvider: [Provider: Int] = [:]
    for id in 0..<a.domains.count {
      let c = a.domainCounters[id]
      let f = c.failedReasons[reason]
      let d = c.deferredReasons[reason]
      failed += f
      deferred += d
      guard f + d > 0 else { continue }
      let name = a.domains.string(Int32(id))
      hit.append(CountRow(name: name.isEmpty ? "(none)" : name, count: f + d))
      if a.domainProviders[id] != .none { byProvider[a.domainProviders[id], default: 0] += f + d }
    }
    hit.sort { ($0.count, $1.name) > ($1.count, $0.name) }
    let providers = byProvider.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }
    return ReputationIssue(
      category: category, failed: failed, deferred: deferred, domains: Array(hit.prefix(10)),
      domainCount: hit.count, providers: providers.map { $0.key.displayName },
      advice: reason.advice)
  }

  /// Hard bounces overall, by reason, and per sender domain.
  func hygiene(_ a: Aggregate) -> HygieneSection {
    var h = HygieneSection()
    var byReason = ReasonCounts()
    for c in a.domainCounters {
      h.hardBounced += c.hardBounces
      h.finalOutcomes += c.delivered + c.bounced + c.expired
      byReason.merge(c.failedReasons)
    }
    h.share = ratio(h.hardBounced, h.finalOutcomes)
    h.byReason = Reason.allCases.filter { $0.isHard && byReason[$0] > 0 }.map {
      CountRow(name: $0.rawValue, count: byReason[$0])
    }.sorted { ($0.count, $1.name) > ($1.count, $0.name) }
    for id in 0..<a.senders.count {
      let c = a.senderCounters[id]
      let finals = c.delivered + c.bounced + c.expired
      guard finals > 0 else { continue }
      let hard = a.senderHardBounces[Int32(id)] ?? 0
      let share = ratio(hard, finals)
      h.senders.append(
        HygieneRow(
          domain: a.senders.string(Int32(id)), finalOutcomes: finals, hardBounced: hard,
          share: share, level: HygieneSection.level(share: share, outcomes: finals)))
    }
    h.senders.sort {
      ($0.hardBounced, $0.share ?? 0, $1.domain) > ($1.hardBounced, $1.share ?? 0, $0.domain)
    }
    return h
  }
}
