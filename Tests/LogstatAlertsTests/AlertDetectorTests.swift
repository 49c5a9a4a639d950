import LogstatAggregate
import LogstatClassify
import LogstatTime
import Testing

@testable import LogstatAlerts

/// 2026-11-22 00:00 UTC in hours since the epoch: the window's first hour in these tests.
let day0: Int64 = 1_795_305_600 / 3600

/// A deterministic pseudo-random sequence (64-bit LCG), so "noise" is the same on every run.
struct Noise {
  var state: UInt64
  mutating func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }
}

/// Adds `attempts` lines to `subject` in `hour`, `blocked` of them deferred with `reason`.
func add(
  _ input: inout AlertInput, _ subject: AlertSubject, hour: Int64, attempts: Int, blocked: Int,
  reason: Reason = .reputation
) {
  if attempts > blocked {
    input.add(subject, hour: hour, status: .sent, reason: nil, count: attempts - blocked)
  }
  if blocked > 0 { input.add(subject, hour: hour, status: .deferred, reason: reason, count: blocked) }
}

/// A baseline of `days` days, `perDay` lines a day for each subject, `ratePerMille` blocked.
func baseline(_ subjects: [AlertSubject], days: Int, perDay: Int, perMille: Int) -> Baseline {
  var b = Baseline(days: (1...days).map { "2026-11-\(String(format: "%02d", 21 - days + $0))" })
  for s in subjects {
    var t = Tally()
    let blocked = perDay * days * perMille / 1000
    t.add(.sent, reason: nil, count: perDay * days - blocked)
    t.add(.deferred, reason: .reputation, count: blocked)
    b.tallies[s] = t
  }
  return b
}

