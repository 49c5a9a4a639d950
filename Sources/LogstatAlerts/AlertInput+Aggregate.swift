import LogstatAggregate
import LogstatClassify

extension AlertInput {
  /// The window's counts from a finished aggregate: per domain and per provider, by hour.
  ///
  /// Cells are first grouped by domain ID and provider, so names are made and hashed once per
  /// domain rather than once per cell.
  ///
  /// A domain with fewer than `minimumAttempts` delivery lines in all (the detector's
  /// `AlertThresholds.minAttempts`) can raise no alert, so it gets no series of its own (it
  /// still counts in its provider's): a long tail of small domains cost ~400 bytes each here.
  /// - Complexity: O(cells) in `aggregate.domainHours`.
  public init(
    aggregate a: Aggregate, baseline: Baseline?,
    minimumAttempts: Int = AlertThresholds().minAttempts
  ) {
    self.init()
    self.baseline = baseline
    var byDomain: [Int32: SubjectSeries] = [:]
    var byProvider: [Provider: SubjectSeries] = [:]
    a.domainHours.forEachDomainCell { key, count in
      if a.domainCounters[Int(key.domain)].attempts >= minimumAttempts {
        byDomain[key.domain, default: SubjectSeries()].add(
          hour: key.hour, status: key.status, reason: key.reason, count: count)
      }
      let provider = a.domainProviders[Int(key.domain)]
      if provider != .none {
        byProvider[provider, default: SubjectSeries()].add(
          hour: key.hour, status: key.status, reason: key.reason, count: count)
      }
    }
    window.reserveCapacity(byDomain.count + byProvider.count)
    // Domains in ID order (first seen first); a provider's example is its domains' most
    // frequent reply (ties: the first domain's).
    var providerBest: [AlertSubject: [Reason: Int]] = [:]
    for k in 0..<a.domains.count {
      let id = Int32(k)
      let provider = a.domainProviders[k]
      let series = byDomain[id]
      // A small domain still gives its provider an example (providers are few).
      guard series != nil || (provider != .none && byProvider[provider] != nil) else { continue }
      let name = a.domains.string(id)
      if let series {
        window[.domain(name)] = series
        providers[name] = provider
      }
      for reason in Reason.allCases {
        guard let best = a.domainHours.exampleCandidates(domain: id, reason: reason).first else { continue }
        if series != nil { examples[.domain(name), default: [:]][reason] = best.text }
        let subject = AlertSubject.provider(provider)
        if provider != .none, best.count > providerBest[subject]?[reason] ?? 0 {
          examples[subject, default: [:]][reason] = best.text
          providerBest[subject, default: [:]][reason] = best.count
        }
      }
    }
    // Domains whose hour cells were folded (the cell table's bound) still count in their
    // provider's series, as small domains do.
    a.domainHours.forEachOtherCell { key, provider, count in
      guard provider != .none else { return }
      byProvider[provider, default: SubjectSeries()].add(
        hour: key.hour, status: key.status, reason: key.reason, count: count)
    }
    for (provider, series) in byProvider { window[.provider(provider)] = series }
    // Local failures of our own MTA, over all domains.
    var bestLocal = 0
    a.domainHours.forEachDomainCell { key, count in
      guard key.reason == .localError, key.status != .sent else { return }
      localErrors += count
      localErrorFirstHour = Swift.min(localErrorFirstHour, key.hour)
    }
    a.domainHours.forEachOtherCell { key, _, count in
      guard key.reason == .localError, key.status != .sent else { return }
      localErrors += count
      localErrorFirstHour = Swift.min(localErrorFirstHour, key.hour)
    }
    if localErrors > 0 {
      for k in 0..<a.domains.count {
        if let best = a.domainHours.exampleCandidates(domain: Int32(k), reason: .localError).first, best.count > bestLocal {
          bestLocal = best.count
          localErrorExample = best.text
        }
      }
    }
    for (hour, list, count) in a.domainHours.blocklistCells {
      var s = blocklists[list] ?? BlocklistSighting()
      s.count += count
      s.firstHour = Swift.min(s.firstHour, hour)
      blocklists[list] = s
    }
    blocklistExample = a.examples[Reason.blocklisted.ordinal]?.text
  }
}
