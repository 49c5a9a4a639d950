import LogstatAggregate
import PostgresNIO

extension PostgresHistoryStore {
  /// The days with `from <= day < until`, oldest first: with scope `fleet` every host's rows
  /// added up per day (a day is partial when any host's is), with `self` this host's only.
  /// Rows are sorted by byte order, as SQLite sorts them.
  public func days(from: String, until: String) throws(HistoryError) -> [HistoryDay] {
    let onlyHost: String? = scope == .local ? host : nil
    var days: [HistoryDay] = []
    var index: [String: Int] = [:]
    for row in try run(
      """
      SELECT day, MIN(start), MAX("end"), BOOL_OR(partial) FROM day
      WHERE day >= \(from) AND day < \(until) AND (\(onlyHost)::text IS NULL OR host = \(onlyHost))
      GROUP BY day ORDER BY day COLLATE "C"
      """)
    {
      let (name, start, end, partial) = try decode4(row, String.self, Int64.self, Int64.self, Bool.self)
      index[name] = days.count
      days.append(HistoryDay(day: name, start: start, end: end, partial: partial))
    }
    for row in try run(
      """
      SELECT day, domain, COALESCE(MAX(NULLIF(provider, 'none')), 'none'), outcome, reason, SUM(count)::bigint
      FROM domain_day
      WHERE day >= \(from) AND day < \(until) AND (\(onlyHost)::text IS NULL OR host = \(onlyHost))
      GROUP BY day, domain, outcome, reason
      ORDER BY day COLLATE "C", domain COLLATE "C", outcome COLLATE "C", reason COLLATE "C"
      """)
    {
      do {
        let (day, domain, provider, outcome, reason, count) = try row.decode(
          (String, String, String, String, String, Int64).self)
        guard let k = index[day] else { continue }
        days[k].rows.append(
          DomainDayRow(domain: domain, provider: provider, outcome: outcome, reason: reason, count: Int(count)))
      } catch {
        throw HistoryError(.failed, location: location, message: "unexpected data in domain_day.")
      }
    }
    for row in try run(
      """
      SELECT day, code, outcome, SUM(count)::bigint FROM code_day
      WHERE day >= \(from) AND day < \(until) AND (\(onlyHost)::text IS NULL OR host = \(onlyHost))
      GROUP BY day, code, outcome ORDER BY day COLLATE "C", code COLLATE "C", outcome COLLATE "C"
      """)
    {
      let (day, code, outcome, count) = try decode4(row, String.self, String.self, String.self, Int64.self)
      guard let k = index[day] else { continue }
      days[k].codes.append(CodeDayRow(code: code, outcome: outcome, count: Int(count)))
    }
    for row in try run(
      """
      SELECT day, blocklist, SUM(count)::bigint, MIN(first_seen), MAX(last_seen) FROM blocklist_day
      WHERE day >= \(from) AND day < \(until) AND (\(onlyHost)::text IS NULL OR host = \(onlyHost))
      GROUP BY day, blocklist ORDER BY day COLLATE "C", blocklist COLLATE "C"
      """)
    {
      do {
        let (day, list, count, first, last) = try row.decode((String, String, Int64, Int64, Int64).self)
        guard let k = index[day] else { continue }
        days[k].blocklists.append(
          BlocklistDayRow(blocklist: list, count: Int(count), firstSeen: first, lastSeen: last))
      } catch {
        throw HistoryError(.failed, location: location, message: "unexpected data in blocklist_day.")
      }
    }
    return days
  }

  /// Days stored (per day, over the scope's hosts) with their row counts, runs, and the last
  /// schema step applied.
  public func summary() throws(HistoryError) -> HistorySummary {
    let onlyHost: String? = scope == .local ? host : nil
    var days: [HistorySummary.Day] = []
    for row in try run(
      """
      SELECT d.day, BOOL_OR(d.partial), SUM(d.attempts)::bigint,
        (SELECT COUNT(*) FROM domain_day x WHERE x.day = d.day AND (\(onlyHost)::text IS NULL OR x.host = \(onlyHost))),
        (SELECT COUNT(*) FROM code_day x WHERE x.day = d.day AND (\(onlyHost)::text IS NULL OR x.host = \(onlyHost))),
        (SELECT COUNT(*) FROM blocklist_day x WHERE x.day = d.day AND (\(onlyHost)::text IS NULL OR x.host = \(onlyHost)))
      FROM day d WHERE (\(onlyHost)::text IS NULL OR d.host = \(onlyHost))
      GROUP BY d.day ORDER BY d.day COLLATE "C"
      """)
    {
      do {
        let (day, partial, attempts, domains, codes, lists) = try row.decode(
          (String, Bool, Int64, Int64, Int64, Int64).self)
        days.append(
          HistorySummary.Day(
            day: day, partial: partial, attempts: Int(attempts), domainRows: Int(domains),
            codeRows: Int(codes), blocklistRows: Int(lists)))
      } catch {
        throw HistoryError(.failed, location: location, message: "unexpected data in day.")
      }
    }
    let runs = try run(
      "SELECT COUNT(*) FROM run WHERE (\(onlyHost)::text IS NULL OR host = \(onlyHost))"
    ).first.map { row throws(HistoryError) in try decode(row, Int64.self) } ?? 0
    let schema = try appliedMigrations().last ?? "none"
    let shown = scope == .local ? "\(location) (host \(host))" : "\(location) (all hosts)"
    return HistorySummary(location: shown, schema: schema, days: days, runs: Int(runs))
  }

  /// Four columns of `row`.
  func decode4<A: PostgresDecodable, B: PostgresDecodable, C: PostgresDecodable, D: PostgresDecodable>(
    _ row: PostgresRow, _ a: A.Type, _ b: B.Type, _ c: C.Type, _ d: D.Type
  ) throws(HistoryError) -> (A, B, C, D) {
    do {
      return try row.decode((A, B, C, D).self)
    } catch {
      throw HistoryError(.failed, location: location, message: "unexpected data in the database.")
    }
  }
}
