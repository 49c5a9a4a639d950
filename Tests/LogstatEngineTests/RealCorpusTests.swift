import Foundation
import LogstatReport
import Testing

/// Real lines written by others (sources in RealCorpus/README.md): every count exact. The
/// `heldout/` files were not looked at while writing the scanner rules they exercise.
@Suite struct RealCorpusTests {
  static let corpus = Paths.packageRoot.appendingPathComponent("Tests/LogstatEngineTests/RealCorpus")

  func report(_ name: String) -> ReportModel {
    runReport([Self.corpus.appendingPathComponent(name).path])
  }

  @Test func eximTestSuiteLogHasNoPseudoDomains() {
    let m = report("exim-testsuite-0021.log")
    #expect(m.summary.delivered == 9)
    #expect(m.summary.rejected == 11)
    #expect(Set(m.domains.map(\.domain)) == ["test1", "test.ex", "y", "test2", "test4"])
    #expect(m.lines.total == 49)
    #expect(m.lines.skipped == 11)
    #expect(m.lines.notMail == 0)
  }

  /// The reject log written beside the main log repeats its rejects: recognised by content,
  /// it adds none (in either order); read alone, its rejects are counted.
  @Test func eximRejectLogBesideTheMainLogAddsNoRejects() {
    let main = Self.corpus.appendingPathComponent("exim-testsuite-0021.log").path
    let reject = Self.corpus.appendingPathComponent("exim-testsuite-0021.rejectlog").path
    for paths in [[main, reject], [reject, main]] {
      let m = runReport(paths)
      #expect(m.summary.rejected == 11)
      #expect(m.summary.delivered == 9)
    }
    #expect(runReport([reject]).summary.rejected == 11)
  }

  /// A reject log of RCPT-time rejects holds no envelope lines (Exim writes them only once it
  /// has read the message): recognised by its name, it still adds none beside the main log.
  @Test func eximRejectLogOfRcptRejectsIsKnownByName() {
    let main = Self.corpus.appendingPathComponent("exim-testsuite-0023.log").path
    let reject = Self.corpus.appendingPathComponent("exim-testsuite-0023.rejectlog").path
    #expect(runReport([main]).summary.rejected == 7)
    for paths in [[main, reject], [reject, main]] {
      let m = runReport(paths)
      #expect(m.summary.rejected == 7)
      #expect(m.summary.delivered == 19)
    }
    #expect(runReport([reject]).summary.rejected == 7)
  }

  /// A main log that happens to be named like a reject log is read as the main log it is.
  @Test func mainLogNamedRejectlogStillCounts() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logstat-rejectlog-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let named = dir.appendingPathComponent("rejectlog")
    try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent("exim-testsuite-0023.log"), to: named)
    let other = Self.corpus.appendingPathComponent("exim-testsuite-0021.log").path
    let m = runReport([other, named.path])
    #expect(m.summary.rejected == 11 + 7)
    #expect(m.summary.delivered == 9 + 19)
  }

  /// The panic log (recognised by content, message IDs and continuation lines included) adds
  /// its stamped lines as `panic` events and nothing else, in either order; the main log has none.
  @Test func eximPanicLogLinesArePanicEvents() {
    let main = Self.corpus.appendingPathComponent("exim-testsuite-0021.log").path
    let panic = Self.corpus.appendingPathComponent("exim-paniclog-mozfr-205.paniclog").path
    let reject = Self.corpus.appendingPathComponent("exim-testsuite-0021.rejectlog").path
    #expect(runReport([main]).health.panics == 0)
    for paths in [[main, panic, reject], [panic, reject, main]] {
      let m = runReport(paths)
      #expect(m.health.panics == 7)
      #expect(m.summary.rejected == 11)
      #expect(m.summary.delivered == 9)
      #expect(m.health.logGroups.map(\.count) == [4, 3])
    }
    let alone = runReport([panic])
    #expect(alone.health.panics == 7)
    #expect(alone.summary.delivered == 0)
    #expect(alone.summary.deferred == 0)
  }

  @Test func eximSpecialRecipientsAreNoDomainAndNoHardBounce() {
    let m = report("exim-special-recipients.log")
    #expect(m.domains.isEmpty)
    #expect(m.summary.delivered == 0)
    #expect(m.health.special == [
      SpecialRow(kind: ":blackhole:", delivered: 2, deferred: 0, failed: 0),
      SpecialRow(kind: "pipe", delivered: 1, deferred: 0, failed: 0),
    ])
    #expect(m.lines.recognised == 4)
  }

  @Test func postfixFatalAndWarningsGrouped() {
    let m = report("postfix-docker-mailserver-3376.log")
    #expect(m.health.fatals == 1)
    #expect(m.health.warnings == 3)
    #expect(m.health.logGroups.map(\.count) == [1, 1, 1, 1])
    #expect(m.health.logGroups.contains {
      $0.group == "warning master: process /usr/lib/postfix/sbin/smtpd pid # exit status #"
        && $0.example == "process /usr/lib/postfix/sbin/smtpd pid 1332 exit status 1"
    })
    #expect(m.health.logGroups.contains { $0.group == "fatal smtpd: no sasl authentication mechanisms" })
    #expect(m.health.connections == 1)
    #expect(m.health.tlsInbound == 1)
    #expect(m.lines.notMail == 2)  // the dovecot lines
  }

  @Test func postfixSASLFailures() {
    let a = report("postfix-docker-mailserver-1345.log")
    #expect(a.health.authFailures == 4)
    #expect(a.health.authByClient == [NamedRow(name: "xxx.xxx.xxx.xxx", count: 4, bytes: 0)])
    #expect(a.health.warnings == 2)
    let b = report("postfix-docker-mailserver-3357.log")
    #expect(b.health.authFailures == 2)
    #expect(b.health.authByClient == [NamedRow(name: "141.98.10.151", count: 2, bytes: 0)])
    #expect(b.health.connections == 1)
    #expect(b.health.tlsInbound == 2)
  }

  @Test func heldOutSASLFailures() {
    let a = report("heldout/postfix-iredmail-dockerized-24.log")
    #expect(a.health.authFailures == 2)
    #expect(a.health.authByClient == [NamedRow(name: "212.70.149.69", count: 2, bytes: 0)])
    #expect(a.health.connections == 2)
    let b = report("heldout/postfix-docker-mailserver-1436.log")
    #expect(b.health.authFailures == 1)
    #expect(b.health.authByClient == [NamedRow(name: "172.1.0.1", count: 1, bytes: 0)])
    #expect(b.health.warnings == 2)
  }

  /// Still unread: a compose prefix around s6-log output that carries no time stamp.
  @Test func stampLessComposeLinesStayNotMail() {
    let m = report("postfix-hardware-mailserver-331.log")
    #expect(m.lines.notMail == 3)
  }
}
