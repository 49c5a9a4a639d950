import Foundation
import LogstatAggregate
import PropertyBased
import Testing

/// `AggregateCounts` is `Codable`: encode → decode → encode gives the same bytes and equal
/// counts, for random real-shaped logs; bad values are refused with the path that names them.
@Suite struct CountsCodableTests {
  static func encoder() -> JSONEncoder {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return e
  }

  /// The finished counts of the log of `events` (several domains, senders, codes, reasons,
  /// hour cells, reply texts, address tables), with the suppression list collected.
  static func counts(_ events: [UInt64]) -> AggregateCounts {
    let lines = LogScript.lines(events).map { Array($0.utf8) }
    var a = AggregateDump.aggregate(lines, 0..<lines.count)
    a.finish()
    return a.counts
  }

  /// A fixed log of 400 events: every kind of line `LogScript` writes.
  static let fixed: AggregateCounts = {
    var x: UInt64 = 0x9E37_79B9_7F4A_7C15
    let events = (0..<400).map { _ -> UInt64 in
      x ^= x << 13
      x ^= x >> 7
      x ^= x << 17
      return x
    }
    return counts(events)
  }()

  @Test func encodeDecodeEncodeIsTheSameDocument() async {
    await propertyCheck(count: 100, input: MergePropertyTests.events) { events in
      let c = Self.counts(events)
      let first = try! Self.encoder().encode(c)
      let decoded = try! JSONDecoder().decode(AggregateCounts.self, from: first)
      let second = try! Self.encoder().encode(decoded)
      #expect(decoded == c)
      #expect(second == first, "\(String(decoding: first, as: UTF8.self))\n\(String(decoding: second, as: UTF8.self))")
    }
  }

  @Test func theFixedLogHoldsEveryPartAndRoundTrips() throws {
    let c = Self.fixed
    let data = try Self.encoder().encode(c)
    let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    // Something in every list that the log can fill, so the round trip covers it.
    for key in ["domains", "senders", "dsn_codes", "reply_codes", "hours", "examples", "code_hours", "sender_addresses",
      "recipient_addresses"]
    {
      #expect(((doc[key] as? [Any])?.count ?? 0) > 0, "\(key) is empty")
    }
    let domains = try #require(doc["domains"] as? [[String: Any]])
    #expect(domains.contains { ($0["hour_cells"] as? [Any])?.isEmpty == false })
    #expect(domains.contains { ($0["reply_examples"] as? [Any])?.isEmpty == false })
    #expect(domains.map { $0["name"] as? String ?? "" } == domains.map { $0["name"] as? String ?? "" }.sorted())
    let back = try JSONDecoder().decode(AggregateCounts.self, from: data)
    #expect(back == c)
    #expect(try Self.encoder().encode(back) == data)
  }

  @Test func equalityDependsOnEveryCountNotOnIDs() throws {
    var doc = try #require(try JSONSerialization.jsonObject(with: Self.encoder().encode(Self.fixed)) as? [String: Any])
    var domains = try #require(doc["domains"] as? [[String: Any]])
    // The same domains in another order intern under other IDs: still equal.
    domains.reverse()
    doc["domains"] = domains
    let reordered = try JSONDecoder().decode(AggregateCounts.self, from: JSONSerialization.data(withJSONObject: doc))
    #expect(reordered == Self.fixed)
    // One hour cell more: not equal.
    var cells = try #require(domains[0]["hour_cells"] as? [[Any]])
    cells.append([1, "sent", NSNull(), 1])
    domains[0]["hour_cells"] = cells
    doc["domains"] = domains
    let more = try JSONDecoder().decode(AggregateCounts.self, from: JSONSerialization.data(withJSONObject: doc))
    #expect(more != Self.fixed)
  }

  @Test func mergingDecodedCountsAddsThem() throws {
    let data = try Self.encoder().encode(Self.fixed)
    var twice = try JSONDecoder().decode(AggregateCounts.self, from: data)
    twice.merge(Self.fixed)
    #expect(twice.lines.total == 2 * Self.fixed.lines.total)
    #expect(twice.domainCounters.reduce(0) { $0 + $1.attempts } == 2 * Self.fixed.domainCounters.reduce(0) { $0 + $1.attempts })
    var empty = AggregateCounts()
    empty.merge(Self.fixed)
    #expect(empty == Self.fixed)
  }

