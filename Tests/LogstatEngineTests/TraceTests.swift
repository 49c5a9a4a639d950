import Foundation
import LogstatEngine
import LogstatRun
import LogstatScan
import LogstatSource
import LogstatTime
import Testing

/// Runs `logstat trace`'s engine on `paths` with a fixed clock and zone.
func runTrace(_ key: String, _ paths: [String], window: TimeWindow = .all, chunkSize: Int = 4 << 20) throws -> TraceResult {
  let traceKey = try #require(TraceKey(key))
  let (inputs, errors) = InputDiscovery.expand(paths)
  #expect(errors.isEmpty)
  let plan = RunPlan(
    inputs: inputs, jobs: 1, chunkSize: chunkSize, zone: .utc, yearOverride: 2026,
    now: 1_795_392_000, window: window)
  return Tracer.run(traceKey, plan: plan)
}

/// Trace on real Postfix 3.7 and Exim 4.96 logs (`../shared/realmta-sample`); the expected lines
/// were counted with grep in the same files.
@Suite(.enabled(if: Paths.hasRealMTA, "needs ../shared/realmta-sample beside the checkout"))
struct TraceRealMTATests {
  let postfix = Paths.realMTA.appendingPathComponent("postfix.log").path
  let exim = Paths.realMTA.appendingPathComponent("exim-mainlog").path
  let rotated = Paths.realMTA.appendingPathComponent("rotated/postfix").path

  /// `76CC1FA171`: pickup, cleanup, qmgr, one bounced attempt (554 5.7.1 relay access denied),
  /// the notification `79C63FA172`, removed.
  func checkBouncedMessage(_ r: TraceResult) throws {
    #expect(r.messages.count == 1)
    let m = try #require(r.messages.first)
    #expect(m.queueID == "76CC1FA171")
    #expect(m.events.map(\.kind) == [.submitted, .created, .received, .attempt, .notice, .removed])
    #expect(m.outcome == .bounced)
    #expect(m.isRemoved)
    #expect(m.recipients.map(\.address) == ["andrew_gonzalez14@corp-a.example"])
    #expect(m.recipients.map(\.attempts) == [1])
    let attempt = m.events[3]
    #expect(attempt.status == .bounced)
    #expect(attempt.dsn == "5.7.1")
    #expect(attempt.relay == "127.0.0.7[127.0.0.7]")
    #expect(attempt.classification?.reason == .relayDenied)
    #expect(m.first(\.messageID) == "m0002.postfix@sender.example")
    #expect(m.first(\.size) == 166_131)
    #expect(m.events[4].relatedQueueID == "79C63FA172")
    #expect(m.firstEpoch == 1_795_460_194)  // 2026-11-23 18:56:34 UTC
  }

  @Test func bouncedRecipientByAddress() throws {
    let r = try runTrace("andrew_gonzalez14@corp-a.example", [postfix])
    try checkBouncedMessage(r)
    #expect(r.messages[0].events.map(\.matched) == [false, false, false, true, false, false])
  }

  @Test func bouncedRecipientByQueueID() throws {
    let r = try runTrace("76CC1FA171", [postfix])
    try checkBouncedMessage(r)
    #expect(r.messages[0].events.map(\.matched) == Array(repeating: true, count: 6))
  }

  @Test func byMessageIDWithAngleBrackets() throws {
    let r = try runTrace("<m0002.postfix@sender.example>", [postfix])
    try checkBouncedMessage(r)
  }

  @Test(arguments: [1 << 10, 4 << 20])
  func expiredMessageAcrossRotationsAndGzip(chunkSize: Int) throws {
    // 133D4FA19F: 8 deferrals between 18:56:46 and 18:59:47, expired, notified, removed; its
    // 21 lines lie in mail.log.2.gz (4), mail.log.1 (4) and mail.log (13).
    let r = try runTrace("olivia_thompson52@legacy-a.example", [rotated], chunkSize: chunkSize)
    #expect(r.messages.count == 1)
    let m = try #require(r.messages.first)
    #expect(m.queueID == "133D4FA19F")
    #expect(m.events.count == 21)
    #expect(m.events.filter { $0.kind == .attempt }.count == 8)
    #expect(m.events.filter { $0.kind == .retry }.count == 7)
    #expect(Set(m.events.map(\.file)) == [0, 1, 2])
    #expect(m.outcome == .expired)
    #expect(m.recipients.map(\.attempts) == [8])
    #expect(m.events.suffix(3).map(\.kind) == [.expired, .notice, .removed])
    #expect(m.events.first { $0.kind == .attempt }?.classification != nil)
    let times = m.events.compactMap(\.epoch)
    #expect(times == times.sorted())
  }

