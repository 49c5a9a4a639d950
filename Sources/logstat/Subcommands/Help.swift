import ArgumentParser

/// `logstat --help`: the default command's arguments and options together with the
/// subcommands, so a user sees `--since` and `--format` without knowing `analyze` exists.
///
/// Built from swift-argument-parser's own help texts (root and `analyze`), so the options
/// listed are always the ones parsed.
enum CombinedHelp {
  /// True for the argument lists that ask for the top-level help.
  static func isTopLevelRequest(_ arguments: [String]) -> Bool {
    arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"]
  }

  /// The help text: overview, usage of the default command and of the subcommands, the
  /// default command's arguments and options, then the subcommands.
  static func text(columns: Int? = nil) -> String {
    let root = sections(LogstatCommand.helpMessage(columns: columns))
    let analyze = sections(LogstatCommand.helpMessage(for: Analyze.self, columns: columns))
    var out: [String] = []
    if let overview = root["OVERVIEW"] { out.append(overview) }
    out.append(
      """
      USAGE: logstat [analyze] [<options>] [<inputs> ...]
             logstat <subcommand> [<options>]
      """)
    if let arguments = analyze["ARGUMENTS"] { out.append(arguments) }
    if let options = analyze["OPTIONS"] {
      var lines = options.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      lines[0] = "OPTIONS (of the default command, analyze):"
      out.append(lines.joined(separator: "\n"))
    }
    if let subcommands = root["SUBCOMMANDS"] { out.append(subcommands) }
    out.append(
      "See 'logstat <subcommand> --help' for the options of a subcommand.")
    return out.joined(separator: "\n\n") + "\n"
  }

  /// The sections of a help text by heading (`OVERVIEW`, `USAGE`, `OPTIONS`, ...), each with
  /// its heading line. A block without a heading (the discussion after the overview) belongs
  /// to the section before it; the closing "See ..." line is dropped.
  static func sections(_ help: String) -> [String: String] {
    var out: [String: String] = [:]
    var current: String?
    for block in help.components(separatedBy: "\n\n") {
      let trimmed = String(block.trimmingPrefix { $0 == "\n" }.reversed().drop { $0 == "\n" }.reversed())
      guard !trimmed.isEmpty, !trimmed.hasPrefix("  See '") else { continue }
      let heading = trimmed.firstIndex(of: ":").map { String(trimmed[..<$0]) } ?? ""
      if !heading.isEmpty, heading.allSatisfy({ $0.isUppercase || $0 == " " }) {
        current = heading
        out[heading] = trimmed
      } else if let current {
        out[current, default: ""] += "\n\n" + trimmed
      }
    }
    return out
  }
}
