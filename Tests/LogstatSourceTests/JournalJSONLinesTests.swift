import Foundation
import LogstatSource
import Testing

/// `journalctl -o json` entries are handed out as `short-unix` syslog lines, whatever the order
/// of their fields, for any chunk size, plain or gzip; other lines are untouched.
@Suite struct JournalJSONLinesTests {
  /// (entry as journalctl writes it, the line it becomes).
  static let entries: [(String, String)] = [
    (
      #"{"__CURSOR":"s=6c1f;i=1a2","__REALTIME_TIMESTAMP":"1764842400123456","__MONOTONIC_TIMESTAMP":"98765","_BOOT_ID":"b1","PRIORITY":"6","SYSLOG_FACILITY":"2","SYSLOG_IDENTIFIER":"postfix/qmgr","_PID":"990","_HOSTNAME":"mx1","MESSAGE":"4Vq8Kz1sYHz9abc: from=<billing@shop.example.org>, size=2048, nrcpt=1 (queue active)"}"#,
      "1764842400.123456 mx1 postfix/qmgr[990]: 4Vq8Kz1sYHz9abc: from=<billing@shop.example.org>, size=2048, nrcpt=1 (queue active)"
    ),
    // The message first, the time last, escapes in the message.
    (
      #"{"__CURSOR":"s=6c1f;i=1a3","MESSAGE":"4Vq8Kz1sYHz9abc: to=<zo\u00eb@example.net>, status=bounced (said: 550 5.1.1 \"ann\" unknown \\ gone \ud83d\ude00)","_HOSTNAME":"mx1","SYSLOG_IDENTIFIER":"postfix/smtp","_PID":"991","__REALTIME_TIMESTAMP":"1764842401000001"}"#,
      "1764842401.000001 mx1 postfix/smtp[991]: 4Vq8Kz1sYHz9abc: to=<zoë@example.net>, status=bounced (said: 550 5.1.1 \"ann\" unknown \\ gone 😀)"
    ),
    // SYSLOG_PID only; no host name.
    (
      #"{"__REALTIME_TIMESTAMP":"1764842402000000","SYSLOG_IDENTIFIER":"postfix/qmgr","SYSLOG_PID":"990","MESSAGE":"4Vq8Kz1sYHz9abc: removed"}"#,
      "1764842402.000000 postfix/qmgr[990]: 4Vq8Kz1sYHz9abc: removed"
    ),
  ]

  /// Lines kept as they are: a binary message (an array), an entry without a time, no entry.
  static let kept = [
    #"{"__CURSOR":"s=1","__REALTIME_TIMESTAMP":"1764842403000000","SYSLOG_IDENTIFIER":"x","MESSAGE":[104,105]}"#,
    #"{"__CURSOR":"s=2","SYSLOG_IDENTIFIER":"postfix/smtp","MESSAGE":"no time"}"#,
    "Nov 23 00:29:01 mx1 postfix/qmgr[990]: 4Vq8Kz1sYHz9abc: removed",
  ]

  static func decode(_ text: String) -> String {
    var bytes = Array(text.utf8)
    let count = bytes.withUnsafeMutableBytes { JournalJSONLines.decodeInPlace($0.baseAddress!, count: $0.count) }
    return String(decoding: bytes[..<count], as: UTF8.self)
  }

  @Test("entries become syslog lines in place; other lines kept")
  func decodeInPlace() {
    let json = (Self.entries.map(\.0) + Self.kept).joined(separator: "\n") + "\n"
    let expected = (Self.entries.map(\.1) + Self.kept).joined(separator: "\n") + "\n"
    #expect(Self.decode(json) == expected)
    #expect(JournalJSONLines.starts(UnsafeRawBufferPointer(start: nil, count: 0)) == false)
    #expect(JournalJSONLines.decoded(Array(Self.entries[2].0.utf8)) == Array(Self.entries[2].1.utf8))
    // Every prefix of an entry decodes without trapping and never grows.
    let entry = Array(Self.entries[1].0.utf8)
    for n in 0...entry.count {
      var bytes = Array(entry[0..<n])
      let count = bytes.withUnsafeMutableBytes { JournalJSONLines.decodeInPlace($0.baseAddress!, count: $0.count) }
      #expect(count <= n)
    }
  }

  @Test("a reader hands out the lines for any chunk size, plain and gzip", arguments: [7, 64, 300, 4 << 20])
  func readerDecodes(chunkSize: Int) throws {
    let dir = TemporaryDirectory()
    let json = Self.entries.map(\.0).joined(separator: "\n") + "\n"
    let expected = Self.entries.map(\.1).joined(separator: "\n") + "\n"
    let plain = dir.write(json, to: "postfix.json")
    let zipped = dir.write(gzip(Array(json.utf8)), to: "postfix.json.gz")
    for path in [plain, zipped] {
      let (result, reader) = try readFile(path, chunkSize: chunkSize)
      #expect(result.error == nil)
      #expect(String(decoding: result.bytes, as: UTF8.self) == expected)
      #expect(reader.isJournalJSON == true)
    }
    let probe = try InputProbe.probe(InputFile(path: plain))
    #expect(probe.firstLine == Array(Self.entries[0].1.utf8))
    #expect(probe.lastLine == Array(Self.entries[2].1.utf8))
  }
}
