import Foundation
import LogstatReport
import Testing

/// Real MTA test-suite logs (`RealCorpus/`, sources in its README) counted end to end, as
/// `logstat --suppression-list FILE --format json` does: outcomes, reasons, inbound rejects,
/// blocklists, reputation and the suppression list, with exact numbers.
@Suite struct RealLogCountTests {
  static func paths(_ names: [String]) -> [String] {
    names.map { RealCorpusTests.corpus.appendingPathComponent($0).path }
  }

  static func reasons(_ m: ReportModel) -> [String: [Int]] {
    Dictionary(uniqueKeysWithValues: m.reasons.map { ($0.reason, [$0.failed, $0.deferred, $0.rejected]) })
  }

  /// Exim test logs 0106, 0128, 0160, 0218, 0522, 0612: pipe and transport-filter timeouts,
  /// a reply transport's DBM file, a router's :fail:, SMTP timeouts, -44 remote defers, a
  /// MAIL FROM refusal, retry timeout exceeded, :blackhole: and the server side's RCPT rejects.
  @Test func eximTestSuiteLogsCountedEndToEnd() throws {
    let names = ["0106", "0128", "0160", "0218", "0522", "0612"].map { "exim-testsuite-\($0).log" }
    let (m, listed) = RealLogLineTests.suppression(Self.paths(names))
    #expect(m.summary.delivered == 8)
    #expect(m.summary.deferred == 13)
    #expect(m.summary.bounced == 9)
    #expect(m.summary.expired == 1)
    #expect(m.summary.rejected == 4)
    // failed, deferred, rejected per reason.
    #expect(
      Self.reasons(m) == [
        "policy": [3, 0, 0],  // 550 Administrative prohibition (2), a fake-reject after the data
        "local-error": [2, 3, 0],  // the pipe process and the transport filter timing out, the DBM file
        "user-unknown": [1, 0, 0],  // "550 Unknown" after RCPT TO
        "domain-not-found": [1, 0, 0],  // "Unrouteable address" (Exim's router found no route)
        "server-error": [1, 4, 0],  // 451 Temporary local problem, 452 Temporary error
        "other": [1, 0, 4],  // a router's :fail:, RCPT rejects without text
        "sender-rejected": [1, 0, 0],  // 550 after pipelined MAIL FROM
        "connection-failed": [0, 6, 0],
      ])
    #expect(m.inbound.byReason.map { "\($0.name)=\($0.count)" } == ["other=4"])
    #expect(m.health.special == [SpecialRow(kind: ":blackhole:", delivered: 3, deferred: 0, failed: 0)])
    // No listing and nothing for the reputation section: nobody refused our IP.
    #expect(m.blocklists.isEmpty)
    #expect(m.reputation.listings.isEmpty)
    #expect(m.reputation.issues.allSatisfy { $0.failed + $0.deferred == 0 })
    // Only the two remote recipients whose address was refused; never the pipe, the filter,
    // the fake-reject or the MAIL FROM refusal.
    #expect(listed == ["b@test.ex", "caller@myhost.test.ex"])
  }

  /// Exim test logs 0048, 0051 and 0137 as one log: pipe aliases whose output failed the
  /// delivery (`** |command <alias>`), addresses and domains nobody routes, and a local delivery
  /// that cannot lock the mailbox. The suppression list holds the four unroutable remote
  /// recipients and nothing else: no pipe, no alias of a pipe, nothing our own machine failed.
  @Test func eximPipeAndLocalFaultsStayOffTheSuppressionList() throws {
    let names = ["0048", "0051", "0137"].map { "exim-testsuite-\($0).log" }
    let (m, listed) = RealLogLineTests.suppression(Self.paths(names))
    #expect(m.summary.delivered == 17)
    #expect(m.summary.deferred == 3)
    #expect(m.summary.bounced == 4)
    #expect(m.summary.expired == 0)
    #expect(m.summary.rejected == 0)
    #expect(
      Self.reasons(m) == [
        "domain-not-found": [4, 0, 0],  // a router's :fail: "unrouteable mail domain" (2), "Unrouteable address" (2)
        "local-error": [0, 3, 0],  // "failed to lock mailbox" (lock file, fcntl/flock)
      ])
    // The pipes failed as special deliveries, not as bounces of a person.
    #expect(m.health.special == [SpecialRow(kind: "pipe", delivered: 0, deferred: 0, failed: 5)])
    #expect(m.blocklists.isEmpty)
    #expect(listed == ["userx@bad.ex", "userx@badbad.ex", "userx@domain2.ex", "userx@domain4.ex"])
    #expect(listed.allSatisfy { !$0.hasPrefix("|") && !$0.hasPrefix("/") && !$0.contains("pipe") })
  }

  /// fail2ban's Postfix filter test lines: smtpd NOQUEUE rejects of every restriction class and
  /// postscreen's DNSBL reject. All are refusals by our own server: they count as inbound
  /// rejects by reason, never as a listing of our IP, and list nobody for suppression.
  @Test func postfixRejectsCountedEndToEnd() throws {
    let (m, listed) = RealLogLineTests.suppression(Self.paths(["postfix-fail2ban-filter-tests.log"]))
    #expect(m.summary.rejected == 14)
    #expect(m.summary.bounced == 0)
    #expect(m.summary.deferred == 0)
    #expect(m.inbound.rejected == 14)
    #expect(
      Dictionary(uniqueKeysWithValues: m.inbound.byReason.map { ($0.name, $0.count) }) == [
        "blocklisted": 4, "protocol-error": 2, "relay-denied": 2, "sender-rejected": 2,
        "user-unknown": 2, "policy": 1, "reverse-dns": 1,
      ])
    #expect(m.blocklists.isEmpty)
    #expect(m.reputation.listings.isEmpty)
    #expect(listed.isEmpty)
  }

  /// Exim test log 5820 (DANE): TLSA lookups that defer or fail, lookups not DNSSEC-signed and
  /// certificates that fail DANE verification. Every failure is tls-failure, none is hard, and
  /// the bounced recipients stay off the suppression list.
  @Test func eximDaneLogCountedEndToEnd() throws {
    let (m, listed) = RealLogLineTests.suppression(Self.paths(["exim-testsuite-5820.log"]))
    #expect(m.summary.delivered == 10)
    #expect(m.summary.deferred == 4)
    #expect(m.summary.bounced == 4)
    #expect(m.summary.expired == 0)
    #expect(Self.reasons(m) == ["tls-failure": [4, 4, 0]])
    #expect(m.reasons.allSatisfy { !$0.hard })
    #expect(m.blocklists.isEmpty)
    #expect(m.reputation.listings.isEmpty)
    #expect(listed.isEmpty, "listed: \(listed)")
  }
}
