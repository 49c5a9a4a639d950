import LogstatAggregate
import LogstatScan
import PropertyBased
import Testing

/// For random logs built from real Postfix and Exim line shapes, reading the log in parts
/// and merging the partial aggregates gives exactly what reading it whole gives.
@Suite struct MergePropertyTests {
  /// Random event lists: a few dozen events over eight message slots.
  static let events = Gen.uint64(in: 0...UInt64.max).array(of: 0...48)

  /// The log and its failure text.
  static func log(_ events: [UInt64], slots: UInt64 = 8) -> (lines: [[UInt8]], text: String) {
    let text = LogScript.lines(events, slots: slots)
    return (text.map { Array($0.utf8) }, text.enumerated().map { "\($0.offset): \($0.element)" }.joined(separator: "\n"))
  }

  @Test func everySplitPointGivesTheWholeAggregate() async {
    await propertyCheck(count: 300, input: Self.events) { events in
      let (lines, text) = Self.log(events)
      let n = lines.count
      let whole = AggregateDump.dump(AggregateDump.finished(AggregateDump.aggregate(lines, 0..<n)))
      for k in 0...n {
        let split = AggregateDump.dump(
          AggregateDump.merged([AggregateDump.aggregate(lines, 0..<k), AggregateDump.aggregate(lines, k..<n)]))
        if split != whole {
          Issue.record("split at \(k) differs:\n\(AggregateDump.difference(whole, split))\nlog:\n\(text)")
          return
        }
      }
    }
  }

  /// The engine marks the first partial and the running total as starting the input, which
  /// finalises orphans at once and remembers no births: the result must not change.
  @Test func aFirstPartThatKnowsItStartsTheInputGivesTheSameAggregate() async {
    await propertyCheck(count: 300, input: Self.events) { events in
      let (lines, text) = Self.log(events)
      let n = lines.count
      let whole = AggregateDump.dump(AggregateDump.finished(AggregateDump.aggregate(lines, 0..<n)))
      let wholeFirst = AggregateDump.dump(
        AggregateDump.finished(AggregateDump.aggregate(lines, 0..<n, startsInput: true)))
      #expect(wholeFirst == whole, "\(AggregateDump.difference(whole, wholeFirst))\nlog:\n\(text)")
      for k in 0...n {
        for j in k...n where j == k || j == n || (j - k) % 3 == 0 {
          var total = Aggregate()
          total.startsInput = true
          total.merge(AggregateDump.aggregate(lines, 0..<k, startsInput: true))
          total.merge(AggregateDump.aggregate(lines, k..<j))
          total.merge(AggregateDump.aggregate(lines, j..<n))
          total.finish()
          let split = AggregateDump.dump(total)
          if split != whole {
            Issue.record("split at \(k), \(j) differs:\n\(AggregateDump.difference(whole, split))\nlog:\n\(text)")
            return
          }
        }
      }
    }
  }

  @Test func mergeIsAssociativeOverThreeParts() async {
    await propertyCheck(count: 300, input: Self.events, Gen.int(in: 0...1000), Gen.int(in: 0...1000)) { events, x, y in
      let (lines, text) = Self.log(events)
      let n = lines.count
      let i = n == 0 ? 0 : min(x, y) % (n + 1)
      let j = n == 0 ? 0 : max(i, max(x, y) % (n + 1))
      let a = AggregateDump.aggregate(lines, 0..<i)
      let b = AggregateDump.aggregate(lines, i..<j)
      let c = AggregateDump.aggregate(lines, j..<n)
      var ab = a
      ab.merge(b)
      let left = AggregateDump.dump(AggregateDump.merged([ab, c]))
      var bc = b
      bc.merge(c)
      let right = AggregateDump.dump(AggregateDump.merged([a, bc]))
      let whole = AggregateDump.dump(AggregateDump.finished(AggregateDump.aggregate(lines, 0..<n)))
      #expect(left == right, "(A+B)+C vs A+(B+C) at \(i), \(j):\n\(AggregateDump.difference(left, right))\nlog:\n\(text)")
      #expect(left == whole, "parts at \(i), \(j) vs whole:\n\(AggregateDump.difference(whole, left))\nlog:\n\(text)")
    }
  }

