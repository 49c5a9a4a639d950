import LogstatAggregate
import LogstatClassify
import LogstatEvents
import LogstatScan
import PropertyBased
import Testing

/// The scanner takes any bytes: it never crashes, its spans stay inside the line, and
/// every line is counted under exactly one kind.
@Suite struct ScannerPropertyTests {
  /// Scans and aggregates `bytes` split at newlines; checks spans and the per-kind sums.
  static func check(_ bytes: [UInt8]) {
    var a = Aggregate()
    var scanned = ScannedLine()
    let classifier = ReplyClassifier()
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    for (k, line) in lines.enumerated() {
      Array(line).withUnsafeBytes { b in
        let kind = LineScanner.scan(b, into: &scanned)
        #expect(kind == scanned.kind)
        let spans = [
          scanned.host, scanned.daemon, scanned.queueID, scanned.recipient, scanned.originalRecipient,
          scanned.sender, scanned.relayHost, scanned.relayIP, scanned.dsn, scanned.replyText,
          scanned.textDSN, scanned.clientHost, scanned.clientIP, scanned.relatedQueueID,
          scanned.user, scanned.detail,
        ]
        for s in spans where !(s == .none) {
          #expect(s.start >= 0 && s.start <= s.end && s.end <= b.count, "span \(s) in a line of \(b.count) bytes")
        }
        let verdict = LineEvent.classify(scanned, b, with: classifier)
        a.add(LineEvent(scanned, bytes: b, epoch: AggregateDump.epoch(k), verdict: verdict))
      }
    }
    a.finish()
    #expect(a.lines.total == lines.count)
    #expect(a.lines.byKind.reduce(0, +) == a.lines.total)
    #expect(a.lines.recognised + a.lines.notMail + a.lines.skipped == a.lines.total)
    #expect(a.openMessages == 0)
  }

  @Test func arbitraryBytes() async {
    await propertyCheck(count: 500, input: Gen.uint8(in: 0...255).array(of: 0...400)) { bytes in
      Self.check(bytes)
    }
  }

  /// Real line shapes with a few bytes overwritten, inserted or cut: the near misses a
  /// byte scanner is most likely to trip on.
  @Test func mutatedRealLines() async {
    await propertyCheck(
      count: 1000, input: Gen.uint64(in: 0...UInt64.max).array(of: 1...6),
      Gen.uint64(in: 0...UInt64.max).array(of: 1...8)
    ) { events, edits in
      var bytes = Array(LogScript.lines(events).joined(separator: "\n").utf8)
      for e in edits where !bytes.isEmpty {
        let at = Int(e % UInt64(bytes.count))
        let value = UInt8(truncatingIfNeeded: e >> 8)
        switch e >> 16 % 4 {
        case 0: bytes[at] = value
        case 1: bytes.insert(value, at: at)
        case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int(e >> 24 % 16)))
        default: bytes = Array(bytes[..<at])
        }
      }
      Self.check(bytes)
    }
  }
}
