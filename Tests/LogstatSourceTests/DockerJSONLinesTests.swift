import Foundation
import LogstatSource
import Testing

/// Docker's json-file driver lines are handed out as the lines the container wrote, for any
/// chunk size, plain or gzip; other input is untouched.
@Suite struct DockerJSONLinesTests {
  static let lines = [
    "Nov 23 00:29:01 mx1 postfix/qmgr[990]: 4Vq8Kz1sYHz9abc: from=<billing@shop.example.org>, size=2048, nrcpt=1 (queue active)",
    "Nov 23 00:29:02 mx1 postfix/smtp[991]: 4Vq8Kz1sYHz9abc: to=<ann@example.net>, relay=mx.example.net[192.0.2.5]:25, delay=0.4, delays=0.1/0/0.1/0.2, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.5] said: 550 5.1.1 \"ann\" unknown \\ gone & away (in reply to RCPT TO command))",
    "Nov 23 00:29:03 mx1 postfix/smtp[991]: 4Vq8Kz1sYHz9abd: to=<zoë@example.net>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (connect to mx.example.net[192.0.2.5]:25: Connection timed out 😀)",
  ]

  /// A line as the driver writes it: Go's JSON with `<`, `>`, `&` as `\u003c` escapes.
  static func driverLine(_ line: String, escapeNonASCII: Bool = false) -> String {
    var body = ""
    for scalar in line.unicodeScalars {
      switch scalar {
      case "\"": body += "\\\""
      case "\\": body += "\\\\"
      case "<": body += "\\u003c"
      case ">": body += "\\u003e"
      case "&": body += "\\u0026"
      default:
        if escapeNonASCII, scalar.value > 0x7F {
          for unit in String(scalar).utf16 { body += String(format: "\\u%04x", unit) }
        } else {
          body.unicodeScalars.append(scalar)
        }
      }
    }
    return "{\"log\":\"\(body)\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-23T00:29:01.123456789Z\"}"
  }

  @Test("decoded in place: escapes, UTF-8 and surrogate pairs, other lines kept")
  func decodeInPlace() {
    for escape in [false, true] {
      let json = Self.lines.map { Self.driverLine($0, escapeNonASCII: escape) }.joined(separator: "\n") + "\n"
      var bytes = Array(json.utf8)
      let count = bytes.withUnsafeMutableBytes { DockerJSONLines.decodeInPlace($0.baseAddress!, count: $0.count) }
      #expect(String(decoding: bytes[..<count], as: UTF8.self) == Self.lines.joined(separator: "\n") + "\n")
    }
    // A line inside the log string and a line that is no driver object.
    var mixed = Array(("{\"log\":\"one\\ntwo\\n\",\"stream\":\"stderr\"}\nplain line\n{\"log\":\"tab\\there\\u00e9\\n\"}").utf8)
    let count = mixed.withUnsafeMutableBytes { DockerJSONLines.decodeInPlace($0.baseAddress!, count: $0.count) }
    #expect(String(decoding: mixed[..<count], as: UTF8.self) == "one two\nplain line\ntab\there\u{e9}")
    #expect(DockerJSONLines.decoded(Array("{\"log\":\"x \\u003c y\\n\"}".utf8)) == Array("x < y".utf8))
    #expect(DockerJSONLines.decoded(Array("Nov 23 00:29:01 mx1 x".utf8)) == Array("Nov 23 00:29:01 mx1 x".utf8))
  }

  @Test("a reader hands out the decoded lines for any chunk size, plain and gzip", arguments: [7, 64, 300, 4 << 20])
  func readerDecodes(chunkSize: Int) throws {
    let dir = TemporaryDirectory()
    let json = Self.lines.map { Self.driverLine($0) }.joined(separator: "\n") + "\n"
    let expected = Self.lines.joined(separator: "\n") + "\n"
    let plain = dir.write(json, to: "ID-json.log")
    let zipped = dir.write(gzip(Array(json.utf8)), to: "ID-json.log.1.gz")
    for path in [plain, zipped] {
      let (result, reader) = try readFile(path, chunkSize: chunkSize)
      #expect(result.error == nil)
      #expect(String(decoding: result.bytes, as: UTF8.self) == expected)
      #expect(reader.isDockerJSON == true)
    }
    // The probe dates the input by its decoded first and last lines.
    let probe = try InputProbe.probe(InputFile(path: plain))
    #expect(probe.firstLine == Array(Self.lines[0].utf8))
    #expect(probe.lastLine == Array(Self.lines[2].utf8))
    // An ordinary log is handed out byte for byte.
    let log = dir.write(expected, to: "mail.log")
    let (ordinary, reader) = try readFile(log, chunkSize: chunkSize)
    #expect(String(decoding: ordinary.bytes, as: UTF8.self) == expected)
    #expect(reader.isDockerJSON == false)
  }
}
