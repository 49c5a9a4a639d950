import LogstatAggregate
import Testing

/// Exim logs name no delay unless `log_selector` has `+queue_time` (`QT=`): the delay is then
/// the time from the message's `<=` line to its `=>` line, the same however the input is split.
@Suite struct EximDelayTests {
  static let arrival =
    "2026-11-22 06:00:00 1tXyZa-000Abc-De <= news@example.net H=app1.example.net [192.0.2.10] P=esmtps S=100"
  static let sent =
    "2026-11-22 06:01:05 1tXyZa-000Abc-De => ann@x.example R=dnslookup T=remote_smtp H=mx.x.example [192.0.2.1] C=\"250 OK\""
  static let completed = "2026-11-22 06:01:05 1tXyZa-000Abc-De Completed"

  /// An aggregate of `lines` (with their epochs), marked as starting the input when `first`.
  static func part(_ lines: [(String, Int64)], first: Bool) -> Aggregate {
    var a = Aggregate()
    a.startsInput = first
    for (line, t) in lines { a.add(lines: [line], epoch: t) }
    return a
  }

  static let log: [(String, Int64)] = [(arrival, 1_000), (sent, 1_065), (completed, 1_065)]

  @Test func delayRunsFromTheArrivalLine() throws {
    var whole = Self.part(Self.log, first: true)
    whole.finish()
    let delay = try #require(counters(whole, "x.example")?.delay)
    #expect(delay.count == 1)
    let median = try #require(delay.quantile(0.5))
    #expect(abs(median - 65) < 65 * 0.1)
    // Split after the arrival, or after the delivery: the same histogram.
    for k in 1...2 {
      var total = Self.part(Array(Self.log[..<k]), first: true)
      total.merge(Self.part(Array(Self.log[k...]), first: false))
      total.finish()
      #expect(counters(total, "x.example")?.delay == delay, "split at \(k)")
    }
  }

  @Test func qtWinsAndNoArrivalMeansNoDelay() throws {
    var logged = Self.part(
      [(Self.arrival, 1_000), (Self.sent + " QT=3s", 1_065), (Self.completed, 1_065)], first: true)
    logged.finish()
    let median = try #require(counters(logged, "x.example")?.delay.quantile(0.5))
    #expect(abs(median - 3) < 0.3)
    // The message arrived before the input began: no delay, read whole or after a split.
    var alone = Self.part([(Self.sent, 1_065), (Self.completed, 1_065)], first: true)
    alone.finish()
    #expect(counters(alone, "x.example")?.delay.count == 0)
    var split = Self.part([], first: true)
    split.merge(Self.part([(Self.sent, 1_065), (Self.completed, 1_065)], first: false))
    split.finish()
    #expect(counters(split, "x.example")?.delay.count == 0)
  }
}
