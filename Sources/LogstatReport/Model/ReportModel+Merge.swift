import LogstatAggregate
import LogstatTime

extension ReportModel {
  /// One report over several saved reports (hosts): their aggregates merged in the order
  /// given and built as one run over all their logs; files, problems and alerts listed
  /// together (each alert once).
  /// - Parameter zone: the zone for printed times; nil takes the first report's.
  public static func merged(_ reports: [SavedReport], now: Int64, zone: LocalZone? = nil) -> ReportModel {
    var a = Aggregate()
    for r in reports { a.merge(r.aggregate) }
    let zone = zone ?? reports.first.flatMap { LocalZone(identifier: $0.timeZone) } ?? .utc
    var windows: [String] = []
    for w in reports.compactMap(\.window) where !windows.contains(w) { windows.append(w) }
    var model = build(
      aggregate: a, files: reports.flatMap(\.files), problems: reports.flatMap(\.problems), now: now,
      zone: zone, window: windows.isEmpty ? nil : windows.joined(separator: "; "))
    for alert in reports.flatMap(\.alerts) where !model.alerts.contains(alert) { model.alerts.append(alert) }
    return model
  }
}