@Suite struct AlertDetectorTests {
  /// Google goes from 0.1% to 30% blocked at 03:00; gmail.com (hosted by Google) is not repeated.
  @Test func providerSuddenBlockAtThreeIsAlertedWithItsOnset() {
    var input = AlertInput()
    input.providers["gmail.com"] = .google
    input.baseline = baseline([.provider(.google), .domain("gmail.com")], days: 14, perDay: 2400, perMille: 1)
    input.examples[.provider(.google)] = [.reputation: "421-4.7.28 unusual rate of unsolicited mail"]
    var noise = Noise(state: 7)
    for h in 0..<24 {
      let blocked = h < 3 ? (noise.next(10) == 0 ? 1 : 0) : 30
      for s in [AlertSubject.provider(.google), .domain("gmail.com")] {
        add(&input, s, hour: day0 + Int64(h), attempts: 100, blocked: blocked)
      }
    }
    let alerts = AlertDetector.detect(input, zone: .utc)
    #expect(alerts.count == 1)
    let a = alerts[0]
    #expect(a.kind == .suddenRise)
    #expect(a.subjectKind == "provider" && a.subject == "google")
    #expect(a.metric == .blocking)
    #expect(a.reason == .reputation)
    #expect(a.onsetHour == day0 + 3)
    #expect(a.events == 21 * 30 && a.attempts == 21 * 100)
    #expect(a.rate == 0.3)
    #expect(a.baselineEvents == 33 && a.baselineAttempts == 33_600)
    #expect((a.pValue ?? 1) < 1e-10)
    #expect(a.example == "421-4.7.28 unusual rate of unsolicited mail")
    #expect(a.advice == Reason.reputation.advice)
    #expect(
      a.message
        == "Google (Gmail) (provider): blocking replies rose from 0.10% to 30.0% of delivery attempts (630 of 2100) since 2026-11-22 03:00:00 +00:00, mostly reputation; baseline: 14 days of history (2026-11-08 .. 2026-11-21)"
    )
  }

  /// Fifty small domains with a few random blocks a day, against a like baseline: no alert.
  @Test func ordinaryNoiseAtLowVolumeIsQuiet() {
    var input = AlertInput()
    let domains = (0..<50).map { AlertSubject.domain("d\($0).example") }
    input.baseline = baseline(domains, days: 14, perDay: 60, perMille: 30)
    var noise = Noise(state: 42)
    for d in domains {
      for h in 0..<24 {
        let attempts = 1 + noise.next(5)
        let blocked = noise.next(30) == 0 ? 1 : 0
        add(&input, d, hour: day0 + Int64(h), attempts: attempts, blocked: min(blocked, attempts))
      }
    }
    #expect(AlertDetector.detect(input, zone: .utc).isEmpty)
  }

  /// Ordinary noise at moderate volume (2% blocked, varying by hour) is not a rise either.
  @Test func ordinaryNoiseAtModerateVolumeIsQuiet() {
    var input = AlertInput()
    input.baseline = baseline([.provider(.yahoo)], days: 14, perDay: 2000, perMille: 20)
    var noise = Noise(state: 3)
    for h in 0..<24 {
      add(&input, .provider(.yahoo), hour: day0 + Int64(h), attempts: 80 + noise.next(40), blocked: noise.next(5))
    }
    #expect(AlertDetector.detect(input, zone: .utc).isEmpty)
  }

  @Test func oneBlockOfTwoIsNoAlert() {
    var input = AlertInput()
    add(&input, .domain("tiny.example"), hour: day0, attempts: 1, blocked: 0)
    add(&input, .domain("tiny.example"), hour: day0 + 5, attempts: 1, blocked: 1)
    #expect(AlertDetector.detect(input, zone: .utc).isEmpty)
    input.baseline = Baseline(days: ["2026-11-21"])
    #expect(AlertDetector.detect(input, zone: .utc).isEmpty)
  }

  /// No history: 03:00 onwards compared with the window's earlier hours.
  @Test func withoutHistoryTheWindowsEarlierHoursAreTheBaseline() {
    var input = AlertInput()
    for h in 0..<12 {
      add(&input, .domain("mail.example"), hour: day0 + Int64(h), attempts: 50, blocked: h < 3 ? 0 : 20, reason: .blocklisted)
    }
    let alerts = AlertDetector.detect(input, zone: .utc)
    #expect(alerts.count == 1)
    #expect(alerts.first?.kind == .suddenRise)
    #expect(alerts.first?.onsetHour == day0 + 3)
    #expect(alerts.first?.baseline == "the window before 2026-11-22 03:00:00 +00:00")
    #expect(alerts.first?.baselineAttempts == 150)
    #expect(alerts.first?.reason == .blocklisted)
  }

  /// A domain blocking everything from the start, without history, is alerted as such.
  @Test func blockingEverythingWithoutHistory() {
    var input = AlertInput()
    input.baseline = baseline([.domain("other.example")], days: 3, perDay: 100, perMille: 0)
    for h in 0..<4 {
      add(&input, .domain("new.example"), hour: day0 + Int64(h), attempts: 10, blocked: 10, reason: .policy)
    }
    let alerts = AlertDetector.detect(input, zone: .utc)
    #expect(alerts.map(\.kind) == [.blocksEverything])
    #expect(alerts.first?.subject == "new.example")
    #expect(alerts.first?.rate == 1)
    #expect(alerts.first?.onsetHour == day0)
    #expect(alerts.first?.baseline == "no history for this domain")
  }

  /// A blocklist absent from the baseline days raises an alert; one seen before does not.
  @Test func newBlocklistOnlyWhenTheBaselineNeverSawIt() {
    var input = AlertInput()
    input.blocklists[.spamhausZen] = BlocklistSighting(count: 3, firstHour: day0 + 2)
    input.blocklists[.spamcop] = BlocklistSighting(count: 5, firstHour: day0)
    input.blocklists[.barracuda] = BlocklistSighting(count: 1, firstHour: day0)
    input.baseline = Baseline(days: ["2026-11-20", "2026-11-21"], blocklists: [.spamcop])
    let alerts = AlertDetector.detect(input, zone: .utc)
    #expect(alerts.map(\.subject) == ["spamhaus-zen"])
    #expect(
      alerts.first?.message
        == "Spamhaus ZEN named us in 3 replies since 2026-11-22 02:00:00 +00:00; not seen in 2 days of history (2026-11-20 .. 2026-11-21)"
    )
    input.baseline = nil
    #expect(AlertDetector.detect(input, zone: .utc).isEmpty)
  }

  /// A rise of bounces without blocking reasons is its own alert.
  @Test func bounceRiseIsAlerted() {
    var input = AlertInput()
    input.baseline = baseline([.domain("shop.example")], days: 14, perDay: 500, perMille: 0)
    for h in 0..<24 {
      input.add(.domain("shop.example"), hour: day0 + Int64(h), status: .sent, reason: nil, count: 20)
      if h >= 10 {
        input.add(.domain("shop.example"), hour: day0 + Int64(h), status: .bounced, reason: .userUnknown, count: 5)
      }
    }
    let alerts = AlertDetector.detect(input, zone: .utc)
    #expect(alerts.map(\.metric) == [.bounces])
    #expect(alerts.first?.onsetHour == day0 + 10)
    #expect(alerts.first?.reason == .userUnknown)
  }
}
