import Foundation
import Testing

/// Log text is hostile: nothing from it may drive the terminal, and JSON stays valid.
@Suite struct EscapingTests {
  let id = LogLines.ids[0]

  /// Bytes that must never reach a terminal raw: C0 controls except newline, DEL, and the
  /// C1 controls in their UTF-8 form (`c2 80`...`c2 9f`, where `c2 9b` is a one-byte CSI).
  func rawControls(_ data: Data) -> [String] {
    var found: [String] = []
    let bytes = [UInt8](data)
    for (k, b) in bytes.enumerated() {
      if (b < 0x20 && b != 0x0A) || b == 0x7f {
        found.append("0x\(String(b, radix: 16)) at \(k)")
      } else if b == 0xc2, k + 1 < bytes.count, (0x80...0x9f).contains(bytes[k + 1]) {
        found.append("C1 0x\(String(bytes[k + 1], radix: 16)) at \(k)")
      }
    }
    return found
  }

  /// Lines whose domains, sender and reply text carry terminal escapes and odd bytes.
  var hostileLog: [UInt8] {
    var log: [UInt8] = []
    func line(_ s: String) { log += Array(s.utf8) + [0x0A] }
    line(LogLines.postfixSent(id, to: "a@evil\u{1b}[31m.example"))
    line(LogLines.postfixSent(id, to: "b@title\u{1b}]0;owned\u{07}.example"))
    line(LogLines.postfixSent(id, to: "c@csi\u{9b}2J.example"))
    line(LogLines.postfixSent(id, to: "d@bidi\u{202e}elpmaxe.example"))
    line(LogLines.postfixSent(id, to: "e@del\u{7f}\u{08}\u{0d}.example"))
    line(LogLines.postfixBounced(id, to: "f@gmail.com", reply: "550 5.7.1 \u{1b}[2J\u{1b}[H cleared"))
    line(
      "Nov 22 06:30:11 mx1 postfix/qmgr[990]: \(id): from=<x@sender\u{1b}[5m.example>, size=100, nrcpt=1 (queue active)")
    return log
  }

  @Test func textReportNeutralisesEscapes() throws {
    let dir = try TempDirectory()
    try dir.write("hostile.log", hostileLog)
    let run = try Logstat.run(["hostile.log"], in: dir.url)
    #expect(run.status == 0)
    #expect(rawControls(run.stdout) == [])
    #expect(!run.text.contains("\u{202e}"))
    #expect(run.text.contains("evil\\x1B[31m.example"))
    #expect(run.text.contains("csi\\x9B2j.example"))  // domains are lower-cased
  }

  @Test func jsonEscapesEscapesAndStaysValid() throws {
    let dir = try TempDirectory()
    try dir.write("hostile.log", hostileLog)
    let run = try Logstat.run(["--format", "json", "hostile.log"], in: dir.url)
    #expect(run.status == 0)
    #expect(rawControls(run.stdout) == [])
    let report = try run.report()
    #expect(report.domain("evil\u{1b}[31m.example", "delivered") == 1)
    #expect(report.domain("csi\u{9b}2j.example", "delivered") == 1)
    #expect(report.summary("delivered") == 5)
    #expect(report.summary("bounced") == 1)
  }

  /// Every byte value inside a domain, a sender and a client: the JSON parses, invalid
  /// UTF-8 turns into U+FFFD, and the text report holds no raw control byte.
  @Test(arguments: [0, 64, 128, 192])
  func everyByteValue(from start: Int) throws {
    let dir = try TempDirectory()
    var log: [UInt8] = []
    for value in start..<start + 64 where value != 0x0A {
      let b = UInt8(value)
      log += Array("Nov 22 06:30:11 mx1 postfix/qmgr[990]: \(id): from=<x@s".utf8) + [b]
      log += Array(".example>, size=100, nrcpt=1 (queue active)\n".utf8)
      let sent = LogLines.postfixSent(id, to: "u@d#.example").split(separator: "#", omittingEmptySubsequences: false)
      log += Array(sent[0].utf8) + [b] + Array(sent[1].utf8)
      log += [0x0A]
      log += Array("Nov 22 06:31:00 mx1 postfix/smtpd[3110]: NOQUEUE: reject: RCPT from h".utf8) + [b]
      log += Array("[203.0.113.77]: 554 5.7.1 Service unavailable; from=<a@spam.example> to=<info@example.net> proto=ESMTP helo=<spam.example>\n".utf8)
    }
    try dir.write("bytes.log", log)
    let json = try Logstat.run(["--format", "json", "bytes.log"], in: dir.url)
    #expect(json.status == 0)
    #expect(!json.crashed)
    #expect(rawControls(json.stdout) == [])
    let report = try json.report()
    #expect((report.summary("delivered") ?? 0) >= 1)
    if start == 128 {
      #expect(report.domains.keys.contains("d\u{FFFD}.example"))
    }
    let text = try Logstat.run(["--top", "1000", "bytes.log"], in: dir.url)
    #expect(text.status == 0)
    #expect(rawControls(text.stdout) == [])
  }

  @Test func fileNamesWithEscapesAreNeutralisedInMessages() throws {
    let dir = try TempDirectory()
    try dir.write("logs/mail.log", LogLines.postfixText(id))
    let hostile = "logs/loop\u{1b}[2J.log"
    try FileManager.default.createSymbolicLink(atPath: dir.path(hostile).path, withDestinationPath: "loop\u{1b}[2J.log")
    let run = try Logstat.run(["logs"], in: dir.url)
    #expect(run.status == 2)
    #expect(rawControls(run.stdout) == [])
    #expect(rawControls(Data(run.stderr.utf8)) == [])
    #expect(run.stderr.contains("loop\\x1B[2J.log"))
  }
}
