import LogstatAggregate
import LogstatClassify
import LogstatEvents
import LogstatScan

/// Scans every line of `data` (split at newlines), each once as it is and once behind
/// `prefix`, feeding an aggregate; traps when a span leaves its line or counts disagree.
public func scanLines(_ data: UnsafeRawBufferPointer, prefix: [UInt8]) {
  var aggregate = Aggregate()
  var line = ScannedLine()
  let classifier = ReplyClassifier()
  var joined: [UInt8] = []
  var start = 0
  var lines = 0
  while start <= data.count {
    var stop = start
    while stop < data.count, data[stop] != 0x0A { stop += 1 }
    let bytes = UnsafeRawBufferPointer(rebasing: data[start..<stop])
    scanOne(bytes, &line, &aggregate, classifier, lines)
    joined.removeAll(keepingCapacity: true)
    joined += prefix
    joined += bytes
    joined.withUnsafeBytes { scanOne($0, &line, &aggregate, classifier, lines + 1) }
    lines += 2
    start = stop + 1
  }
  aggregate.finish()
  precondition(aggregate.lines.total == lines, "line count")
  precondition(aggregate.lines.byKind.reduce(0, +) == lines, "per-kind counts")
  precondition(aggregate.openMessages == 0, "open messages after finish")
}

func scanOne(
  _ b: UnsafeRawBufferPointer, _ line: inout ScannedLine, _ aggregate: inout Aggregate,
  _ classifier: ReplyClassifier, _ k: Int
) {
  let kind = LineScanner.scan(b, into: &line)
  precondition(kind == line.kind, "returned kind")
  for s in [
    line.host, line.daemon, line.queueID, line.recipient, line.originalRecipient, line.sender,
    line.relayHost, line.relayIP, line.dsn, line.replyText, line.textDSN, line.clientHost,
    line.clientIP, line.relatedQueueID,
  ] where s != .none {
    precondition(s.start >= 0 && s.start <= s.end && s.end <= b.count, "span out of line")
  }
  let verdict = LineEvent.classify(line, b, with: classifier)
  aggregate.add(LineEvent(line, bytes: b, epoch: 1_795_300_000 + Int64(k), verdict: verdict))
}
