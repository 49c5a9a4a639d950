import Testing

@testable import LogstatReport

/// One parsed sample line.
struct PromSample: Equatable {
  var name: String
  var labels: [String: String]
  var value: Double
}

/// Parses the exposition text line by line; records every deviation from the format.
func parseExposition(_ text: String) -> (samples: [PromSample], problems: [String]) {
  var samples: [PromSample] = []
  var problems: [String] = []
  var help: Set<String> = []
  var type: [String: String] = [:]
  var seen: Set<String> = []
  func isName(_ s: Substring) -> Bool {
    guard let f = s.first, f.isLetter || f == "_" || f == ":" else { return false }
    return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }
  }
  guard text.hasSuffix("\n") else { return ([], ["no final newline"]) }
  for line in text.dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
    if line.hasPrefix("# HELP ") {
      let parts = line.dropFirst(7).split(separator: " ", maxSplits: 1)
      guard parts.count == 2, isName(parts[0]) else { problems.append("bad HELP: \(line)"); continue }
      help.insert(String(parts[0]))
      continue
    }
    if line.hasPrefix("# TYPE ") {
      let parts = line.dropFirst(7).split(separator: " ")
      guard parts.count == 2, isName(parts[0]), ["gauge", "counter"].contains(parts[1]) else {
        problems.append("bad TYPE: \(line)")
        continue
      }
      if type[String(parts[0])] != nil { problems.append("TYPE twice: \(parts[0])") }
      type[String(parts[0])] = String(parts[1])
      continue
    }
    if line.hasPrefix("#") || line.isEmpty { problems.append("stray line: \(line)"); continue }
    // name{labels} value
    var rest = line[...]
    let name = rest.prefix { $0 != "{" && $0 != " " }
    rest = rest.dropFirst(name.count)
    guard isName(name), name.hasPrefix("logstat_") else { problems.append("bad name: \(line)"); continue }
    guard help.contains(String(name)), type[String(name)] != nil else {
      problems.append("sample before HELP/TYPE: \(line)")
      continue
    }
    var labels: [String: String] = [:]
    if rest.first == "{" {
      rest = rest.dropFirst()
      while rest.first != "}" {
        let key = rest.prefix { $0 != "=" }
        rest = rest.dropFirst(key.count)
        guard isName(key), rest.hasPrefix("=\"") else { problems.append("bad label: \(line)"); break }
        rest = rest.dropFirst(2)
        var value = ""
        while let c = rest.first, c != "\"" {
          rest = rest.dropFirst()
          if c == "\\" {
            switch rest.first {
            case "\\": value.append("\\")
            case "\"": value.append("\"")
            case "n": value.append("\n")
            default: problems.append("bad escape: \(line)")
            }
            rest = rest.dropFirst()
          } else if c == "\n" {
            problems.append("raw newline: \(line)")
          } else {
            value.append(c)
          }
        }
        rest = rest.dropFirst()
        if labels[String(key)] != nil { problems.append("label twice: \(line)") }
        labels[String(key)] = value
        if rest.first == "," { rest = rest.dropFirst() }
        if rest.isEmpty { problems.append("unclosed labels: \(line)"); break }
      }
      rest = rest.dropFirst()
    }
    guard rest.first == " ", let value = Double(rest.dropFirst()) else {
      problems.append("bad value: \(line)")
      continue
    }
    let identity = String(name) + "|" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    if !seen.insert(identity).inserted { problems.append("duplicate series: \(line)") }
    samples.append(PromSample(name: String(name), labels: labels, value: value))
  }
  return (samples, problems)
}

@Suite("Prometheus report")
struct PrometheusWriterTests {
  @Test func followsTheExpositionFormat() {
    let text = PrometheusWriter.render(Fixture.model, options: ReportOptions(sections: ReportFormat.prometheus.sections, top: 3))
    let (samples, problems) = parseExposition(text)
    #expect(problems == [])
    #expect(samples.count > 60)
    let delivered = samples.first { $0.name == "logstat_recipients" && $0.labels["status"] == "delivered" }
    #expect(delivered?.value == 128)
    #expect(samples.first { $0.name == "logstat_delivery_ratio" }?.value == 0.8649)
  }

