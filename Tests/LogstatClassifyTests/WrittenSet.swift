import Testing

@testable import LogstatClassify

/// A written set (`TEXT<TAB>REASON` per line, `#` comments): texts we wrote ourselves, so a
/// reason that only one provider's sentence reaches fails them.
struct WrittenText {
  let line: Int
  let text: String
  let expected: String
}

enum WrittenSet {
  /// The entries of `Corpus/<file>`; a malformed line is recorded as an issue and skipped.
  static func load(_ file: String) throws -> [WrittenText] {
    let data = try readFile(RealCorpus.folder + "/" + file)
    var result: [WrittenText] = []
    for (index, line) in data.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 2 else {
        Issue.record("\(file) line \(index + 1) needs TEXT and REASON: \(line)")
        continue
      }
      result.append(WrittenText(line: index + 1, text: String(fields[0]), expected: String(fields[1])))
    }
    return result
  }

  /// How many entries each reason id has; an entry whose label is no reason id is an issue.
  static func countsPerReason(_ entries: [WrittenText]) -> [String: Int] {
    var perReason: [String: Int] = [:]
    for entry in entries {
      #expect(Reason(rawValue: entry.expected) != nil, "line \(entry.line): unknown reason \(entry.expected)")
      perReason[entry.expected, default: 0] += 1
    }
    return perReason
  }

  /// Every reason id has a text in `entries`, and no text repeats one of `others` (compared
  /// lower-cased): a written set adds new wordings only.
  static func expectCoverage(_ entries: [WrittenText], notIn others: Set<String>) {
    let perReason = countsPerReason(entries)
    for reason in Reason.allCases {
      #expect((perReason[reason.rawValue] ?? 0) >= 1, "\(reason.rawValue) has no text")
    }
    for entry in entries {
      #expect(!others.contains(entry.text.lowercased()), "line \(entry.line) repeats a corpus text")
    }
  }

  /// `entries` through `explain`, scored per reason; the report is printed under `name`.
  static func score(_ entries: [WrittenText], name: String) -> RealCorpus.Score {
    let classifier = ReplyClassifier()
    var score = RealCorpus.Score()
    for entry in entries {
      score.add(expected: entry.expected, got: explain(entry.text, classifier: classifier).reason.rawValue)
    }
    print(score.report(name))
    return score
  }
}
