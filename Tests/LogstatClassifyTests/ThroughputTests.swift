import Testing

@testable import LogstatClassify

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Prints classification throughput; no timing assertions (run with `-c release` for real numbers).
@Suite("Throughput (prints only)")
struct ThroughputTests {
  static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  @Test func classificationsPerSecond() throws {
    let corpus = try Corpus.load().map { explain($0.text).replyText }
    var texts = corpus.map { Array($0.utf8) }
    texts.sort { $0.count < $1.count }
    let classifier = ReplyClassifier()
    let relay = Array("mx.example.com[192.0.2.1]:25".utf8)
    let domain = Array("example.com".utf8)
    let rounds = 100
    var bytes = 0
    var checksum = 0
    let start = ThroughputTests.now()
    for _ in 0..<rounds {
      for text in texts {
        text.withUnsafeBytes { t in
          relay.withUnsafeBytes { r in
            domain.withUnsafeBytes { d in
              let verdict = classifier.classify(text: t, dsn: nil, relayHost: r, recipientDomain: d)
              checksum &+= verdict.reason.hashValue & 1
            }
          }
        }
        bytes += text.count
      }
    }
    let seconds = ThroughputTests.now() - start
    let count = rounds * texts.count
    let average = bytes / max(count, 1)
    print(
      "Classifier throughput: \(Int(Double(count) / seconds)) texts/s, \(Int(Double(bytes) / seconds / 1e6)) MB/s, average text \(average) bytes, \(Rules.automaton.stateCount) DFA states x \(Rules.automaton.classCount) classes (checksum \(checksum & 1))"
    )
  }
}
