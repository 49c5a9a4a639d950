import LogstatAggregate
import LogstatClassify
import LogstatTime

extension HistoryDay {
  /// The local calendar days of a finished aggregate, oldest first, with their rows sorted.
  ///
  /// A day is complete when the run covered all of it: the window's bounds where it has them,
  /// else the first and last event seen. Any other day is `partial`. Hours are assigned to the
  /// local day their first second falls in (exact for every zone whose offset is whole hours; in
  /// a zone like +05:30 the hour straddling midnight counts on the earlier day).
  /// - Complexity: O(cells) in `aggregate.domainHours`, plus sorting the rows.
  public static func days(from a: Aggregate, zone: LocalZone, window: TimeWindow) -> [HistoryDay] {
    var starts: [Int64: Int64] = [:]  // hour -> start of its local day
    func dayStart(_ hour: Int64) -> Int64 {
      if let s = starts[hour] { return s }
      let s = zone.startOfDay(hour * 3600)
      starts[hour] = s
      return s
    }
    // Hours to days by packed key first (the hour set to 0): names are made once per row,
    // not once per cell.
    var perDay: [Int64: CountTable] = [:]
    a.domainHours.forEachDomainCell { key, count in
      var cell = key
      cell.hour = 0
      perDay[dayStart(key.hour), default: CountTable()].add(cell.packed, count)
    }
    var names: [Int32: String] = [:]
    var rows: [Int64: [DomainDayKey: Int]] = [:]
    for (day, table) in perDay {
      var dayRows: [DomainDayKey: Int] = [:]
      dayRows.reserveCapacity(table.count)
      table.forEach { packed, count in
        let cell = DomainHourKey(packed: packed)
        let name = names[cell.domain] ?? a.domains.string(cell.domain)
        names[cell.domain] = name
        let key = DomainDayKey(
          domain: name, provider: a.domainProviders[Int(cell.domain)].rawValue,
          outcome: cell.status.name, reason: cell.reason?.rawValue ?? "")
        dayRows[key, default: 0] += count
      }
      rows[day] = dayRows
    }
    // Domains whose hour cells were folded (the cell table's bound): one row per provider,
    // under a name no domain can have, so provider totals stay whole.
    a.domainHours.forEachOtherCell { cell, provider, count in
      let key = DomainDayKey(
        domain: HistoryDay.otherDomainsName(provider), provider: provider.rawValue,
        outcome: cell.status.name, reason: cell.reason?.rawValue ?? "")
      rows[dayStart(cell.hour), default: [:]][key, default: 0] += count
    }
    var codes: [Int64: [CodeDayKey: Int]] = [:]
    for (key, count) in a.domainHours.codeCells {
      let k = CodeDayKey(code: key.code, outcome: key.status.name)
      codes[dayStart(key.hour), default: [:]][k, default: 0] += count
    }
    var lists: [Int64: [String: BlocklistDayRow]] = [:]
    for (hour, list, count) in a.domainHours.blocklistCells {
      let t = hour * 3600
      var row = lists[dayStart(hour), default: [:]][list.rawValue]
        ?? BlocklistDayRow(blocklist: list.rawValue, count: 0, firstSeen: t, lastSeen: t)
      row.count += count
      row.firstSeen = Swift.min(row.firstSeen, t)
      row.lastSeen = Swift.max(row.lastSeen, t)
      lists[dayStart(hour), default: [:]][list.rawValue] = row
    }

    let coveredFrom = window.since ?? a.firstTime ?? .max
    let coveredUntil = window.until ?? a.lastTime.map { $0 + 1 } ?? .min
    let allStarts = Set(rows.keys).union(codes.keys).union(lists.keys).sorted()
    return allStarts.map { start in
      let end = zone.startOfDay(start, addingDays: 1)
      return HistoryDay(
        day: dayName(start, zone: zone), start: start, end: end,
        partial: !(coveredFrom <= start && end <= coveredUntil),
        rows: (rows[start] ?? [:]).map {
          DomainDayRow(
            domain: $0.key.domain, provider: $0.key.provider, outcome: $0.key.outcome,
            reason: $0.key.reason, count: $0.value)
        }.sorted(by: DomainDayRow.ordered),
        codes: (codes[start] ?? [:]).map {
          CodeDayRow(code: $0.key.code, outcome: $0.key.outcome, count: $0.value)
        }.sorted { ($0.code, $0.outcome) < ($1.code, $1.outcome) },
        blocklists: (lists[start] ?? [:]).values.sorted { $0.blocklist < $1.blocklist })
    }
  }

  /// The domain name of the rows of the domains whose hour cells were folded:
  /// `(other domains)`, `(other domains: google)`.
  public static func otherDomainsName(_ provider: Provider) -> String {
    provider == .none ? "(other domains)" : "(other domains: \(provider.rawValue))"
  }

  /// `2026-11-22`: the local date of the epoch second `t` in `zone`.
  public static func dayName(_ t: Int64, zone: LocalZone) -> String {
    let date = zone.civil(t)
    return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))"
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
  }
}

extension DomainDayRow {
  /// Domain, outcome, reason: the order rows are stored and compared in.
  static func ordered(_ a: DomainDayRow, _ b: DomainDayRow) -> Bool {
    (a.domain, a.outcome, a.reason) < (b.domain, b.outcome, b.reason)
  }
}

struct DomainDayKey: Hashable {
  var domain: String
  var provider: String
  var outcome: String
  var reason: String
}

struct CodeDayKey: Hashable {
  var code: String
  var outcome: String
}
