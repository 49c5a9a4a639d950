import LogstatAggregate
import LogstatClassify
import LogstatTime
import Testing

@testable import LogstatAlerts

/// `local-errors`: our own MTA starts failing locally (none in the baseline, a few now).
@Suite struct LocalErrorsAlertTests {
  // An Exim pipe transport failure (Exim's own wording; spec/exim test output).
  static let example = "Child process of address_pipe transport returned 127 (could indicate unable to exec command) from command: /usr/bin/procmail"

  func input(lines: Int, baselineLocal: Int?) -> AlertInput {
    var input = AlertInput()
    input.localErrors = lines
    input.localErrorFirstHour = day0 + 14
    input.localErrorExample = Self.example
    if let baselineLocal {
      var b = Baseline(days: ["2026-11-20", "2026-11-21"])
      b.localErrors = baselineLocal
      input.baseline = b
    }
    return input
  }

  @Test func raisedWhenNoneInTheBaseline() throws {
    let alerts = AlertDetector.detect(input(lines: 4, baselineLocal: 0), zone: .utc)
    let a = try #require(alerts.first { $0.kind == .localErrors })
    #expect(a.events == 4)
    #expect(a.onsetHour == day0 + 14)
    #expect(a.example == Self.example)
    #expect(a.reason == .localError)
    #expect(a.message == "our own mail server failed locally on 4 delivery attempts since 2026-11-22 14:00:00 +00:00; none in 2 days of history (2026-11-20 .. 2026-11-21)")
  }

  @Test func notRaisedWhenTheBaselineHadSomeOrTooFew() {
    #expect(!AlertDetector.detect(input(lines: 9, baselineLocal: 2), zone: .utc).contains { $0.kind == .localErrors })
    #expect(!AlertDetector.detect(input(lines: 2, baselineLocal: 0), zone: .utc).contains { $0.kind == .localErrors })
  }

  @Test func withoutHistoryAFewAreEnough() {
    #expect(AlertDetector.detect(input(lines: 3, baselineLocal: nil), zone: .utc).contains { $0.kind == .localErrors })
  }
}
