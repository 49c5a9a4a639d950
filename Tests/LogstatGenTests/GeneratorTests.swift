import Foundation
import Testing

@testable import logstat_gen

/// Generates a log in memory and returns its bytes and the generator (for its truth).
private func generate(_ tweak: (inout GeneratorConfig) -> Void = { _ in }) throws
  -> ([UInt8], LogGenerator)
{
  var config = GeneratorConfig()
  config.targetBytes = 1_500_000
  tweak(&config)
  let sink = OutputSink.inMemory()
  let generator = LogGenerator(config: config, sink: sink)
  try generator.run()
  return (sink.memory, generator)
}

/// The log's lines as strings (tests only).
private func lines(_ bytes: [UInt8]) -> [Substring] {
  String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
}

@Suite struct DeterminismTests {
  @Test(arguments: [LogFormat.postfix, .exim])
  func sameSeedGivesSameBytesAndTruth(format: LogFormat) throws {
    let (a, ga) = try generate { $0.format = format; $0.seed = 42 }
    let (b, gb) = try generate { $0.format = format; $0.seed = 42 }
    #expect(a == b)
    #expect(ga.truth == gb.truth)
    let (c, _) = try generate { $0.format = format; $0.seed = 43 }
    #expect(a != c)
  }

  @Test func logEndsShortlyAfterTheTargetWithWholeLines() throws {
    let (bytes, _) = try generate { $0.targetBytes = 800_000 }
    #expect(bytes.count >= 800_000)
    #expect(bytes.count < 900_000)
    #expect(bytes.last == 10)
  }
}

@Suite struct TruthTests {
  @Test(arguments: [LogFormat.postfix, .exim])
  func everyRecipientEndsInExactlyOneOutcome(format: LogFormat) throws {
    let (_, g) = try generate { $0.format = format; $0.queueLifetime = 900; $0.rate = 2 }
    for t in g.truth {
      #expect(t.recipients == t.delivered + t.bounced + t.expired + t.stillDeferred)
      #expect(t.deferredThenSent <= t.delivered)
    }
    let total = TruthTable.total(g.truth)
    #expect(total.expired > 0)
    #expect(total.deferredThenSent > 0)
    #expect(total.rejected > 0)
    #expect(total.dsnNotifications > 0)
    let senders = g.truth[0..<g.domains.senderCount].reduce(0) { $0 + $1.dsnNotifications }
    #expect(senders == total.dsnNotifications)
  }

  @Test func postfixLineCountsMatchTruth() throws {
    let (bytes, g) = try generate { $0.queueLifetime = 1800 }
    let total = TruthTable.total(g.truth)
    var sent = 0, deferred = 0, bounced = 0, rejected = 0, notifications = 0
    for line in lines(bytes) {
      if line.contains("status=sent") { sent += 1 }
      if line.contains("status=deferred") { deferred += 1 }
      if line.contains("status=bounced") { bounced += 1 }
      if (line.contains("NOQUEUE: reject:") || line.contains("milter-reject:")) && line.contains(" to=<") {
        rejected += 1
      }
      if line.contains("sender non-delivery notification") { notifications += 1 }
    }
    #expect(sent == total.delivered)
    #expect(deferred == total.deferralLines)
    #expect(bounced == total.bounced)
    #expect(rejected == total.rejected)
    #expect(notifications >= total.dsnNotifications)
  }

  @Test func eximLineCountsMatchTruth() throws {
    let (bytes, g) = try generate { $0.format = .exim; $0.queueLifetime = 1800 }
    let total = TruthTable.total(g.truth)
    var sent = 0, deferred = 0, failed = 0, timedOut = 0, rejected = 0
    for line in lines(bytes) {
      if line.contains(" => ") || line.contains(" -> ") { sent += 1 }
      if line.contains(" == ") { deferred += 1 }
      if line.contains(" ** ") {
        if line.hasSuffix(": retry timeout exceeded") { timedOut += 1 } else { failed += 1 }
      }
      if line.contains(" rejected RCPT <") { rejected += 1 }
    }
    #expect(sent == total.delivered)
    #expect(deferred == total.deferralLines)
    #expect(failed == total.bounced)
    #expect(timedOut == total.expired)
    #expect(rejected == total.rejected)
  }

  @Test func tsvHasTheSampleColumnsAndATotalRow() throws {
    let (_, g) = try generate()
    let text = TruthTable.tsv(g.truth, domains: g.domains)
    let rows = text.split(separator: "\n")
    #expect(
      rows[0]
        == "domain\trecipients\tdelivered\tdeferred_then_sent\tbounced\texpired\tdeferral_lines_in_log\trejected\tdsn_notifications\tstill_deferred"
    )
    #expect(rows.last?.hasPrefix("TOTAL\t") == true)
    #expect(rows.contains { $0.hasPrefix("gmail.com\t") })
    #expect(!rows.contains { $0 != rows[0] && $0.contains(where: \.isUppercase) && !$0.hasPrefix("TOTAL") })
  }
}