  @Test func sameResultFromTheSingleFile() throws {
    let a = try runTrace("olivia_thompson52@legacy-a.example", [rotated])
    let b = try runTrace("olivia_thompson52@legacy-a.example", [postfix])
    #expect(a.messages.map(\.events.count) == b.messages.map(\.events.count))
    #expect(a.messages.map(\.outcome) == b.messages.map(\.outcome))
  }

  @Test func addressIgnoresCase() throws {
    // Logged as `to=<scott_jones62@Yahoo.Example>`.
    let r = try runTrace("SCOTT_JONES62@yahoo.example", [postfix])
    #expect(r.messages.map(\.queueID) == ["A546BFA171"])
    #expect(r.messages.first?.outcome == .delivered)
  }

  @Test func senderFindsAllItsMessages() throws {
    // jane.doe@sender.example: messages she sent and the notifications sent back to her.
    let expected = try String(contentsOfFile: postfix, encoding: .utf8).split(separator: "\n")
      .filter { $0.contains("<jane.doe@sender.example>") }
      .compactMap { $0.split(separator: " ").dropFirst(5).first }
      .filter { $0.hasSuffix(":") && !$0.hasPrefix("NOQUEUE") }
    let r = try runTrace("jane.doe@sender.example", [postfix])
    #expect(r.messages.count == Set(expected).count)
    #expect(r.messages.count > 2)
  }

  @Test func rejectBeforeQueueing() throws {
    let r = try runTrace("pat.mitchell@harness.example", [postfix])
    #expect(r.messages.count == 1)
    let m = try #require(r.messages.first)
    #expect(m.queueID == nil)
    #expect(m.outcome == .rejected)
    #expect(m.events.first?.classification?.reason == .userUnknown)
    #expect(m.events.first?.client == "localhost[127.0.0.1]")
  }

  @Test func unknownAddressFindsNothing() throws {
    let unknown = try runTrace("nobody.at.all@nowhere.example", [postfix, exim])
    #expect(unknown.messages.isEmpty)
    // A key inside a longer address is no match.
    let inside = try runTrace("ndrew_gonzalez14@corp-a.example", [postfix])
    #expect(inside.messages.isEmpty)
  }

  @Test func eximBouncedRecipient() throws {
    let r = try runTrace("andrew_gonzalez14@corp-a.example", [exim])
    #expect(r.messages.map(\.queueID) == ["1xVZI3-0004HS-31"])
    let m = try #require(r.messages.first)
    #expect(m.events.map(\.kind) == [.received, .attempt, .removed])
    #expect(m.outcome == .bounced)
    #expect(m.first(\.messageID) == "m0002.exim@sender.example")
    #expect(m.events[1].classification?.reason == .relayDenied)
    // By its message ID: the notification's `<= <> R=1xVZI3-0004HS-31` is another message.
    let byID = try runTrace("1xVZI3-0004HS-31", [exim])
    #expect(byID.messages.map(\.events.count) == [3])
  }

  @Test func windowExcludesLines() throws {
    // 18:56:34 is before 2026-11-23 19:00 UTC.
    let window = TimeWindow(since: 1_795_460_400)
    let r = try runTrace("andrew_gonzalez14@corp-a.example", [postfix], window: window)
    #expect(r.messages.isEmpty)
  }
}

