import LogstatAggregate
import LogstatClassify

extension Baseline {
  /// The largest count of one stored row taken as it is (2^40); larger ones are damage.
  static let largestStoredCount = 1 << 40

  /// The baseline for alerts from stored days: delivery lines per domain and per provider, and
  /// the blocklists named. Partial days count too: their rates are as good as any.
  public init(days: [HistoryDay]) {
    self.init()
    self.days = days.map(\.day).sorted(by: HistoryDay.isEarlier)
    for day in days {
      for row in day.rows {
        guard let status = AttemptStatus(name: row.outcome) else { continue }
        let reason = row.reason.isEmpty ? nil : (Reason(rawValue: row.reason) ?? .other)
        // A count from a file: an edited or damaged history must not overflow the sums.
        let count = Swift.min(Swift.max(row.count, 0), Self.largestStoredCount)
        if reason == .localError { localErrors += count }
        tallies[.domain(row.domain), default: Tally()].add(status, reason: reason, count: count)
        if let provider = Provider(rawValue: row.provider), provider != .none {
          tallies[.provider(provider), default: Tally()].add(status, reason: reason, count: count)
        }
      }
      for list in day.blocklists {
        if let b = Blocklist(rawValue: list.blocklist) { blocklists.insert(b) }
      }
    }
  }
}
