import Foundation
import Testing

/// A PostgreSQL history URL's password never appears in any report format, on standard
/// error, or from `logstat history`, whatever it holds and however the scheme is written.
@Suite struct SecretRedactionTests {
  static let secret = "pa ss/w?rd#x"
  static let urls = [
    "POSTGRES://lsuser:\(secret)@127.0.0.1:1/hist",
    "postgresql://lsuser:\(secret)@127.0.0.1:1/hist?sslmode=disable",
  ]

  @Test(arguments: urls)
  func noFormatShowsThePassword(_ url: String) throws {
    let dir = try TempDirectory()
    try dir.write("mail.log", LogLines.postfixText(LogLines.ids[0]))
    for format in ["text", "json", "csv", "markdown", "html", "prometheus"] {
      let run = try Logstat.run(["--history", url, "--format", format, "mail.log"], in: dir.url)
      #expect(!run.crashed, "stderr: \(run.stderr)")
      #expect(run.status == 0, "\(format): \(run.stderr)")
      #expect(!run.text.contains("w?rd"), "\(format): \(run.text)")
      #expect(!run.stderr.contains("w?rd"), "\(format): \(run.stderr)")
      #expect(run.stderr.contains("history postgres://lsuser@127.0.0.1:1/hist"), "\(format): \(run.stderr)")
    }
    // Nothing was created under the URL's name.
    let entries = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
    #expect(entries.filter { !$0.hasPrefix(".") }.sorted() == ["mail.log"])
  }

  @Test(arguments: urls)
  func historyCommandHidesThePassword(_ url: String) throws {
    let dir = try TempDirectory()
    let run = try Logstat.run(["history", "--history", url], in: dir.url)
    #expect(!run.crashed)
    #expect(run.status == 1)
    #expect(!run.stderr.contains("w?rd") && !run.text.contains("w?rd"), "\(run.stderr)")
  }
}