  /// Short logs of two messages, every pair of split points: the dense case for correlation.
  @Test func everyThreeWaySplitOfShortLogsIsAssociative() async {
    await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max).array(of: 0...14)) { events in
      let (lines, text) = Self.log(events, slots: 2)
      let n = lines.count
      let whole = AggregateDump.dump(AggregateDump.finished(AggregateDump.aggregate(lines, 0..<n)))
      for i in 0...n {
        for j in i...n {
          let a = AggregateDump.aggregate(lines, 0..<i)
          let b = AggregateDump.aggregate(lines, i..<j)
          let c = AggregateDump.aggregate(lines, j..<n)
          var bc = b
          bc.merge(c)
          let right = AggregateDump.dump(AggregateDump.merged([a, bc]))
          let left = AggregateDump.dump(AggregateDump.merged([a, b, c]))
          if left != whole || right != whole {
            Issue.record(
              "at \(i), \(j):\n(A+B)+C:\n\(AggregateDump.difference(whole, left))\nA+(B+C):\n\(AggregateDump.difference(whole, right))\nlog:\n\(text)")
            return
          }
        }
      }
    }
  }

  /// Found by `everyThreeWaySplitOfShortLogsIsAssociative`: a deferral, a bounce, then Exim's
  /// "retry timeout exceeded" for the same recipient. The expiry line says nothing new, so the
  /// bounce's reason stands whole and under every split (it took the deferral's reason when the
  /// bounce and the expiry were read in one piece after the deferral).
  @Test func anExpiryKeepsTheReasonOfTheLastLineBeforeItUnderEverySplit() {
    let text = """
      2026-11-22 06:00:00 1tXyZa-000Abc-De == ann@gmail.com R=dnslookup T=remote_smtp defer (111): Connection refused
      2026-11-22 06:00:01 1tXyZa-000Abc-De ** ann@gmail.com R=dnslookup T=remote_smtp H=mx.gmail.com [203.0.113.9]: SMTP error from remote mail server after RCPT TO:<ann@gmail.com>: 550 5.1.1 <ann@gmail.com>: Recipient address rejected: User unknown
      2026-11-22 06:00:02 1tXyZa-000Abc-De ** ann@gmail.com: retry timeout exceeded
      """
    let lines = text.split(separator: "\n").map { Array($0.utf8) }
    let n = lines.count
    let whole = AggregateDump.dump(AggregateDump.finished(AggregateDump.aggregate(lines, 0..<n)))
    #expect(whole.description.contains("failed=user-unknown:1"), "\(whole)")
    for i in 0...n {
      for j in i...n {
        let a = AggregateDump.aggregate(lines, 0..<i)
        let b = AggregateDump.aggregate(lines, i..<j)
        let c = AggregateDump.aggregate(lines, j..<n)
        var bc = b
        bc.merge(c)
        #expect(AggregateDump.dump(AggregateDump.merged([a, b, c])) == whole, "(A+B)+C at \(i), \(j)")
        #expect(AggregateDump.dump(AggregateDump.merged([a, bc])) == whole, "A+(B+C) at \(i), \(j)")
      }
    }
  }

  @Test func emptyAggregateIsTheIdentity() async {
    await propertyCheck(count: 200, input: Self.events) { events in
      let (lines, text) = Self.log(events)
      let x = AggregateDump.aggregate(lines, 0..<lines.count)
      let alone = AggregateDump.dump(AggregateDump.finished(x))
      var right = x
      right.merge(Aggregate())
      var left = Aggregate()
      left.merge(x)
      #expect(AggregateDump.dump(AggregateDump.finished(right)) == alone, "X + 0:\n\(text)")
      #expect(AggregateDump.dump(AggregateDump.finished(left)) == alone, "0 + X:\n\(text)")
    }
  }

  /// Many parts: every line its own partial, as a worst case of chunking.
  @Test func oneLinePerPartGivesTheWholeAggregate() async {
    await propertyCheck(count: 200, input: Self.events) { events in
      let (lines, text) = Self.log(events)
      let n = lines.count
      let whole = AggregateDump.dump(AggregateDump.finished(AggregateDump.aggregate(lines, 0..<n)))
      let parts = (0..<n).map { AggregateDump.aggregate(lines, $0..<$0 + 1) }
      let merged = AggregateDump.dump(AggregateDump.merged(parts))
      #expect(merged == whole, "\(AggregateDump.difference(whole, merged))\nlog:\n\(text)")
    }
  }
}
