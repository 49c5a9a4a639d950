import Testing

@testable import LogstatReport

/// One golden file: a format and options applied to the fixture.
struct GoldenCase: Sendable, CustomTestStringConvertible {
  var file: String
  var format: ReportFormat
  var options: ReportOptions
  var testDescription: String { file }

  static let all: [GoldenCase] = [
    GoldenCase(file: "full.txt", format: .text, options: ReportOptions(top: 20)),
    GoldenCase(file: "narrow.txt", format: .text, options: ReportOptions(top: 3, width: 60)),
    GoldenCase(
      file: "color.txt", format: .text,
      options: ReportOptions(sections: [.summary, .domains, .reputation], top: 20, color: true)),
    GoldenCase(file: "full.json", format: .json, options: ReportOptions(top: nil)),
    GoldenCase(file: "full.csv", format: .csv, options: ReportOptions(top: nil)),
    GoldenCase(file: "senders.csv", format: .csv, options: ReportOptions(sections: [.senders], top: nil)),
    GoldenCase(file: "full.md", format: .markdown, options: ReportOptions(top: 20)),
    GoldenCase(file: "full.html", format: .html, options: ReportOptions(top: 20)),
    GoldenCase(
      file: "full.prom", format: .prometheus,
      options: ReportOptions(sections: ReportFormat.prometheus.sections, top: 3)),
  ]
}

@Suite("Golden files")
struct GoldenTests {
  @Test(arguments: GoldenCase.all)
  func matchesGolden(_ c: GoldenCase) {
    Golden.check(c.format.render(Fixture.model, options: c.options), c.file)
  }

  @Test(arguments: ReportFormat.allCases)
  func renderingIsDeterministic(_ format: ReportFormat) {
    let options = ReportOptions(sections: format.sections, top: 5)
    #expect(format.render(Fixture.model, options: options) == format.render(Fixture.model, options: options))
  }
}
