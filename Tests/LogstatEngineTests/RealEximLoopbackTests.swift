import Foundation
import LogstatReport
import Testing

/// The whole main log of the real Exim 4.96 runs on loopback (`RealCorpus/exim-loopback-13x.log`,
/// issue 13; how it was made: `RealCorpus/README.md` and `RealCorpus/exim-loopback-13x/`), counted
/// as `logstat --suppression-list FILE` does. Its lines, labelled one by one, are
/// `LogstatClassifyTests/Corpus/real-lines-exim.tsv`.
@Suite struct RealEximLoopbackTests {
  static let log = RealCorpusTests.corpus.appendingPathComponent("exim-loopback-13x.log").path

  /// The recipients whose lines are labelled hard: five domains that do not exist or take no
  /// mail (no router, NXDOMAIN, no MX and no A, a null MX, MX records to hosts that do not
  /// exist), three remote "550 5.1.1" refusals after RCPT TO (one of them beside a recipient
  /// the same message delivered), and a redirect router's :fail: ("this mailbox was closed by
  /// its owner").
  static let hardBounced = [
    "fail-redirect@local.test", "gone@p2628.test", "nobody@p2606.test", "nobody@p2619.test", "someone@nowhere.test",
    "x@mxbad.dns.test", "x@nomx.dns.test", "x@nullmx.dns.test", "x@nxdomain.dns.test",
  ]

  @Test func suppressionListHoldsOnlyTheHardBounces() throws {
    let (m, listed) = RealLogLineTests.suppression([Self.log])
    print("exim-loopback-13x.log: delivered \(m.summary.delivered), deferred \(m.summary.deferred), bounced \(m.summary.bounced), listed \(listed)")
    #expect(listed == Self.hardBounced)
    // Never a pipe or file, never one of our own faults (local.test's pipes, files and
    // transports, a route-list host or transport host that does not exist), never a 4xx, a
    // deferral, a full mailbox or a refusal of our sender, host or message.
    #expect(!listed.contains { $0.hasPrefix("|") || $0.hasPrefix("/") })
    for address in [
      "pipe-missing@local.test", "pipe-exit1@local.test", "pipe-timeout@local.test", "file-quota@local.test",
      "file-perm@local.test", "x@byname-fail.test", "x@byname.test", "x@tpt-hosts.test", "nobody@p2607.test",
      "nobody@p2608.test", "nobody@p2624.test", "nobody@p2604.test", "nobody@p2601.test", "nobody@p2630.test",
      "pipe-exit73@local.test", "x@self-local.test", "nobody@p2627.test", "nobody@p2629.test", "ok@p2628.test",
    ] {
      #expect(!listed.contains(address), "\(address) is listed")
    }
  }

  @Test func localFaultsAreCountedAsLocalError() throws {
    let (m, _) = RealLogLineTests.suppression([Self.log])
    let reasons = RealLogCountTests.reasons(m)
    // Failed: the nine pipe deliveries that bounced (a missing command, exits 1, 69, 77 and 78,
    // a timeout, a failure with logged output, an argument list too long, a tainted argument)
    // and the ** of a route-list host that does not exist (host_find_failed = fail).
    // Deferred: every == of a local fault, 31 as the labels count them (first tries and
    // queue runs).
    #expect(reasons["local-error"] == [10, 31, 0])
    #expect(reasons["domain-not-found"] == [5, 0, 0])
    #expect(reasons["user-unknown"] == [3, 0, 0])
    #expect(reasons["mailbox-disabled"] == [1, 0, 0])
    // The quota of our own appendfile and the remote 452/552 are a full mailbox, never hard.
    #expect(reasons["mailbox-full"] == [1, 6, 0])
    // The pipe and the file the redirect router may not deliver to fail as special deliveries.
    #expect(
      m.health.special == [
        SpecialRow(kind: "pipe", delivered: 0, deferred: 3, failed: 1),
        SpecialRow(kind: "file", delivered: 0, deferred: 0, failed: 1),
      ])
    #expect(m.blocklists.isEmpty)
  }

  /// Exim 4.96's panic log of the same runs holds copies of `==` deferrals (a tainted file name,
  /// a file name that failed to expand) beside "Failed to find user": named like a panic log, its
  /// lines are 8 panics and not deferrals counted a second time, in either order. The same
  /// lines in a file named otherwise read as main-log lines (the name is what tells them apart).
  @Test func panicLogCopiesAreNotCountedTwice() throws {
    let panic = RealCorpusTests.corpus.appendingPathComponent("exim-loopback-13x.paniclog").path
    let (main, _) = RealLogLineTests.suppression([Self.log])
    #expect(main.health.panics == 0)
    for paths in [[Self.log, panic], [panic, Self.log]] {
      let (m, listed) = RealLogLineTests.suppression(paths)
      #expect(m.health.panics == 8)
      #expect(m.summary.deferred == main.summary.deferred)
      #expect(RealLogCountTests.reasons(m)["local-error"] == [10, 31, 0])
      #expect(listed == Self.hardBounced)
    }
    let (alone, _) = RealLogLineTests.suppression([panic])
    #expect(alone.health.panics == 8)
    #expect(alone.summary.deferred == 0)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logstat-exim-13x-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let renamed = dir.appendingPathComponent("exim-2026-12-04.log")
    try FileManager.default.copyItem(atPath: panic, toPath: renamed.path)
    let (asMain, _) = RealLogLineTests.suppression([renamed.path])
    #expect(asMain.health.panics == 0)
    #expect(asMain.summary.deferred == 6)
  }
}
