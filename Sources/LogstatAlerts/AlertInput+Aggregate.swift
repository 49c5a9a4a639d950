import LogstatAggregate
import LogstatClassify

extension AlertInput {
  /// The window's counts from a finished aggregate: per domain and per provider, by hour.
  /// - Complexity: O(cells) in `aggregate.domainHours`.
  public init(aggregate a: Aggregate, baseline: Baseline?) {
    self.init()
    self.baseline = baseline
    var names: [Int32: String] = [:]
    for (key, count) in a.domainHours.domainCells {
      let name = names[key.domain] ?? a.domains.string(key.domain)
      names[key.domain] = name
      add(.domain(name), hour: key.hour, status: key.status, reason: key.reason, count: count)
      let provider = a.domainProviders[Int(key.domain)]
      providers[name] = provider
      if provider != .none {
        add(.provider(provider), hour: key.hour, status: key.status, reason: key.reason, count: count)
      }
      if let reason = key.reason, let text = a.domainHours.example(domain: key.domain, reason: reason) {
        if examples[.domain(name), default: [:]][reason] == nil {
          examples[.domain(name), default: [:]][reason] = text
        }
        if provider != .none, examples[.provider(provider), default: [:]][reason] == nil {
          examples[.provider(provider), default: [:]][reason] = text
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
