import LogstatAggregate
import LogstatScan
import Testing

/// The bounded name tables (addresses, clients): exact while the names fit, then a
/// heavy-hitter summary whose every count is bracketed by its error bound.
@Suite struct NamedCountsBoundTests {
  /// A deterministic stream: `heavy` names repeated among many names seen once or twice.
  static func stream(seed: UInt64, singles: Int, heavy: [(String, Int)]) -> [String] {
    var out: [String] = []
    for k in 0..<singles { out.append("user\(k)@d\(k % 97).example") }
    for (name, n) in heavy { out += Array(repeating: name, count: n) }
    // Shuffle with a fixed linear congruential generator (the same order on every run).
    var x = seed
    for i in stride(from: out.count - 1, to: 0, by: -1) {
      x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      out.swapAt(i, Int((x >> 33) % UInt64(i + 1)))
    }
    return out
  }

  static func truth(_ names: [String]) -> [String: Int] {
    names.reduce(into: [:]) { $0[$1, default: 0] += 1 }
  }

  /// Every listed name's true count lies in [count - error, count]; every name not listed
  /// was counted at most the floor; the total is exact.
  static func checkBounds(_ t: NamedCounts, _ truth: [String: Int], sizePerLine: Int = 0) {
    var listed = Set<String>()
    for id in 0..<Int32(t.count) {
      let name = t.names.string(id)
      listed.insert(name)
      let real = truth[name] ?? 0
      #expect(t.counts[Int(id)] >= real, "\(name): \(t.counts[Int(id)]) < \(real)")
      #expect(t.counts[Int(id)] - t.countError(id) <= real, "\(name): lower bound above \(real)")
      #expect(t.bytes[Int(id)] >= real * sizePerLine)
      #expect(t.bytes[Int(id)] - t.bytesError(id) <= real * sizePerLine)
    }
    for (name, n) in truth where !listed.contains(name) {
      #expect(n <= t.countFloor, "\(name) dropped with \(n) > floor \(t.countFloor)")
    }
    #expect(t.totalCount == truth.values.reduce(0, +))
  }

