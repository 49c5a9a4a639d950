// Classifier throughput, release-built by classifier-throughput.sh together with the
// LogstatClassify sources of a revision (so the same harness measures before and after).
// Reads the corpus TSV (label TAB text); classifies what `explain` would classify.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

func now() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

var texts: [[UInt8]] = []
while let line = readLine(strippingNewline: true) {
  if line.isEmpty || line.hasPrefix("#") { continue }
  guard let tab = line.firstIndex(of: "\t") else { continue }
  let text = String(line[line.index(after: tab)...])
  // Bare replies as the scanner hands them over; whole log lines reduced to their reply.
  let reply = text.hasPrefix("20") || text.contains(" postfix/") ? explain(text).replyText : text
  texts.append(Array(reply.utf8))
}
let classifier = ReplyClassifier()
var checksum = 0
var bytes = 0
let seconds = 3.0

// Misses: every text made unique by an 8-letter suffix, so the reply cache never hits.
var count = 0
var start = now()
var serial: UInt64 = 0
var buffer = [UInt8](repeating: 0, count: 4096)
while now() - start < seconds {
  for text in texts {
    let n = min(text.count, 4000)
    for k in 0..<n { buffer[k] = text[k] }
    buffer[n] = 0x20
    var v = serial
    for k in 1...8 {
      buffer[n + k] = 0x61 + UInt8(v % 26)
      v /= 26
    }
    serial &+= 1
    buffer.withUnsafeBytes { b in
      let t = UnsafeRawBufferPointer(rebasing: b[0..<(n + 9)])
      checksum &+= Int(classifier.classify(text: t, dsn: nil, relayHost: nil, recipientDomain: nil).reason.hashValue & 1)
    }
    bytes += n + 9
    count += 1
  }
}
var elapsed = now() - start
print("miss: \(Int(Double(count) / elapsed)) texts/s, \(Int(Double(bytes) / elapsed / 1e6)) MB/s, \(texts.count) texts, average \(bytes / max(count, 1)) bytes")

// Hits: the same texts again and again (the reply cache answers).
count = 0
bytes = 0
start = now()
while now() - start < seconds {
  for text in texts {
    text.withUnsafeBytes { t in
      checksum &+= Int(classifier.classify(text: t, dsn: nil, relayHost: nil, recipientDomain: nil).reason.hashValue & 1)
    }
    bytes += text.count
    count += 1
  }
}
elapsed = now() - start
print("hit:  \(Int(Double(count) / elapsed)) texts/s, \(Int(Double(bytes) / elapsed / 1e6)) MB/s (checksum \(checksum & 1))")