@Suite struct LineShapeTests {
  @Test func classicPostfixLinesHaveSyslogHeaders() throws {
    let (bytes, _) = try generate { $0.targetBytes = 200_000 }
    for line in lines(bytes).dropLast() {
      #expect(line.hasPrefix("Nov 20 "))
      #expect(line.dropFirst(15).hasPrefix(" mx1 postfix/"))
    }
  }

  @Test func rfc3339StampsCarryMicrosecondsAndOffset() throws {
    let (bytes, _) = try generate { $0.targetBytes = 100_000; $0.stamps = .rfc3339 }
    let first = lines(bytes)[0]
    #expect(first.hasPrefix("2026-11-20T00:00:00."))
    #expect(first.dropFirst(26).hasPrefix("+00:00 mx1 postfix/"))
  }

  @Test func stampsShowLocalTimeWithItsOffset() throws {
    let (postfix, _) = try generate { $0.targetBytes = 50_000; $0.stamps = .rfc3339; $0.utcOffset = 3600 }
    #expect(lines(postfix)[0].hasPrefix("2026-11-20T01:00:00.000000+01:00 mx1 postfix/"))
    let (exim, _) = try generate {
      $0.targetBytes = 50_000; $0.stamps = .rfc3339; $0.format = .exim; $0.utcOffset = -5 * 3600
    }
    #expect(lines(exim)[0].hasPrefix("2026-11-19 19:00:00.000 -0500 "))
  }

  @Test(arguments: [("+01:00", 3600), ("-0500", -18_000), ("Z", 0), ("+05:30", 19_800)])
  func offsetsParse(text: String, seconds: Int) {
    #expect(StampWriter.parseOffset(text) == seconds)
  }

  @Test func submissionSessionsUseTheServiceNameInTheTag() throws {
    let (bytes, _) = try generate { $0.targetBytes = 100_000 }
    let all = lines(bytes)
    #expect(all.contains { $0.contains(" postfix/submission/smtpd[") && $0.contains("sasl_method=PLAIN") })
    #expect(all.contains { $0.contains(" postfix/smtpd[") && $0.contains(": client=app") })
  }

  @Test func eximLinesStartWithDateAndTime() throws {
    let (bytes, _) = try generate { $0.targetBytes = 100_000; $0.format = .exim }
    for line in lines(bytes).dropLast() {
      #expect(line.hasPrefix("2026-11-20 "))
    }
  }

  @Test func longQueueIDsUseThePostfixAlphabet() throws {
    let (bytes, _) = try generate { $0.targetBytes = 50_000; $0.longQueueIDs = true }
    let line = lines(bytes).first { $0.contains("postfix/qmgr") && $0.contains("(queue active)") }!
    let id = line.split(separator: " ")[5].dropLast()
    #expect(id.count == 15)
    #expect(id.dropFirst(10).first == "z")
    #expect(id.allSatisfy { $0.isNumber || ($0.isLetter && !"aeiouAEIOU".contains($0)) })
  }

  @Test func startTimeParsesToTheEpochSecond() {
    #expect(StampWriter.parseStart("2026-11-20T00:00:00") == 1_795_132_800)
    #expect(StampWriter.parseStart("1970-01-01 00:01:00") == 60)
    #expect(StampWriter.parseStart("yesterday") == nil)
  }
}

@Suite struct CommandLineTests {
  @Test(arguments: [("1G", Int64(1) << 30), ("200M", 200 << 20), ("64k", 64 << 10), ("1234", 1234), ("2GB", 2 << 30)])
  func sizes(text: String, bytes: Int64) {
    #expect(GenCommand.parseSize(text) == bytes)
  }

  @Test func badSizeIsRejected() {
    #expect(GenCommand.parseSize("lots") == nil)
  }

  @Test(arguments: [("5d", Int64(432_000)), ("12h", 43_200), ("90m", 5400), ("600s", 600), ("600", 600)])
  func durations(text: String, seconds: Int64) {
    #expect(GenCommand.parseDuration(text) == seconds)
  }
}

/// The host name goes into every Postfix line, written without bounds checks into a buffer
/// that keeps 64 KiB of headroom per event: an unbounded `--hostname` could overrun it, so
/// the command takes 1 to 255 bytes (a DNS name is at most 253) without spaces.
@Suite struct HostNameTests {
  static let longest = String(repeating: "mx1.relay.", count: 25) + "abcde"

  @Test(arguments: [String(repeating: "a", count: 256), String(repeating: "a", count: 4_096), "mx 1", "mx1\n", ""])
  func unusableHostNameIsRefused(name: String) {
    #expect(throws: (any Error).self) { try GenCommand.parse(["--hostname", name]) }
  }

  @Test func longestHostNameIsWrittenWhole() throws {
    #expect(Self.longest.utf8.count == GeneratorConfig.maxHostnameLength)
    let command = try GenCommand.parse(["--hostname", Self.longest])
    #expect(command.hostname == Self.longest)
    let (bytes, _) = try generate { $0.targetBytes = 300_000; $0.hostname = Self.longest }
    let all = lines(bytes).dropLast()
    #expect(all.count > 500)
    #expect(all.allSatisfy { $0.contains(" \(Self.longest) postfix/") })
  }
}