  @Test func exactWhileTheNamesFit() {
    var t = NamedCounts(capacity: 8)
    let names = ["a@x", "b@x", "c@y", "a@x", "d@z", "e@z", "f@z", "g@z", "h@z", "a@x"]
    for n in names { t.add(n, 1, size: 10) }
    #expect(t.isExact)
    #expect(t.count == 8)
    #expect(t.countFloor == 0)
    #expect(t.top(1).first?.name == "a@x")
    #expect(t.top(1).first?.count == 3)
    #expect(t.top(1).first?.bytes == 30)
    #expect((0..<Int32(t.count)).allSatisfy { t.countError($0) == 0 && t.bytesError($0) == 0 })
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func overflowKeepsHeavyHittersWithinTheirBounds(seed: UInt64) {
    let heavy = [("big@a.example", 300), ("mid@b.example", 120), ("small@c.example", 40)]
    let names = Self.stream(seed: seed, singles: 5_000, heavy: heavy)
    var t = NamedCounts(capacity: 512)
    var most = 0
    for n in names {
      t.add(n, 1, size: 7)
      most = max(most, t.count)
    }
    #expect(most <= 512)
    #expect(!t.isExact)
    #expect(t.droppedNames > 0)
    Self.checkBounds(t, Self.truth(names), sizePerLine: 7)
    // The heavy hitters are listed first, in order, each within the floor of its true count.
    #expect(t.top(3).map(\.name) == heavy.map(\.0))
    for (name, n) in heavy {
      guard let row = t.top(512).first(where: { $0.name == name }) else {
        Issue.record("\(name) not listed")
        continue
      }
      #expect(row.count >= n)
      #expect(row.count - n <= t.countFloor)
    }
  }

  @Test func mergedSummariesAddTheirBounds() {
    let heavy = [("big@a.example", 200), ("mid@b.example", 90)]
    let names = Self.stream(seed: 7, singles: 3_000, heavy: heavy)
    let cut = names.count / 3
    var left = NamedCounts(capacity: 256)
    var right = NamedCounts(capacity: 256)
    for n in names[..<cut] { left.add(n, 1) }
    for n in names[cut...] { right.add(n, 1) }
    var merged = left
    merged.merge(right)
    #expect(merged.count <= 256)
    #expect(merged.countFloor >= max(left.countFloor, right.countFloor))
    Self.checkBounds(merged, Self.truth(names))
    #expect(merged.top(2).map(\.name) == heavy.map(\.0))
    // The same input in the same order gives the same summary.
    var again = left
    again.merge(right)
    #expect(again == merged)
  }

  @Test func exactTablesMergeExactly() {
    var a = NamedCounts(capacity: 16)
    var b = NamedCounts(capacity: 16)
    a.add("x@a", 2, size: 5)
    a.add("y@a", 1)
    b.add("x@a", 3, size: 1)
    b.add("z@b", 4)
    a.merge(b)
    #expect(a.isExact)
    #expect(a.entries.map { "\($0.name)=\($0.count)/\($0.bytes)" } == ["x@a=5/6", "y@a=1/0", "z@b=4/0"])
  }

  /// The aggregate's recipient table: many distinct delivered addresses stay within the bound
  /// (plus the addresses of messages still open), the total stays exact, and a recipient
  /// that gets many messages keeps its count and bytes within their errors.
  @Test(arguments: [nil, 9_000] as [Int?])
  func aggregateRecipientTableStaysBounded(split: Int?) {
    var lines: [[UInt8]] = []
    let distinct = 20_000
    var heavy = 0
    for k in 0..<distinct {
      let q = "4D" + String(0x1000_0000 + k, radix: 16, uppercase: true)
      let to = k % 10 == 0 ? "boss@big.example" : "u\(k)@d\(k % 50).example"
      if k % 10 == 0 { heavy += 1 }
      lines.append(Array("Sep 12 10:00:00 mx postfix/qmgr[9]: \(q): from=<s\(k % 3)@sender.example>, size=1000, nrcpt=1 (queue active)".utf8))
      lines.append(Array("Sep 12 10:00:01 mx postfix/smtp[9]: \(q): to=<\(to)>, relay=mx[192.0.2.9]:25, delay=1, delays=0/0/1/0, dsn=2.0.0, status=sent (250 ok)".utf8))
      lines.append(Array("Sep 12 10:00:02 mx postfix/qmgr[9]: \(q): removed".utf8))
    }
    let a: Aggregate
    if let split {
      a = AggregateDump.merged([
        AggregateDump.aggregate(lines, 0..<split, startsInput: true), AggregateDump.aggregate(lines, split..<lines.count),
      ])
    } else {
      a = AggregateDump.finished(AggregateDump.aggregate(lines, 0..<lines.count, startsInput: true))
    }
    let r = a.recipientAddresses
    #expect(r.count <= NamedCounts.defaultCapacity)
    #expect(!r.isExact)
    #expect(r.totalCount == distinct)
    #expect(r.totalBytes == distinct * 1000)
    #expect(a.bytesDelivered == distinct * 1000)
    let boss = r.top(1).first!
    #expect(boss.name == "boss@big.example")
    let id = r.names.sortedIDs.first { r.names.string($0) == "boss@big.example" }!
    #expect(boss.count >= heavy && boss.count - r.countError(id) <= heavy)
    #expect(boss.bytes >= heavy * 1000 && boss.bytes - r.bytesError(id) <= heavy * 1000)
    // Three senders: exact, each with its messages and bytes.
    let s = a.senderAddresses
    #expect(s.isExact)
    #expect(s.entries.map(\.count) == [6_667, 6_667, 6_666])
    #expect(s.totalBytes == distinct * 1000)
  }
}
