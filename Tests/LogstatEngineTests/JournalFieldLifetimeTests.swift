import Foundation
import LogstatSource
import Testing

/// sd_journal_get_data(3): a field's bytes are valid only until the next get_data call. A
/// compressed field (journald and journal-remote compress fields of 512 bytes and more) is
/// inflated into one buffer per journal file, so a second compressed field of the same entry
/// overwrites the first, or moves it when the buffer grows. The reader used to hold MESSAGE
/// while it asked for the host name: with both long, the line held the host name's bytes (or
/// freed memory) where the message belonged.
@Suite(.enabled(if: JournalFixture.available, "needs systemd-journal-remote (Debian package)"))
struct JournalFieldLifetimeTests {
  /// A real-shaped long bounce line of the Postfix sample (Gmail's 550-5.7.1 reply), from
  /// samples/postfix/mail.log; its message is long enough to be stored compressed.
  static func longSampleLine() throws -> String {
    let log = Paths.samples.appendingPathComponent("postfix/mail.log").path
    let text = try String(contentsOfFile: log, encoding: .utf8)
    return try #require(
      text.split(separator: "\n").map(String.init).first { $0.contains("status=bounced") && $0.utf8.count >= 540 })
  }

  @Test(arguments: [600, 3000])
  func longHostAndLongMessageBothArriveWhole(hostLength: Int) throws {
    let dir = try JournalFixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let line = try Self.longSampleLine()
    // "Nov 23 08:10:01 mx1 postfix/smtp[3305]: 5E6F7A8B9C: to=<ann@gmail.com>, ..."
    let header = "Nov 23 08:10:01 mx1 postfix/smtp[3305]: "
    #expect(line.hasPrefix(header))
    let message = String(line.dropFirst(header.count))
    #expect(message.utf8.count + "MESSAGE=".utf8.count >= 512)
    // A host name longer than the message (3000) makes the shared buffer grow and move.
    let host = String(repeating: "mx1.relay-", count: hostLength / 10)
    let epoch: Int64 = 1_795_421_401  // 2026-11-23 08:10:01 UTC
    let export = JournalFixture.entry(epoch: epoch, n: 1, host: host, ident: "postfix/smtp", pid: "3305", message: message)
    let journal = try JournalFixture.write(export, to: dir)

    let reader = try JournalReader(InputFile(path: journal.path))
    let chunk = try #require(try reader.next())
    let got = String(decoding: chunk, as: UTF8.self)
    #expect(got == "2026-11-23T08:10:01.000001+00:00 \(host) postfix/smtp[3305]: \(message)\n")
    #expect(try reader.next() == nil)
    #expect(reader.entries == 1)
  }

  /// A message longer than the reader's limit is cut, and the line still ends where the
  /// reader said it would: the byte count reserved for a line matches what is written.
  @Test func cutMessageFillsExactlyTheReservedBytes() throws {
    let dir = try JournalFixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let line = try Self.longSampleLine()
    let message = String(line.dropFirst("Nov 23 08:10:01 mx1 postfix/smtp[3305]: ".count))
    var export = ""
    for n in 1...50 {
      export += JournalFixture.entry(
        epoch: 1_795_421_401, n: n, host: "mx1", ident: "postfix/smtp", pid: "3305", message: message)
    }
    let journal = try JournalFixture.write(export, to: dir)
    // A 1-byte chunk size and a 100-byte line limit: every line is its own chunk, cut.
    let reader = try JournalReader(InputFile(path: journal.path), chunkSize: 1, maxLineLength: 100)
    var lines = 0
    while let chunk = try reader.next() {
      let got = String(decoding: chunk, as: UTF8.self)
      #expect(got == "2026-11-23T08:10:01.0000\(String(format: "%02d", lines + 1))+00:00 mx1 postfix/smtp[3305]: \(message.prefix(100))\n")
      lines += 1
    }
    #expect(lines == 50)
    #expect(reader.truncatedLines == 50)
  }
}
