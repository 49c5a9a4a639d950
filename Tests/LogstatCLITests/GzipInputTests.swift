import Foundation
import Testing

/// Damaged and disguised gzip input: a clear error naming the file and byte offset, exit
/// status 2, and every other input (and every line before the damage) still counted.
@Suite struct GzipInputTests {
  let ids = LogLines.ids

  @Test func truncatedGzipNamesFileAndOffsetAndKeepsLinesBeforeIt() throws {
    let dir = try TempDirectory()
    try dir.write("good.log", LogLines.postfixText(ids[0]))
    let lines = LogLines.postfixMessage(ids[1])
    let member = Gzip.member(LogLines.postfixText(ids[1]))
    // Cut inside the fourth line: three whole lines survive.
    let cut = Gzip.firstDataOffset + lines[0..<3].map { $0.utf8.count + 1 }.reduce(0, +) + 10
    try dir.write("bad.gz", Array(member[0..<cut]))

    let run = try Logstat.run(["--format", "json", "good.log", "bad.gz"], in: dir.url)
    #expect(run.status == 2)
    #expect(!run.crashed)
    #expect(run.stderr.contains("logstat: bad.gz: gzip data ends early at byte \(cut)"))
    let report = try run.report()
    #expect(report.lines("total") == 5 + 3)
    #expect(report.summary("delivered") == 2)
    #expect(report.summary("attempts") == 3 + 1)
    #expect(report.error(of: "bad.gz") != nil)
    #expect(report.error(of: "good.log") == nil)
  }

  @Test func badCRCIsReportedAfterItsLinesAreCounted() throws {
    let dir = try TempDirectory()
    try dir.write("good.log", LogLines.postfixText(ids[0]))
    var member = Gzip.member(LogLines.postfixText(ids[1]))
    member[member.count - 8] ^= 0xff  // first CRC byte
    try dir.write("badcrc.gz", member)

    let run = try Logstat.run(["--format", "json", "good.log", "badcrc.gz"], in: dir.url)
    #expect(run.status == 2)
    #expect(!run.crashed)
    // zlib sees the CRC once its four bytes are in: the offset is just past them.
    #expect(run.stderr.contains("logstat: badcrc.gz: corrupt gzip data at byte \(member.count - 4) (incorrect data check)"))
    let report = try run.report()
    #expect(report.lines("total") == 10)
    #expect(report.summary("delivered") == 2)
    #expect(report.summary("bounced") == 2)
  }

  @Test func garbageAfterTheHeaderIsCorruptAtItsOffset() throws {
    let dir = try TempDirectory()
    try dir.write("good.log", LogLines.postfixText(ids[0]))
    // 0xff opens a block of the reserved type 3: invalid from the first deflate byte.
    try dir.write("garbage.gz", Gzip.header + [UInt8](repeating: 0xff, count: 200))

    let run = try Logstat.run(["--format", "json", "garbage.gz", "good.log"], in: dir.url)
    #expect(run.status == 2)
    #expect(!run.crashed)
    #expect(run.stderr.contains("logstat: garbage.gz: corrupt gzip data at byte "))
    #expect(run.stderr.contains("invalid block type"))
    let report = try run.report()
    #expect(report.lines("total") == 5)
    #expect(report.summary("delivered") == 1)
    #expect(report.error(of: "garbage.gz")?.contains("corrupt gzip data at byte") == true)
  }

  @Test func bytesAfterTheLastMemberAreTrailingGarbage() throws {
    let dir = try TempDirectory()
    let member = Gzip.member(LogLines.postfixText(ids[0]))
    try dir.write("trailing.gz", member + Array("not gzip at all\n".utf8))

    let run = try Logstat.run(["--format", "json", "trailing.gz"], in: dir.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains("logstat: trailing.gz: unexpected bytes after the gzip data at byte \(member.count)"))
    let report = try run.report()
    #expect(report.lines("total") == 5)
    #expect(report.summary("delivered") == 1)
  }

