import Foundation
import LogstatEngine
import LogstatReport
import LogstatSource
import LogstatTime
import Testing

@Suite struct TimeWindowRunTests {
  /// 2026-11-23 12:00:00 UTC.
  let now: Int64 = 1_795_435_200

  func run(since: String?, until: String?) throws -> ReportModel {
    let (inputs, _) = InputDiscovery.expand([Paths.samples.appendingPathComponent("postfix").path])
    let window = try TimeExpression.resolveWindow(since: since, until: until, now: now, zone: .utc)
    let plan = RunPlan(inputs: inputs, zone: .utc, yearOverride: 2026, now: now, window: window)
    return ReportModel.build(from: Engine.run(plan), now: now, zone: .utc, window: window)
  }

  @Test func yesterdayCountsOnlyThatDay() throws {
    let m = try run(since: "yesterday", until: nil)
    #expect(m.window == "from 2026-11-22 00:00:00 +00:00 until 2026-11-23 00:00:00 +00:00")
    let s = m.summary
    // Entered from outside: one smtpd client=, one pickup (the notification is apart).
    #expect(s.messagesReceived == 2)
    #expect(s.recipients == 9)
    #expect(s.attempts == 9)
    #expect(s.delivered == 5)
    #expect(s.bounced == 3)
    #expect(s.expired == 0)
    #expect(s.stillDeferred == 1)
    #expect(s.deferred == 1)
    #expect(s.rejected == 4)
    // The live file starts after the window: skipped unread. The gzip rotation is bounded only
    // by its modification time, so it is read and its lines fall outside the window.
    let live = m.files.first { $0.path.hasSuffix("/mail.log") }
    #expect(live?.skipReason?.hasPrefix("outside the time window") == true)
    #expect(live?.lines == 0)
    let gz = m.files.first { $0.path.hasSuffix("mail.log.2.gz") }
    #expect(gz?.skipReason == nil)
    #expect(gz?.outsideWindow == 20)
    let middle = m.files.first { $0.path.hasSuffix("mail.log.1") }
    #expect(middle?.outsideWindow == 0)
  }

  @Test func windowBetweenRotationsCountsNothing() throws {
    let m = try run(since: "2026-11-22T10:00", until: "2026-11-23T00:00")
    #expect(m.summary.attempts == 0)
    #expect(m.summary.rejected == 0)
    #expect(m.files.first { $0.path.hasSuffix("/mail.log") }?.skipReason != nil)
  }

  @Test func durationWindowReadsOnlyTheLastHours() throws {
    // 12h before 2026-11-23 12:00 is 00:00: only the live file's events.
    let m = try run(since: "12h", until: nil)
    #expect(m.summary.attempts == 5)
    #expect(m.summary.expired == 1)
    #expect(m.summary.rejected == 1)
    #expect(m.files.first { $0.path.hasSuffix("mail.log.1") }?.skipReason != nil)
  }
}

@Suite struct TimeWindowContextTests {
  @Test func linesBeforeTheWindowGiveContextButAreNotCounted() throws {
    let now: Int64 = 1_795_435_200
    let (inputs, _) = InputDiscovery.expand([Paths.samples.appendingPathComponent("postfix").path])
    let window = try TimeExpression.resolveWindow(since: "12h", until: nil, now: now, zone: .utc)
    let plan = RunPlan(inputs: inputs, zone: .utc, yearOverride: 2026, now: now, window: window)
    let m = ReportModel.build(from: Engine.run(plan), now: now, zone: .utc, window: window)
    // The message deferred on Nov 21 and 22 expires inside the window: its recipient counts as
    // expired (deferral context from before the window), the earlier attempts do not count.
    let slow = m.domains.first { $0.domain == "slow.example" }
    #expect(slow?.expired == 1)
    #expect(slow?.attempts == 0)
    #expect(slow?.deferredRecipients == 0)
    // Domains that appear only before the window are not listed.
    #expect(!m.domains.contains { $0.domain == "corp.example" })
  }
}
