import Benchmark
import LogstatClassify

/// Reply texts as real servers write them.
let replies = [
  "host gmail-smtp-in.l.google.com[142.250.27.26] said: 550-5.1.1 The email account that you tried to reach does not exist. (in reply to RCPT TO command)",
  "host mx.example.com[198.51.100.7] said: 421 4.7.0 Try again later, closing connection. (in reply to MAIL FROM command)",
  "host mta7.am0.yahoodns.net[67.195.204.72] said: 421 4.7.0 [TSS04] Messages from 203.0.113.25 temporarily deferred due to unexpected volume or user complaints",
  "host mx.example.net[192.0.2.1] said: 554 5.7.1 Service unavailable; Client host [203.0.113.25] blocked using zen.spamhaus.org",
  "host outlook-com.olc.protection.outlook.com[52.101.1.1] said: 550 5.7.1 Unfortunately, messages from [203.0.113.25] weren't sent. (S3140)",
  "250 2.0.0 OK 1732060800 d2e1a72fcca58-1234567",
  "connect to mx.example.org[192.0.2.9]:25: Connection timed out",
  "host mx.example.de[192.0.2.3] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command)",
]

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal],
    scalingFactor: .kilo, maxDuration: .seconds(3))

  Benchmark("Classify reply texts (8 per iteration)") { benchmark in
    let classifier = ReplyClassifier()
    var texts = replies.map { Array($0.utf8) }
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      for k in texts.indices {
        texts[k].withUnsafeBytes { t in
          blackHole(classifier.classify(text: t, dsn: nil, relayHost: nil, recipientDomain: nil))
        }
      }
    }
  }
}
