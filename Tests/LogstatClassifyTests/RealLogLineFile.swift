import Testing

/// One line of a whole-log-line corpus file (`real-lines-2.tsv`, `real-lines-3.tsv`):
/// `LINE<TAB>REASON<TAB>hard|soft<TAB>SOURCE`, split by the reply corpora's FNV-1a rule.
struct RealLogLine {
  let number: Int
  let text: String
  let reason: String
  let hard: Bool
  let source: String
  var isHeldOut: Bool { RealCorpus.fnv1a(text) % 3 == 0 }

  /// The lines of `file` in `Corpus/`; a malformed row is recorded as an issue naming its line.
  static func load(_ file: String) throws -> [RealLogLine] {
    let data = try readFile(RealCorpus.folder + "/" + file)
    var lines: [RealLogLine] = []
    for (index, row) in data.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if row.isEmpty || row.hasPrefix("#") { continue }
      let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 4, fields[2] == "hard" || fields[2] == "soft" else {
        Issue.record("\(file) line \(index + 1) needs LINE, REASON, hard|soft and SOURCE")
        continue
      }
      lines.append(
        RealLogLine(
          number: index + 1, text: fields[0], reason: fields[1], hard: fields[2] == "hard", source: fields[3]))
    }
    return lines
  }
}
