import Foundation
import LogstatReport
import Testing

/// Per-domain counts must equal what real Postfix 3.7 and Exim 4.96 servers did
/// (`../shared/realmta-sample`, read in place; skipped when absent).
@Suite(.enabled(if: Paths.hasRealMTA, "needs ../shared/realmta-sample beside the checkout"))
struct RealMTATests {
  static let cases: [(String, String)] = [
    ("postfix.log", "summary-by-domain-postfix.tsv"),
    ("exim-mainlog", "summary-by-domain-exim.tsv"),
    ("rotated/postfix", "summary-by-domain-postfix.tsv"),
    ("rotated/exim", "summary-by-domain-exim.tsv"),
  ]

  @Test(arguments: cases)
  func perDomainOutcomesMatchWhatHappened(input: String, truth: String) throws {
    let m = runReport([Paths.realMTA.appendingPathComponent(input).path])
    let rows = try String(contentsOf: Paths.realMTA.appendingPathComponent(truth), encoding: .utf8)
      .split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    let header = rows[0]
    func col(_ row: [String], _ name: String) -> Int { Int(row[header.firstIndex(of: name)!])! }
    var checked = 0
    for row in rows.dropFirst() where row[0] != "TOTAL" {
      let d = m.domains.first { $0.domain == row[0] }
      #expect((d?.recipients ?? 0) == col(row, "recipients"), "\(row[0]) recipients")
      #expect((d?.delivered ?? 0) == col(row, "delivered"), "\(row[0]) delivered")
      #expect((d?.deferredThenDelivered ?? 0) == col(row, "deferred_then_sent"), "\(row[0]) deferred_then_sent")
      #expect((d?.bounced ?? 0) == col(row, "bounced"), "\(row[0]) bounced")
      #expect((d?.expired ?? 0) == col(row, "expired"), "\(row[0]) expired")
      #expect((d?.deferred ?? 0) == col(row, "deferral_lines_in_log"), "\(row[0]) deferrals")
      #expect((d?.notifications ?? 0) == col(row, "dsn_notifications"), "\(row[0]) notifications")
      checked += 1
    }
    #expect(checked >= 25)
    let total = rows.first { $0[0] == "TOTAL" }!
    #expect(m.summary.delivered == col(total, "delivered"))
    #expect(m.summary.bounced == col(total, "bounced"))
    #expect(m.summary.expired == col(total, "expired"))
    #expect(m.summary.deferred == col(total, "deferral_lines_in_log"))
    // Inbound rejects: the total is exact; some rejects (MAIL FROM, EHLO, after DATA) name no
    // recipient in the log, so they cannot be put under a domain.
    #expect(m.summary.rejected == col(total, "rejected"))
  }
}
