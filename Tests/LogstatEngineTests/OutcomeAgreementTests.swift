import Foundation
import LogstatEngine
import LogstatHistory
import LogstatReport
import LogstatTime
import Testing

@testable import logstat_gen
import LogstatRun
import LogstatAggregate

/// The timeline, the per-day table, the history rows and the summary are views of the same
/// counts: for every outcome they must add up to the same number (a Postfix expiry names its
/// message, not its recipients, and once reached the summary only).
@Suite struct OutcomeAgreementTests {
  /// Outcome totals as each view adds them up.
  struct Totals: Equatable, CustomStringConvertible {
    var delivered = 0
    var deferred = 0
    var bounced = 0
    var expired = 0
    var description: String { "delivered \(delivered), deferred \(deferred), bounced \(bounced), expired \(expired)" }
  }

  static func check(_ result: RunResult, _ name: String) -> Totals {
    let model = ReportModel.build(from: result, now: fixedNow, zone: .utc)
    let s = model.summary
    let summary = Totals(delivered: s.delivered, deferred: s.deferred, bounced: s.bounced, expired: s.expired)
    var timeline = Totals()
    for h in model.timeline {
      timeline.delivered += h.delivered
      timeline.deferred += h.deferred
      timeline.bounced += h.bounced
      timeline.expired += h.expired
    }
    var history = Totals()
    var perDayExpired: [String: Int] = [:]
    for day in HistoryDay.days(from: result.aggregate, zone: .utc, window: .all) {
      for row in day.rows {
        switch row.outcome {
        case "sent": history.delivered += row.count
        case "deferred": history.deferred += row.count
        case "bounced": history.bounced += row.count
        case "expired":
          history.expired += row.count
          perDayExpired[day.day, default: 0] += row.count
        default: Issue.record("\(name): unknown outcome \(row.outcome)")
        }
      }
    }
    // The timeline's hours added up per local day give the history's expiries per day.
    var timelineDays: [String: Int] = [:]
    for h in model.timeline where h.expired > 0 { timelineDays[String(h.hour.prefix(10)), default: 0] += h.expired }
    #expect(timeline == summary, "\(name): timeline \(timeline), summary \(summary)")
    #expect(history == summary, "\(name): history \(history), summary \(summary)")
    #expect(timelineDays == perDayExpired, "\(name): per day")
    return summary
  }

  @Test(
    .enabled(if: Paths.hasRealMTA, "needs ../shared/realmta-sample beside the checkout"),
    arguments: ["postfix.log", "exim-mainlog", "rotated/postfix", "rotated/exim"])
  func realMTAViewsAgree(input: String) {
    let (result, _) = runJSON([Paths.realMTA.appendingPathComponent(input).path], Knobs())
    let totals = Self.check(result, input)
    // The counts the real servers' truth tables give (RealMTATests checks them per domain).
    #expect(totals.expired == (input.contains("postfix") ? 44 : 38), "\(input)")
    // Messages that entered from outside: Postfix 199 smtpd client= + 416 pickup, as
    // pflogsumm's 615 received (reference/pflogsumm.txt); Exim 856 `<=` less its 245 bounces.
    let model = ReportModel.build(from: result, now: fixedNow, zone: .utc)
    #expect(model.summary.messagesReceived == (input.contains("postfix") ? 615 : 611), "\(input)")
    #expect(model.summary.notificationsSent == 245, "\(input)")
    // pflogsumm's "14251k bytes received" (kibibytes, rounded down): the received messages'
    // sizes once each, none of the 245 notifications Postfix made.
    if input.contains("postfix") {
      #expect((14_251 * 1024..<14_252 * 1024).contains(model.summary.bytesReceived), "\(input)")
    }
  }

  @Test func samplesViewsAgree() {
    for sample in ["postfix", "exim"] {
      let (result, _) = runJSON([Paths.samples.appendingPathComponent(sample).path], Knobs())
      _ = Self.check(result, sample)
    }
  }

  @Test(arguments: 0..<2)
  func generatedViewsAgreeForEveryCut(which: Int) throws {
    let log = try GeneratedLog {
      $0.seed = 21 + UInt64(which)
      // A short queue lifetime over a slow log, so deferred mail expires inside it.
      $0.queueLifetime = 900
      $0.rate = 1
      if which == 1 { $0.format = .exim }
    }
    let truthExpired = log.truth.values.reduce(0) { $0 + $1.expired }
    #expect(truthExpired > 0, "the generated log has expiries")
    for knobs in [Knobs()] + ParallelGeneratedTests.cuts {
      let (result, _) = runJSON([log.path], knobs)
      let totals = Self.check(result, "generated \(which), \(knobs)")
      #expect(totals.expired == truthExpired)
    }
  }
}
