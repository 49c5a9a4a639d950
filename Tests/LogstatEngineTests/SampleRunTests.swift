import Foundation
import LogstatEngine
import LogstatReport
import LogstatSource
import LogstatTime
import Testing

/// Runs the engine on inputs with a fixed clock and zone, like the CLI does.
func runReport(_ paths: [String], chunkSize: Int = 4 << 20) -> ReportModel {
  let (inputs, errors) = InputDiscovery.expand(paths)
  let plan = RunPlan(
    inputs: inputs, jobs: 1, chunkSize: chunkSize, zone: .utc, yearOverride: 2026,
    now: 1_795_392_000)
  let result = Engine.run(plan, inputErrors: errors)
  return ReportModel.build(from: result, now: 1_795_392_000, zone: .utc)
}

@Suite struct SampleRunTests {
  let postfix = Paths.samples.appendingPathComponent("postfix").path
  let exim = Paths.samples.appendingPathComponent("exim").path

  @Test func postfixSampleExactCounts() {
    let m = runReport([postfix])
    #expect(m.files.map(\.path).map { URL(fileURLWithPath: $0).lastPathComponent } == ["mail.log.2.gz", "mail.log.1", "mail.log"])
    #expect(m.files[0].gzip)
    #expect(m.lines.total == 67)
    #expect(m.lines.notMail == 2)
    let s = m.summary
    // Four pickup uid= lines and one submission/smtpd client=; the 3 notifications apart.
    #expect(s.messagesReceived == 5)
    #expect(s.notificationsSent == 3)
    // The five received messages' sizes (pflogsumm's 46,943 on the files read in order),
    // not the 13,920 bytes of the three notifications Postfix made itself.
    #expect(s.bytesReceived == 2210 + 900 + 18233 + 5120 + 20480)
    #expect(s.recipients == 17)
    #expect(s.attempts == 20)
    #expect(s.delivered == 9)
    #expect(s.bounced == 5)
    #expect(s.expired == 1)
    #expect(s.stillDeferred == 2)
    #expect(s.deferred == 6)
    #expect(s.deferredRecipients == 4)
    #expect(s.deferredThenDelivered == 1)
    #expect(s.rejected == 6)
    let slow = m.domains.first { $0.domain == "slow.example" }
    #expect(slow?.expired == 1)
    #expect(slow?.deferred == 2)
    let yahoo = m.domains.first { $0.domain == "yahoo.com" }
    #expect(yahoo?.deferredThenDelivered == 1)
    #expect(yahoo?.delivered == 1)
    let net = m.domains.first { $0.domain == "example.net" }
    #expect(net?.notifications == 2)
    #expect(net?.rejected == 5)
    let shop = m.senders.first { $0.domain == "shop.example.org" }
    #expect(shop?.messages == 1)
    #expect(shop?.expired == 1)
    #expect(shop?.delivered == 1)
    // Bounce notifications are not a sender domain of their own.
    #expect(m.senders.map(\.domain).sorted() == ["example.net", "shop.example.org"])
  }

  @Test func eximSampleExactCounts() {
    let m = runReport([exim])
    let s = m.summary
    #expect(m.lines.total == 36)
    // Seven `<=` lines, three of them bounces Exim made (`<= <> R=`).
    #expect(s.messagesReceived == 4)
    #expect(s.notificationsSent == 3)
    // The four `<=` from outside (S=18233, 5120, 2210, 9000), not Exim's own bounces.
    #expect(s.bytesReceived == 18233 + 5120 + 2210 + 9000)
    #expect(s.recipients == 13)
    #expect(s.attempts == 17)
    #expect(s.delivered == 7)
    #expect(s.bounced == 4)
    #expect(s.expired == 1)
    #expect(s.stillDeferred == 1)
    #expect(s.deferred == 4)
    #expect(s.rejected == 3)
    #expect(m.domains.first { $0.domain == "slow.example" }?.expired == 1)
  }

  @Test func wholeSamplesDirectoryMixesPostfixAndExim() {
    let m = runReport([Paths.samples.path])
    #expect(m.files.count == 5)
    #expect(m.summary.recipients == 34)
    #expect(m.summary.delivered == 19)
    #expect(m.summary.rejected == 10)
  }

  @Test(arguments: [1, 2, 3, 5, 8, 13, 64, 4096])
  func chunkSizeDoesNotChangeTheReport(chunkSize: Int) {
    let reference = JSONWriter.render(runReport([Paths.samples.path]))
    #expect(JSONWriter.render(runReport([Paths.samples.path], chunkSize: chunkSize)) == reference)
  }
}
