import Foundation
import LogstatEngine
import LogstatReport
import LogstatSource
import Testing

/// A Postfix log of `n` messages, each to its own recipient domain; every 10th bounces and
/// every 10th (another) is deferred before delivery, so domains sort by problems, then volume,
/// then name (as Benchmarks/limits/make-inputs.py writes them).
func manyDomainsLog(_ n: Int) throws -> String {
  var text = ""
  for k in 0..<n {
    let q = String(format: "%010X", 0x10_0000_0000 + k)
    let t = String(format: "Nov 20 10:%02d:%02d mx1", (k / 60) % 60, k % 60)
    let rcpt = "u\(k)@d\(k % 7 == 0 ? "Upper" : "")\(k).example"
    text += "\(t) postfix/cleanup[11]: \(q): message-id=<m\(k)@ours.example>\n"
    text += "\(t) postfix/qmgr[12]: \(q): from=<s@ours.example>, size=1000, nrcpt=1 (queue active)\n"
    if k % 10 == 3 {
      text += "\(t) postfix/smtp[13]: \(q): to=<\(rcpt)>, relay=mx.example[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=4.7.0, status=deferred (host mx.example[192.0.2.1] said: 421 4.7.0 Try again later (in reply to MAIL FROM command))\n"
    }
    if k % 10 == 1 {
      text += "\(t) postfix/smtp[13]: \(q): to=<\(rcpt)>, relay=mx.example[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.example[192.0.2.1] said: 550 5.1.1 <\(rcpt)>: Recipient address rejected: User unknown (in reply to RCPT TO command))\n"
    } else {
      text += "\(t) postfix/smtp[13]: \(q): to=<\(rcpt)>, relay=mx.example[192.0.2.1]:25, delay=\(k % 50), delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)\n"
    }
    text += "\(t) postfix/qmgr[12]: \(q): removed\n"
  }
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("logstat-many-\(getpid())-\(n).log").path
  try text.write(toFile: path, atomically: true, encoding: .utf8)
  return path
}

@Suite struct StreamedReportTests {
  /// Writes `model` as streamed JSON; returns the text and how many pieces it came in.
  func streamed(_ model: ReportModel, _ options: ReportOptions = ReportOptions(top: nil)) throws -> (String, Int) {
    var bytes: [UInt8] = []
    var pieces = 0
    try JSONWriter.write(model, options: options, to: JSONSink { b in
      bytes.append(contentsOf: b)
      pieces += 1
    })
    return (String(decoding: bytes, as: UTF8.self), pieces)
  }

  @Test func streamedJSONIsTheRenderedDocumentInPieces() throws {
    let path = try manyDomainsLog(3000)
    defer { unlink(path) }
    let model = runReport([path])
    let (text, pieces) = try streamed(model)
    let whole = JSONWriter.render(model)
    #expect(text == whole)
    // Every domain twice (table and counts) plus every address: far more than one piece.
    #expect(whole.utf8.count > 4 * JSONSink.pieceSize)
    #expect(pieces >= whole.utf8.count / JSONSink.pieceSize)
    #expect(pieces <= whole.utf8.count / JSONSink.pieceSize + 1)
    let cut = ReportOptions(top: 3)
    #expect(try streamed(model, cut).0 == JSONWriter.render(model, options: cut))
  }

  @Test func samplesStreamAsTheyRender() throws {
    let model = runReport([Paths.samples.path])
    #expect(try streamed(model).0 == JSONWriter.render(model))
  }

  @Test func domainRowsAreMadeInProblemOrder() throws {
    let path = try manyDomainsLog(500)
    defer { unlink(path) }
    let model = runReport([path])
    let rows = Array(model.domains)
    #expect(rows.count == 500)
    let sorted = rows.sorted {
      ($0.problemScore, $0.attempts + $0.rejected, $1.domain) > ($1.problemScore, $1.attempts + $1.rejected, $0.domain)
    }
    #expect(rows == sorted)
    // 50 bounced (score 4), then 50 deferred then delivered (score 1: two attempts), by name.
    #expect(rows[0].domain == "d1.example" && rows[0].bounced == 1 && rows[0].topReason != nil)
    #expect(rows[1].domain == "d101.example")
    #expect(rows[50].domain == "d103.example" && rows[50].deferred == 1 && rows[50].delivered == 1)
    #expect(rows[100].domain == "d10.example" && rows[100].problemScore == 0)
    #expect(rows.contains { $0.domain == "dupper7.example" })
    // Writing a row holds them all; reading stays the same.
    var copy = model
    copy.domains[0].domain = "changed.example"
    #expect(copy.domains[0].domain == "changed.example")
    #expect(Array(copy.domains.dropFirst()) == Array(rows.dropFirst()))
  }

  @Test func aFailingWriterStopsTheStreamAndItsErrorIsThrown() throws {
    struct Full: Error {}
    let path = try manyDomainsLog(2000)
    defer { unlink(path) }
    let model = runReport([path])
    var calls = 0
    #expect(throws: Full.self) {
      try JSONWriter.write(model, to: JSONSink { _ in
        calls += 1
        throw Full()
      })
    }
    #expect(calls == 1)
  }
}
