import ArgumentParser
import Foundation
import LogstatAggregate
import LogstatReport
import LogstatTime

/// `logstat merge FILE.json...`: one report over JSON reports from several hosts.
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Combine JSON reports from several hosts into one report.",
    discussion: """
      Each FILE is a report written by `logstat --format json` (any --top or --report:
      its `counts` block always holds every count). The result is the report one run
      over all the hosts' logs would give, in any --format; a merged JSON report can be
      merged again. Alerts of the inputs are listed together.
      """)

  @Argument(help: "JSON reports written by logstat --format json (- for standard input).")
  var files: [String]

  @Option(help: "Report format: text, json, csv, markdown, html or prometheus.")
  var format: ReportFormat = .text

  @Option(name: .customLong("report"), help: ArgumentHelp(
    "Sections to show, repeated or comma-separated (as for analyze).", valueName: "name"))
  var reports: [String] = []

  @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of standard output.")
  var output: String?

  @Option(help: "Rows per table. Default: 20 for text, markdown, html and prometheus; all for json and csv.")
  var top: Int?

  @Option(name: [.customLong("color"), .customLong("colour")], help: "Colour the text report: auto, always, never.")
  var color: ColorMode = .auto

  /// Fixed "now" (epoch seconds) for tests; also read from LOGSTAT_NOW.
  @Option(help: .hidden)
  var now: Int64?

  mutating func validate() throws {
    if files.isEmpty { throw ValidationError("give at least one JSON report to merge.") }
    if let top, top < 1 { throw ValidationError("--top must be at least 1.") }
    do {
      _ = try ReportOptions.sections(reports, for: format)
    } catch {
      throw ValidationError(error.description)
    }
  }

  func run() throws {
    var saved: [SavedReport] = []
    var total = 0  // every count of the reports read so far: no merged sum can exceed it
    for path in files {
      let data: Data
      if path == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
      } else {
        guard let d = FileManager.default.contents(atPath: path) else {
          throw CLIError("cannot read \(path). Check the path and its permissions.")
        }
        data = d
      }
      do {
        saved.append(try SavedReport.decode(data, path: path))
      } catch {
        throw CLIError(String(error.description.dropFirst("logstat: ".count)))
      }
      total = total.addingSaturated(saved.last!.countTotal)
      if total > SavedReport.largestTotal {
        throw CLIError(
          "\(path): its counts, added to those of the reports before it, come to more than \(SavedReport.largestTotal), more than logstat can sum. Check the file for hand edits, or merge fewer reports at a time."
        )
      }
    }
    let now = self.now ?? environmentNow() ?? Int64(Date().timeIntervalSince1970)
    let model = ReportModel.merged(saved, now: now)
    let options = ReportOptions(
      sections: try ReportOptions.sections(reports, for: format), top: top ?? format.defaultTop,
      color: format == .text && Terminal.color(color, output: output),
      width: Terminal.width(output: output))
    try OutputFile.write(to: output) { try format.write(model, options: options, to: JSONSink($0)) }
  }
}
