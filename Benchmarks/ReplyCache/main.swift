// The reply cache on a real-shaped log: the failed-delivery replies of a log, classified as
// one worker classifies them. Built by Benchmarks/reply-cache.sh together with the
// LogstatScan and LogstatClassify sources of a revision (one module, -O).
//
// Reads the log into memory, scans every line (`LineScanner`) and keeps the texts the engine
// classifies (`LineEvent.classify`: deferred, bounced and expired deliveries and inbound
// rejects, the wrapper context when the scanner kept one, the relay host and the dsn). Then:
//   - counts of replies and of distinct raw texts;
//   - ROUNDS rounds, each with a fresh classifier (a cold cache, as a worker starts): the best
//     round's classification time per reply, in this thread's CPU time;
//   - the cache's hits and misses in one round (sources that count them: `-D CACHE_COUNTERS`);
//   - a digest of every verdict, equal before and after a change that keeps the answers;
//   - with VERIFY=1, each cached answer compared with a fresh classifier's (no cache).
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

func cpuNow() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// One reply to classify: spans into the log buffer.
struct Item {
  var text: (Int, Int)
  var relay: (Int, Int)?
  var dsn: UInt32
}

func main() {
  guard CommandLine.arguments.count >= 2 else {
    print("usage: reply-cache LOG [ROUNDS]")
    exit(2)
  }
  let path = CommandLine.arguments[1]
  let rounds = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2])! : 3
  let fd = open(path, O_RDONLY)
  guard fd >= 0 else {
    perror(path)
    exit(2)
  }
  var st = stat()
  fstat(fd, &st)
  let size = Int(st.st_size)
  let buf = UnsafeMutableRawPointer.allocate(byteCount: max(size, 1), alignment: 64)
  var got = 0
  // Safe because every read writes at most size - got bytes at buf + got, inside the allocation.
  while got < size {
    let n = read(fd, buf + got, size - got)
    if n <= 0 { break }
    got += n
  }

  var items: [Item] = []
  var touched: UInt64 = 0
  var line = ScannedLine()
  var start = 0
  var lines = 0
  while start < got {
    let stop: Int
    if let p = memchr(buf + start, 0x0A, got - start) { stop = buf.distance(to: p) } else { stop = got }
    let bytes = UnsafeRawBufferPointer(start: buf + start, count: stop - start)
    LineScanner.scan(bytes, into: &line)
    lines += 1
    var wanted = false
    switch line.kind {
    case .delivery: wanted = line.status == .deferred || line.status == .bounced || line.status == .expired
    case .inboundReject: wanted = true
    default: break
    }
    if wanted {
      let text = line.replyContext.isEmpty ? line.replyText : line.replyContext
      let relay = line.relayHost.isEmpty ? nil : (start + line.relayHost.start, start + line.relayHost.end)
      items.append(Item(text: (start + text.start, start + text.end), relay: relay, dsn: line.fieldDSN))
    }
    start = stop + 1
  }

  @inline(__always)
  func bytes(_ span: (Int, Int)) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: buf + span.0, count: span.1 - span.0)
  }

  /// Reads the text's bytes as the line scanner does before the classifier sees them, so the
  /// text is in the cache (the harness subtracts the time of this alone).
  @inline(never)
  func touch(_ span: (Int, Int)) -> UInt64 {
    var sum: UInt64 = 0
    var k = span.0
    while k < span.1 {
      sum &+= UInt64(buf.load(fromByteOffset: k, as: UInt8.self))
      k &+= 1
    }
    return sum
  }

  func touchAll() -> UInt64 {
    var sum: UInt64 = 0
    for item in items { sum &+= touch(item.text) }
    return sum
  }

  func classifyAll(_ classifier: ReplyClassifier, _ each: (Int, Classification) -> Void) {
    for (index, item) in items.enumerated() {
      touched &+= touch(item.text)
      let verdict = classifier.classify(
        text: bytes(item.text), dsn: EnhancedCode(packed: item.dsn),
        relayHost: item.relay.map(bytes), recipientDomain: nil)
      each(index, verdict)
    }
  }

  // Distinct raw texts (a 64-bit FNV-1a hash each, in a Set).
  var distinct = Set<UInt64>()
  var totalBytes = 0
  for item in items {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes(item.text) { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    distinct.insert(h)
    totalBytes += item.text.1 - item.text.0
  }
  print("\(lines) lines, \(items.count) replies classified (\(totalBytes / max(items.count, 1)) bytes on average), \(distinct.count) distinct texts")

  var bestTouch = Double.infinity
  for _ in 0..<rounds {
    let t0 = cpuNow()
    touched &+= touchAll()
    bestTouch = min(bestTouch, cpuNow() - t0)
  }
  var best = Double.infinity
  var digest: UInt64 = 0
  for round in 0..<rounds {
    let classifier = ReplyClassifier()
    var sum: UInt64 = 0
    let t0 = cpuNow()
    classifyAll(classifier) { index, verdict in
      // Keeps the verdicts alive for the optimiser.
      sum &+= UInt64(verdict.basicCode ?? 0)
      _ = index
    }
    let elapsed = cpuNow() - t0
    best = min(best, elapsed)
    if round == 0 {
      // An order-dependent digest of every field of every verdict.
      var d: UInt64 = 0xcbf2_9ce4_8422_2325
      classifyAll(ReplyClassifier()) { _, v in
        let fields: [UInt64] = [
          UInt64(Reason.allCases.firstIndex(of: v.reason)!), UInt64(Provider.allCases.firstIndex(of: v.provider)!),
          UInt64(v.blocklist.map { Blocklist.allCases.firstIndex(of: $0)! + 1 } ?? 0),
          UInt64(v.basicCode ?? 0), UInt64(v.enhancedCode?.packed ?? 0), UInt64(v.dsn?.packed ?? 0),
          UInt64(v.step.rawValue),
        ]
        for f in fields { d = (d ^ f) &* 0x100_0000_01b3 }
      }
      digest = d
#if CACHE_COUNTERS
      print("cache: \(classifier.cacheMisses) misses of \(items.count) (hit rate \(100 * (items.count - classifier.cacheMisses) / max(items.count, 1))%)")
#endif
    }
    if sum == 1 { print("") }
  }
  let nanos = Int((best - bestTouch) * 1e9) / max(items.count, 1)
  print("best of \(rounds) rounds: \(Int(best * 1e3)) ms CPU (reading the texts alone \(Int(bestTouch * 1e3)) ms), classification \(nanos) ns a reply")
  if touched == 1 { print("") }
#if CACHE_COUNTERS
  let a = Rules.automaton
  let t = Rules.tokenAutomaton
  print("phrase DFA \(a.stateCount) states x \(a.classCount) classes, \(a.tableBytes) bytes; token DFA \(t.stateCount) x \(t.classCount), \(t.tableBytes) bytes, \(t.denseStates) dense")
#endif
  print("verdict digest \(String(digest, radix: 16))")

#if CACHE_COUNTERS
    if getenv("VERIFY") != nil {
    let cached = ReplyClassifier()
    let fresh = ReplyClassifier()
    fresh.usesCache = false
    var differ = 0
    classifyAll(cached) { index, verdict in
      let item = items[index]
      let again = fresh.classify(
        text: bytes(item.text), dsn: EnhancedCode(packed: item.dsn),
        relayHost: item.relay.map(bytes), recipientDomain: nil)
      if again != verdict {
        differ += 1
        if differ <= 5 { print("differs: \(String(decoding: bytes(item.text), as: UTF8.self))") }
      }
    }
    print("verify: \(differ) of \(items.count) cached answers differ from a fresh classification")
  }
#endif

}

main()
