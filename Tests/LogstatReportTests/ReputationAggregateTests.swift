import Foundation
import LogstatAggregate
import LogstatClassify
import LogstatEngine
import LogstatEvents
import LogstatScan
import LogstatTime
import Testing

@testable import LogstatReport
import LogstatRun

/// Runs the real aggregate over sample lines, so the reputation and hygiene data the report
/// shows is checked end to end, and merges are checked to be associative.
@Suite("Reputation data from logs")
struct ReputationAggregateTests {
  @Test(arguments: [
    ("host mx.b.example[198.51.100.7] refused to talk to me: 554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org", "", "192.0.2.25"),
    ("host gmail-smtp-in.l.google.com[142.250.102.27] said: 550-5.7.1 [192.0.2.25] Our system has detected", "", "192.0.2.25"),
    ("550 5.7.1 Unfortunately, messages from [40.107.1.2] weren't sent. (S3150)", "", "40.107.1.2"),
    ("554 Service unavailable; Client host [2001:db8::25] blocked using zen.spamhaus.org", "", "2001:db8::25"),
    ("553 5.7.1 198.51.100.7 listed at bl.spamcop.net", "198.51.100.7", nil),
    ("554 rejected by Spamhaus, see https://check.spamhaus.org/ (version 4.96.1)", "", nil),
    ("550 blocked 300.1.2.3 and 1.2.3.4.5 but 10.0.0.1.", "", "10.0.0.1"),
  ] as [(String, String, String?)])
  func listedAddress(_ text: String, _ relay: String, _ expected: String?) {
    var text = text
    var relay = relay
    let found = text.withUTF8 { t in
      relay.withUTF8 { r in ListedAddress.find(in: UnsafeRawBufferPointer(t), except: UnsafeRawBufferPointer(r)) }
    }
    #expect(found == expected)
  }

  /// Aggregates `lines` as one worker would.
  func aggregate(_ lines: ArraySlice<String>) -> Aggregate {
    var a = Aggregate()
    var maker = LineEventMaker()
    for var text in lines {
      text.withUTF8 { u in
        let b = UnsafeRawBufferPointer(u)
        LineScanner.scan(b, into: &maker.scanned)
        let epoch: Int64? = maker.scanned.time.isUnset ? nil : 1_795_300_000
        maker.withEvent(b, epoch: epoch) { a.add($0) }
      }
    }
    return a
  }

  /// What the report shows of reputation and hygiene.
  func shown(_ a: Aggregate) -> ReputationSection {
    var a = a
    a.finish()
    let run = RunResult(aggregate: a, files: [], inputErrors: [])
    return ReportModel.build(from: run, now: 0, zone: .utc).reputation
  }

  static let lines: [String] = {
    let root = Paths.samples
    let text = (try? String(contentsOf: root.appendingPathComponent("postfix/mail.log.1"), encoding: .utf8)) ?? ""
    let exim = (try? String(contentsOf: root.appendingPathComponent("exim/mainlog"), encoding: .utf8)) ?? ""
    return (text + exim).split(separator: "\n").map(String.init)
  }()

  @Test func samplesNameOurIPAndHardBounces() {
    let r = shown(aggregate(Self.lines[...]))
    #expect(r.listings.map(\.address) == ["192.0.2.25"])
    #expect(r.listings.first?.blocklist == "spamhaus-zen")
    #expect(r.listings.first?.domains == ["b.example"])
    #expect(r.hygiene.hardBounced > 0)
    #expect(r.hygiene.senders.map(\.hardBounced).reduce(0, +) <= r.hygiene.hardBounced)
  }

  @Test func mergeIsAssociativeAndSplitIndependent() {
    let all = Self.lines
    let whole = shown(aggregate(all[...]))
    let n = all.count
    for i in stride(from: 0, to: n, by: 3) {
      for j in stride(from: i, to: n, by: 5) {
        let (a, b, c) = (aggregate(all[..<i]), aggregate(all[i..<j]), aggregate(all[j...]))
        var left = a
        left.merge(b)
        left.merge(c)
        var bc = b
        bc.merge(c)
        var right = a
        right.merge(bc)
        #expect(shown(left) == whole, "split at \(i), \(j)")
        #expect(shown(right) == whole, "split at \(i), \(j), grouped right")
      }
    }
  }
}