  /// The coding path of the error `edit` causes, as `logstat merge` prints it.
  func failure(_ edit: (inout [String: Any]) throws -> Void) throws -> String {
    var doc = try #require(try JSONSerialization.jsonObject(with: Self.encoder().encode(Self.fixed)) as? [String: Any])
    try edit(&doc)
    do {
      _ = try JSONDecoder().decode(AggregateCounts.self, from: JSONSerialization.data(withJSONObject: doc))
    } catch let DecodingError.dataCorrupted(c) {
      return Self.path(c.codingPath) + ": " + c.debugDescription
    } catch let DecodingError.keyNotFound(key, c) {
      return Self.path(c.codingPath + [key]) + ": missing"
    }
    Issue.record("decoded")
    return ""
  }

  /// Expects the error of `edit` to read `expected`.
  func expectFailure(
    _ expected: String, sourceLocation: SourceLocation = #_sourceLocation, _ edit: (inout [String: Any]) throws -> Void
  ) throws {
    let got = try failure(edit)
    #expect(got == expected, "got: \(got)", sourceLocation: sourceLocation)
  }

  static func path(_ keys: [any CodingKey]) -> String {
    keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
  }

  @Test func badValuesAreRefusedNamingTheirPath() throws {
    func domain(_ k: Int, _ edit: @escaping (inout [String: Any]) -> Void) -> (inout [String: Any]) -> Void {
      { doc in
        var d = doc["domains"] as! [[String: Any]]
        edit(&d[k])
        doc["domains"] = d
      }
    }
    try expectFailure(".domains[1].bounced: expected a non-negative integer, found -3", domain(1) { $0["bounced"] = -3 })
    try expectFailure(".domains[0].delivered: expected a non-negative integer", domain(0) { $0["delivered"] = 2.5 })
    try expectFailure(".domains[0].attempts: expected a non-negative integer", domain(0) { $0["attempts"] = "7" })
    try expectFailure(
      ".domains[2].delay_histogram[0][0]: expected a delay bucket (0...111)", domain(2) { $0["delay_histogram"] = [[200, 1]] })
    try expectFailure(
      ".domains[0].hour_cells[0]: expected 4 elements ([hour, status, reason, count]), found 5",
      domain(0) { $0["hour_cells"] = [[1, "sent", NSNull(), 1, 9]] })
    try expectFailure(
      ".domains[0].hour_cells[0][1]: unknown status `lost`", domain(0) { $0["hour_cells"] = [[1, "lost", NSNull(), 1]] })
    try expectFailure(
      ".domains[0].failed_reasons.no-such-reason: unknown reason `no-such-reason`",
      domain(0) { $0["failed_reasons"] = ["no-such-reason": 1] })
    try expectFailure(".lines.by_kind: expected \(LineCounters().byKind.count) elements (one per line kind), found 2") {
      var l = $0["lines"] as! [String: Any]
      l["by_kind"] = [1, 2]
      $0["lines"] = l
    }
    try expectFailure(".reply_codes: reply code 1234 is outside 0...999") {
      $0["reply_codes"] = [["key": 1234, "sent": 1, "deferred": 0, "bounced": 0, "final_bounced": 0, "final_expired": 0, "rejected": 0]]
    }
    try expectFailure(".first_epoch: expected epoch seconds in years 1 to 9999, or null") { $0["first_epoch"] = Int.max }
    try expectFailure(".senders[0].messages: missing") {
      var s = $0["senders"] as! [[String: Any]]
      s[0].removeValue(forKey: "messages")
      $0["senders"] = s
    }
    try expectFailure(".version: expected a counts version this logstat reads (1...2)") { $0["version"] = 3 }
  }

  @Test func aVersionOneBlockStillReads() throws {
    var doc = try #require(try JSONSerialization.jsonObject(with: Self.encoder().encode(Self.fixed)) as? [String: Any])
    doc["version"] = 1
    for key in ["hard_bounced_addresses", "code_hours", "blocklist_hours"] { doc.removeValue(forKey: key) }
    var domains = try #require(doc["domains"] as? [[String: Any]])
    for k in domains.indices {
      for key in ["provider_resolved", "hour_cells", "reply_examples"] { domains[k].removeValue(forKey: key) }
    }
    doc["domains"] = domains
    let old = try JSONDecoder().decode(AggregateCounts.self, from: JSONSerialization.data(withJSONObject: doc))
    #expect(old.lines == Self.fixed.lines)
    #expect(old.domainCounters.reduce(0) { $0 + $1.delivered } == Self.fixed.domainCounters.reduce(0) { $0 + $1.delivered })
    #expect(old.domainHours.cellCount == 0)
  }
}
