import ArgumentParser
import LogstatClassify
import LogstatReport

/// `logstat explain TEXT`: classifies one reply text (or a whole Postfix/Exim log line) and
/// says what it means, whose fault it is and what to do; `-` reads one text per line from stdin.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Explain a bounce or deferral reply: codes, reason, hard/soft, provider, blocklist, fault and advice.",
    discussion: """
      TEXT is a reply text such as '550 5.1.1 <a@b.example>: Recipient address rejected: User unknown', \
      or a whole Postfix or Exim log line (dsn=, relay=, to= and the text are taken from it). \
      Several words are joined with spaces, so quoting is optional. Use '-' to read one text \
      per line from standard input.
      """)

  /// Output formats for `explain`.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
  }

  @Option(help: "Output format: text for people, json for programs (one object per text).")
  var format: Format = .text

  @Argument(
    parsing: .remaining,
    help: "The reply text or log line (several words are joined by spaces), or - to read lines from stdin.")
  var text: [String] = []

  mutating func validate() throws {
    if text.isEmpty || text.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
      throw ValidationError(
        "Give a reply text to explain, e.g. logstat explain '550 5.1.1 User unknown', or - to read lines from standard input."
      )
    }
  }

  func run() throws {
    let classifier = ReplyClassifier()
    var inputs: [String] = []
    if text == ["-"] {
      while let line = readLine(strippingNewline: true) {
        if !line.allSatisfy(\.isWhitespace) { inputs.append(line) }
      }
    } else {
      inputs = [text.joined(separator: " ")]
    }
    for (index, input) in inputs.enumerated() {
      let explanation = explain(input, classifier: classifier)
      switch format {
      case .json:
        print(Explain.json(explanation))
      case .text:
        if index > 0 { print("") }
        print(Explain.text(explanation), terminator: "")
      }
    }
  }

  /// The human-readable block for one explanation; log text is escaped for the terminal.
  static func text(_ e: Explanation) -> String {
    let c = e.classification
    var codes: [String] = []
    if let basic = c.basicCode { codes.append("reply \(basic)") }
    if let enhanced = c.enhancedCode { codes.append("enhanced \(enhanced) (\(enhanced.meaning))") }
    if let dsn = e.dsn, dsn != c.enhancedCode { codes.append("dsn=\(dsn) (\(dsn.meaning))") }
    var lines: [(String, String)] = [
      ("Reply", terminalSafe(e.replyText)),
      ("Codes", codes.isEmpty ? "none found" : codes.joined(separator: ", ")),
      ("Step", c.step.name.map { "after \($0)" } ?? "not named"),
      ("Reason", "\(e.reason.rawValue): \(e.reason.title)"),
      (
        "Bounce",
        e.isHard
          ? "hard: the address is bad, remove it from your lists"
          : "soft: the address may be fine; the cause lies elsewhere"
      ),
      ("Provider", c.provider == .none ? "unknown" : c.provider.displayName),
      ("Blocklist", c.blocklist?.displayName ?? "none named"),
      ("Fault", e.fault.title),
      ("Advice", e.advice),
    ]
    if let relay = e.relayHost { lines.insert(("Relay", terminalSafe(relay)), at: 1) }
    if let domain = e.recipientDomain { lines.insert(("Domain", terminalSafe(domain)), at: 1) }
    return lines.map { "\($0.0 + ":")\(String(repeating: " ", count: max(1, 11 - $0.0.count)))\($0.1)\n" }
      .joined()
  }

  /// One JSON object on one line, with a fixed key order (the report's JSON escaping).
  static func json(_ e: Explanation) -> String {
    let c = e.classification
    let value = JSON.object([
      ("text", .string(e.input)),
      ("reply", .string(e.replyText)),
      ("reason", .string(e.reason.rawValue)),
      ("title", .string(e.reason.title)),
      ("hard", .bool(e.isHard)),
      ("fault", .string(e.fault.rawValue)),
      ("provider", .string(c.provider.rawValue)),
      ("provider_name", c.provider == .none ? .null : .string(c.provider.displayName)),
      ("blocklist", c.blocklist.map { .string($0.rawValue) } ?? .null),
      ("blocklist_name", c.blocklist.map { .string($0.displayName) } ?? .null),
      ("basic_code", c.basicCode.map { .int(Int($0)) } ?? .null),
      ("enhanced_code", c.enhancedCode.map { .string($0.description) } ?? .null),
      ("dsn", e.dsn.map { .string($0.description) } ?? .null),
      ("smtp_step", c.step.name.map { .string($0) } ?? .null),
      ("meaning", e.meaning.map { .string($0) } ?? .null),
      ("relay", e.relayHost.map { .string($0) } ?? .null),
      ("recipient_domain", e.recipientDomain.map { .string($0) } ?? .null),
      ("advice", .string(e.advice)),
    ])
    return value.compact()
  }

  /// Log text made safe for a terminal (control characters shown as `\\xNN`).
  static func terminalSafe(_ s: String) -> String { TerminalText.safe(s) }
}
