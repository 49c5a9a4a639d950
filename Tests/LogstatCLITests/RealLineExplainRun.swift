import Foundation
import Testing

/// The built binary on a whole-log-line corpus file (`LINE<TAB>REASON<TAB>hard|soft<TAB>SOURCE`
/// in `LogstatClassifyTests/Corpus`), as an outside checker runs it: `logstat explain --format
/// json -` once for all lines, each answer scored against its label.
struct RealLineExplainRun {
  /// Lines in the file.
  var lines = 0
  /// Lines whose reason and hard/soft both match the label.
  var right = 0
  /// Lines labelled soft that came out hard (they would reach the suppression list).
  var softCalledHard = 0

  init(_ file: String) throws {
    let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("LogstatClassifyTests/Corpus/" + file)
    let dir = try TempDirectory()
    let text = try String(contentsOf: corpus, encoding: .utf8)
    var rows: [[String]] = []
    for row in text.split(separator: "\n", omittingEmptySubsequences: false) where !row.isEmpty && !row.hasPrefix("#") {
      let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      try #require(fields.count == 4)
      rows.append(fields)
    }
    let input = dir.url.appendingPathComponent("lines.txt")
    try (rows.map { $0[0] }.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
    let r = try Logstat.run(["explain", "--format", "json", "-"], in: dir.url, stdin: input)
    #expect(r.status == 0, "\(r.stderr)")
    let outputs = r.text.split(separator: "\n").map(String.init)
    try #require(outputs.count == rows.count, "one JSON object per line")
    lines = rows.count
    for (fields, output) in zip(rows, outputs) {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
      #expect(object["text"] as? String == fields[0])
      let hard = object["hard"] as? Bool ?? false
      if fields[2] == "soft", hard { softCalledHard += 1 }
      if object["reason"] as? String == fields[1], hard == (fields[2] == "hard") { right += 1 }
    }
    print("logstat explain on \(file): \(right)/\(rows.count) right")
  }
}