  @Test func plainFileNamedGzIsReadAsPlain() throws {
    let dir = try TempDirectory()
    try dir.write("plain.gz", LogLines.postfixText(ids[0]))
    try dir.write("good.log", LogLines.postfixText(ids[1]))

    let run = try Logstat.run(["--format", "json", "plain.gz", "good.log"], in: dir.url)
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    let report = try run.report()
    #expect(report.lines("total") == 10)
    #expect(report.summary("delivered") == 2)
    #expect(report.file("plain.gz")?["gzip"] as? Bool == false)
  }

  @Test func gzipNotNamedGzIsInflated() throws {
    let dir = try TempDirectory()
    // Two members back to back, under a plain rotation name.
    try dir.write(
      "mail.log.1", Gzip.member(LogLines.postfixText(ids[0])) + Gzip.member(LogLines.postfixText(ids[1])))

    let run = try Logstat.run(["--format", "json", "mail.log.1"], in: dir.url)
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    let report = try run.report()
    #expect(report.file("mail.log.1")?["gzip"] as? Bool == true)
    #expect(report.lines("total") == 10)
    #expect(report.summary("delivered") == 2)
    #expect(report.summary("bounced") == 2)
  }

  @Test func standardInputGzipIsInflated() throws {
    let dir = try TempDirectory()
    let input = try dir.write("in.bin", Gzip.member(LogLines.postfixText(ids[0])))

    let run = try Logstat.run(["--format", "json", "-"], in: dir.url, stdin: input)
    #expect(run.status == 0)
    let report = try run.report()
    #expect(report.file("standard input")?["gzip"] as? Bool == true)
    #expect(report.lines("total") == 5)
    #expect(report.summary("delivered") == 1)
  }

  @Test func standardInputTruncatedGzipIsPartial() throws {
    let dir = try TempDirectory()
    let member = Gzip.member(LogLines.postfixText(ids[0]))
    let input = try dir.write("in.bin", Array(member.dropLast(20)))

    let run = try Logstat.run(["--format", "json", "-"], in: dir.url, stdin: input)
    #expect(run.status == 2)
    #expect(run.stderr.contains("logstat: standard input: gzip data ends early at byte \(member.count - 20)"))
    let report = try run.report()
    #expect(report.lines("total") == 4)
  }
}

/// Crashers found by `Fuzz/` (inputs kept in Fuzz/FailCases/), replayed through the binary.
@Suite struct FuzzFailCaseTests {
  /// FuzzGzip: with a chunk size below 10 bytes the inflater's input buffer was smaller
  /// than the gzip detection bytes copied into it (a heap overflow under ASan). Every
  /// chunk size must read the two members whole.
  @Test(arguments: [1, 2, 9, 10, 11, 4096])
  func tinyChunkSizeOnMultiMemberGzip(chunkSize: Int) throws {
    let dir = try TempDirectory()
    // Fuzz/FailCases/FuzzGzip/tiny-chunk-multi-member.gz: "a\nb\n" and "c\n" as two members.
    let bytes: [UInt8] = [
      0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x4b, 0xe4, 0x4a, 0xe2, 0x02, 0x00,
      0x97, 0x2a, 0x57, 0x18, 0x04, 0x00, 0x00, 0x00, 0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00,
      0x02, 0x03, 0x4b, 0xe6, 0x02, 0x00, 0x85, 0xc3, 0xdc, 0xef, 0x02, 0x00, 0x00, 0x00,
    ]
    try dir.write("tiny.gz", bytes)
    let member = Gzip.member(LogLines.postfixText(LogLines.ids[0]))
    try dir.write("mail.log.2.gz", member + member)
    let run = try Logstat.run(
      ["--format", "json", "--chunk-size", "\(chunkSize)", "tiny.gz", "mail.log.2.gz"], in: dir.url)
    #expect(run.status == 0)
    #expect(!run.crashed)
    let report = try run.report()
    #expect(report.file("tiny.gz")?["lines"] as? Int == 3)
    #expect(report.lines("total") == 3 + 10)
    #expect(report.summary("delivered") == 2)  // the message twice: a reused queue ID, two lives
  }
}
