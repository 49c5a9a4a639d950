import Foundation
import Testing

/// `logstat --help` shows the default command's options and the subcommands; an empty window
/// is said on standard error and `--fail-on empty` gives exit status 4.
@Suite struct HelpAndEmptyTests {
  @Test(arguments: [["--help"], ["-h"], ["help"]])
  func topLevelHelpShowsTheDefaultCommandsOptions(_ arguments: [String]) throws {
    let dir = try TempDirectory()
    let r = try Logstat.run(arguments, in: dir.url)
    #expect(r.status == 0)
    for option in ["--since", "--until", "--format", "--output", "--report", "--history", "--fail-on", "--baseline-days"] {
      #expect(r.text.contains(option), "\(arguments): \(option) missing")
    }
    for sub in ["analyze (default)", "explain", "history", "merge"] {
      #expect(r.text.contains("\n  \(sub)"), "\(arguments): subcommand \(sub) missing")
    }
    #expect(r.text.contains("USAGE: logstat [analyze]"))
    // Each option once: the root's --version is not repeated.
    #expect(r.text.components(separatedBy: "--version").count == 2)
  }

  /// A usage error names the help that holds the option.
  @Test func usageErrorsNameTheHelpThatHoldsTheOption() throws {
    let dir = try TempDirectory()
    let cases: [([String], String)] = [
      (["--since", "last tuesday", "x.log"], "logstat analyze --help"),
      (["--fail-on", "bogus", "x.log"], "logstat analyze --help"),
      (["--top", "0", "x.log"], "logstat analyze --help"),
      (["history", "--since", "yesterday"], "logstat history --help"),
      (["merge"], "logstat merge --help"),
    ]
    for (arguments, help) in cases {
      let r = try Logstat.run(arguments, in: dir.url)
      #expect(r.status == 64, "\(arguments)")
      #expect(r.stderr.contains("See '\(help)'"), "\(arguments): \(r.stderr)")
    }
  }

  @Test func emptyWindowSaysWhichWindowAndWhatTheInputsCover() throws {
    let dir = try TempDirectory()
    try dir.write("mail.log", Array(LogLines.postfixText().utf8))
    let args = ["--year", "2026", "--since", "2026-11-25", "--until", "2026-11-26", "--report", "summary", "mail.log"]
    let quiet = try Logstat.run(args, in: dir.url)
    #expect(quiet.status == 0)
    let lines = quiet.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(quiet.stderr)")
    #expect(
      quiet.stderr
        == "logstat: no mail events from 2026-11-25 00:00:00 +00:00 until 2026-11-26 00:00:00 +00:00; the inputs cover 2026-11-21 23:50:01 +00:00 .. 2026-11-21 23:50:04 +00:00 (0 lines read from 1 file).\n"
    )
    let failing = try Logstat.run(["--fail-on", "empty"] + args, in: dir.url)
    #expect(failing.status == 4)
    #expect(failing.text.contains("Summary"), "the report is still written")
    // Alerts and empty together, comma-separated.
    #expect(try Logstat.run(["--fail-on", "alerts,empty"] + args, in: dir.url).status == 4)
    // A window with mail: nothing on stderr, status 0 even with --fail-on empty.
    let full = try Logstat.run(["--fail-on", "empty", "--year", "2026", "--report", "summary", "mail.log"], in: dir.url)
    #expect(full.status == 0)
    #expect(full.stderr.isEmpty, "\(full.stderr)")
  }

  @Test func inputWithoutMailLinesIsSaid() throws {
    let dir = try TempDirectory()
    try dir.write("notes.txt", Array("Nov 21 23:50:01 host kernel: eth0 up\nhello\n".utf8))
    let r = try Logstat.run(["--fail-on", "empty", "--report", "summary", "notes.txt"], in: dir.url)
    #expect(r.status == 4)
    #expect(r.stderr == "logstat: no mail events in the inputs: the inputs hold no mail line (2 lines read from 1 file).\n")
  }
}
