// Classifier throughput, release-built by classifier-throughput.sh together with the
// LogstatClassify sources of a revision (so the same harness measures before and after).
// Reads the corpus TSV (label TAB text); classifies what `explain` would classify.
//
// Three measurements, each the best of several rounds of one second of this thread's CPU
// time (the machine is shared: CPU time leaves out the time other processes hold the core,
// and the best round is the one least disturbed by them):
//   miss    every text made unique, so the reply cache never answers: the phrase pass itself;
//   hit     the corpus again and again: the reply cache answers, then the rules weigh;
//   steady  as `hit`, with a relay host and a recipient domain (provider detection runs too).
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// This thread's CPU time in seconds.
func now() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func loadTexts() -> [[UInt8]] {
  var texts: [[UInt8]] = []
  while let line = readLine(strippingNewline: true) {
    if line.isEmpty || line.hasPrefix("#") { continue }
    guard let tab = line.firstIndex(of: "\t") else { continue }
    let text = String(line[line.index(after: tab)...])
    // Bare replies as the scanner hands them over; whole log lines reduced to their reply.
    let reply = text.hasPrefix("20") || text.contains(" postfix/") ? explain(text).replyText : text
    texts.append(Array(reply.utf8))
  }
  return texts
}

/// Texts per second and MB per second of the best round; `round` classifies once and
/// returns (texts, bytes).
func best(rounds: Int, _ round: () -> (Int, Int)) -> (texts: Int, megabytes: Int) {
  var result = (texts: 0, megabytes: 0)
  for _ in 0..<rounds {
    var count = 0
    var bytes = 0
    let start = now()
    var elapsed = 0.0
    while elapsed < 1.0 {
      let (n, b) = round()
      count += n
      bytes += b
      elapsed = now() - start
    }
    let rate = Int(Double(count) / elapsed)
    if rate > result.texts { result = (rate, Int(Double(bytes) / elapsed / 1e6)) }
  }
  return result
}

func measure() {
  let texts = loadTexts()
  let rounds = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 5
  let classifier = ReplyClassifier()
  var others = 0
  var serial: UInt64 = 0
  var buffer = [UInt8](repeating: 0, count: 4096)
  let miss = best(rounds: rounds) {
    var bytes = 0
    for text in texts {
      // A unique 8-letter suffix per text, so the reply cache never hits.
      let n = min(text.count, 4000)
      buffer.withUnsafeMutableBytes { b in
        b.baseAddress!.copyMemory(from: text, byteCount: n)
        b[n] = 0x20
        var v = serial
        for k in 1...8 {
          b[n + k] = 0x61 + UInt8(v % 26)
          v /= 26
        }
        let t = UnsafeRawBufferPointer(rebasing: b[0..<(n + 9)])
        let verdict = classifier.classify(text: t, dsn: nil, relayHost: nil, recipientDomain: nil)
        if verdict.reason == .other { others &+= 1 }
      }
      serial &+= 1
      bytes += n + 9
    }
    return (texts.count, bytes)
  }
  let hit = best(rounds: rounds) {
    var bytes = 0
    for text in texts {
      text.withUnsafeBytes { t in
        let verdict = classifier.classify(text: t, dsn: nil, relayHost: nil, recipientDomain: nil)
        if verdict.reason == .other { others &+= 1 }
      }
      bytes += text.count
    }
    return (texts.count, bytes)
  }
  let relay = Array("mx.example.com[192.0.2.1]:25".utf8)
  let domain = Array("example.com".utf8)
  let steady = best(rounds: rounds) {
    var bytes = 0
    for text in texts {
      text.withUnsafeBytes { t in
        relay.withUnsafeBytes { r in
          domain.withUnsafeBytes { d in
            let verdict = classifier.classify(text: t, dsn: nil, relayHost: r, recipientDomain: d)
            if verdict.reason == .other { others &+= 1 }
          }
        }
      }
      bytes += text.count
    }
    return (texts.count, bytes)
  }
  let average = texts.reduce(0) { $0 + $1.count } / max(texts.count, 1)
  print("\(texts.count) texts, average \(average) bytes; best of \(rounds) rounds of 1 s CPU time")
  print("miss:   \(miss.texts) texts/s, \(miss.megabytes) MB/s")
  print("hit:    \(hit.texts) texts/s, \(hit.megabytes) MB/s")
  print("steady: \(steady.texts) texts/s, \(steady.megabytes) MB/s (relay host and domain given)")
  let automaton = Rules.automaton
  #if TABLE_BYTES
    let bytes = automaton.tableBytes
  #else
    let bytes = 256 + automaton.stateCount * (automaton.classCount * 4 + 8)
  #endif
  print("DFA:    \(automaton.stateCount) states x \(automaton.classCount) classes, \(bytes) bytes (\(others & 1))")
}

measure()