/// Trace on the bundled samples (gzip rotation included).
@Suite struct TraceSampleTests {
  @Test func queueIDReuseMakesTwoMessages() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logstat-trace-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let lines = [
      "Nov 21 23:50:01 mx1 postfix/cleanup[3102]: 3F2A1B0C11: message-id=<n1@example.net>",
      "Nov 21 23:50:01 mx1 postfix/qmgr[990]: 3F2A1B0C11: from=<news@example.net>, size=18233, nrcpt=1 (queue active)",
      "Nov 21 23:50:04 mx1 postfix/smtp[3105]: 3F2A1B0C11: to=<cy@corp.example>, relay=mx.corp.example[203.0.113.5]:25, delay=2.9, delays=0.1/0/1/1.8, dsn=5.1.1, status=bounced (host mx.corp.example[203.0.113.5] said: 550 5.1.1 <cy@corp.example>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))",
      "Nov 21 23:50:04 mx1 postfix/qmgr[990]: 3F2A1B0C11: removed",
      "Nov 22 10:00:01 mx1 postfix/cleanup[3102]: 3F2A1B0C11: message-id=<n2@example.net>",
      "Nov 22 10:00:01 mx1 postfix/qmgr[990]: 3F2A1B0C11: from=<news@example.net>, size=1200, nrcpt=1 (queue active)",
      "Nov 22 10:00:02 mx1 postfix/smtp[3105]: 3F2A1B0C11: to=<ann@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.102.27]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 OK  1732256702 a1si123 - gsmtp)",
    ]
    let file = dir.appendingPathComponent("mail.log")
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    let byAddress = try runTrace("cy@corp.example", [file.path])
    #expect(byAddress.messages.map(\.events.count) == [4])
    #expect(byAddress.messages.first?.outcome == .bounced)
    let byID = try runTrace("3F2A1B0C11", [file.path])
    #expect(byID.messages.map(\.events.count) == [4, 3])
    #expect(byID.messages.map(\.outcome) == [.bounced, .delivered])
    #expect(byID.messages.map(\.isRemoved) == [true, false])
    let byMessageID = try runTrace("<n2@example.net>", [file.path])
    #expect(byMessageID.messages.map(\.outcome) == [.delivered])
  }

  /// Trace classifies a reply as the counting engine does: with Exim's wrapper, which names the
  /// SMTP step. "No such domain" after MAIL FROM is about our sender, not the recipient's domain.
  @Test func classifiesWithTheWrapperLikeTheEngine() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logstat-trace-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let lines = [
      "2026-11-20 10:00:00 1vKq7x-000ABC-12 <= sender@ours.example H=localhost [127.0.0.1] P=esmtp S=1234",
      "2026-11-20 10:00:01 1vKq7x-000ABC-12 ** nobody@remote.example R=dnslookup T=remote_smtp H=mx.remote.example [192.0.2.5]: SMTP error from remote mail server after MAIL FROM:<sender@ours.example> SIZE=1234: 550 No such domain",
      "2026-11-20 10:00:01 1vKq7x-000ABC-12 Completed",
    ]
    let file = dir.appendingPathComponent("mainlog")
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    let r = try runTrace("nobody@remote.example", [file.path])
    let attempt = try #require(r.messages.first?.events.first { $0.kind == .attempt })
    #expect(attempt.status == .bounced)
    #expect(attempt.classification?.reason == .senderRejected)
    #expect(attempt.classification?.step == .mailFrom)
  }

  @Test func samplesAcrossGzipRotation() throws {
    // 3F2A1B0C11 starts in mail.log.2.gz (7 lines) and ends in mail.log.1 (3 lines): ann sent,
    // bob deferred then sent, cy bounced.
    let r = try runTrace("bob@yahoo.com", [Paths.samples.appendingPathComponent("postfix").path])
    #expect(r.messages.map(\.queueID) == ["3F2A1B0C11"])
    let m = try #require(r.messages.first)
    #expect(m.events.count == 10)
    #expect(Set(m.events.map(\.file)) == [0, 1])
    #expect(m.outcome == .mixed)
    #expect(m.recipients.map(\.outcome) == [.delivered, .delivered, .bounced])
    #expect(m.recipients.map(\.attempts) == [1, 2, 1])
    #expect(m.first(\.sender) == "news@example.net")
  }

  @Test func keyShapes() throws {
    let address = try #require(TraceKey("User@Example.com"))
    #expect(address.isAddress && address.isMessageID && !address.isQueueID)
    let postfix = try #require(TraceKey("4F2A81C0D3"))
    #expect(postfix.isQueueID && !postfix.isAddress && !postfix.isMessageID)
    let exim = try #require(TraceKey("1tXyZa-0000000AbcD-DeFg"))
    #expect(exim.isQueueID)
    #expect(TraceKey("") == nil)
    #expect(TraceKey("a b@c") == nil)
    #expect(TraceKey("<>") == nil)
  }
}
