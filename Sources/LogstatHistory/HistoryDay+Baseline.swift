import LogstatAggregate
import LogstatAlerts
import LogstatClassify

extension Baseline {
  /// The baseline for alerts from stored days: delivery lines per domain and per provider, and
  /// the blocklists named. Partial days count too: their rates are as good as any.
  public init(days: [HistoryDay]) {
    self.init()
    self.days = days.map(\.day).sorted(by: HistoryDay.isEarlier)
    for day in days {
      for row in day.rows {
        guard let status = AttemptStatus(name: row.outcome) else { continue }
        let reason = row.reason.isEmpty ? nil : (Reason(rawValue: row.reason) ?? .other)
        tallies[.domain(row.domain), default: Tally()].add(status, reason: reason, count: row.count)
        if let provider = Provider(rawValue: row.provider), provider != .none {
          tallies[.provider(provider), default: Tally()].add(
            status, reason: reason, count: row.count)
        }
      }
      for list in day.blocklists {
        if let b = Blocklist(rawValue: list.blocklist) { blocklists.insert(b) }
      }
    }
  }
}