  @Test func domainCardinalityIsBounded() {
    for top in [1, 2, 3, 10] {
      let text = PrometheusWriter.render(Fixture.model, options: ReportOptions(sections: [.domains], top: top))
      let (samples, problems) = parseExposition(text)
      #expect(problems == [])
      let domains = Set(samples.compactMap { $0.labels["domain"] })
      let expected = top < 5 ? top + 1 : 5
      #expect(domains.count == expected)
      #expect(domains.contains("other") == (top < 5))
      // "other" adds up what was cut.
      let delivered = samples.filter { $0.name == "logstat_domain_recipients" && $0.labels["status"] == "delivered" }
      #expect(delivered.map(\.value).reduce(0, +) == 128)
    }
  }

  @Test func labelValuesAreEscaped() {
    var m = Fixture.model
    m.domains[0].domain = "q\"uote\\back\nline"
    let text = PrometheusWriter.render(m, options: ReportOptions(sections: [.domains], top: 2))
    // The newline is a control byte: shown as `\x0A` (then its backslash escaped), as the
    // text, HTML and CSV writers show it.
    #expect(text.contains(#"domain="q\"uote\\back\\x0Aline""#))
    let (samples, problems) = parseExposition(text)
    #expect(problems == [])
    #expect(samples.contains { $0.labels["domain"] == "q\"uote\\back\\x0Aline" })
  }

  /// ESC (an OSC 52 clipboard write, a screen clear), BEL, NUL, C1 CSI, DEL and bidi
  /// overrides in a domain or reason never reach the file raw.
  @Test func noRawControlBytesInLabels() {
    var m = Fixture.model
    let hostile = "\u{1B}]52;c;ZXZpbA==\u{07}a\u{0}b\u{9B}2J\u{7F}c\u{202E}d\u{2066}e\u{1B}[2Jx.example"
    m.domains[0].domain = hostile
    m.domains[0].provider = "p\u{1B}[31m"
    m.reasons[0].reason = "r\u{85}\u{200F}"
    let text = PrometheusWriter.render(m, options: ReportOptions(sections: ReportFormat.prometheus.sections, top: 3))
    let bad = text.unicodeScalars.filter { u in
      (u.value < 0x20 && u != "\n") || (0x7F..<0xA0).contains(u.value)
        || [0x061C, 0x200E, 0x200F].contains(u.value) || (0x2028...0x202E).contains(u.value)
        || (0x2066...0x2069).contains(u.value)
    }
    #expect(bad.isEmpty, "raw control scalars: \(bad.map { String($0.value, radix: 16) })")
    #expect(text.contains(#"domain="\\x1B]52;c;ZXZpbA==\\x07a\\x00b\\x9B2J\\x7Fc\\u{202E}d\\u{2066}e\\x1B[2Jx.example""#))
    let (_, problems) = parseExposition(text)
    #expect(problems == [])
  }

  /// No family holds a total beside its subset, and no gauge carries a `quantile` label
  /// (promtool refuses it outside a summary).
  @Test func noTotalBesideItsSubsetNorQuantileLabels() {
    let text = PrometheusWriter.render(Fixture.model, options: ReportOptions(sections: ReportFormat.prometheus.sections, top: 3))
    let (samples, problems) = parseExposition(text)
    #expect(problems == [])
    #expect(!samples.contains { $0.labels["quantile"] != nil })
    #expect(!samples.contains { $0.labels.values.contains("all") })
    let attempts = samples.filter { $0.name == "logstat_delivery_attempts" }
    #expect(attempts.count == 1 && attempts[0].labels.isEmpty)
    #expect(samples.first { $0.name == "logstat_deferred_attempts" } != nil)
    #expect(!samples.contains { $0.name.contains("status_code") && $0.labels["kind"] != nil })
  }

  /// Every family and label name the writer can emit is described in docs/prometheus.md.
  @Test func everyFamilyAndLabelIsDocumented() throws {
    let docs = try String(
      contentsOf: Paths.packageRoot.appendingPathComponent("docs/prometheus.md"), encoding: .utf8)
    var m = Fixture.model
    m.alerts = []
    let text = PrometheusWriter.render(m, options: ReportOptions(sections: ReportFormat.prometheus.sections, top: 3))
    let (samples, _) = parseExposition(text)
    for name in Set(samples.map(\.name)) {
      #expect(docs.contains("`\(name)`"), "family \(name) not in docs/prometheus.md")
    }
    for label in Set(samples.flatMap(\.labels.keys)) {
      #expect(docs.contains("`\(label)`"), "label \(label) not in docs/prometheus.md")
    }
  }
}
