import Foundation
import Testing

/// Golden files in `Golden/`, compared byte for byte; `RECORD_GOLDEN=1` rewrites them (and
/// fails the test, so a recording run is never mistaken for a passing one).
enum Golden {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = directory.appendingPathComponent(name)
    let actual = Data(text.utf8)
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
      do {
        try actual.write(to: url)
        Issue.record("recorded \(name); run again without RECORD_GOLDEN=1", sourceLocation: sourceLocation)
      } catch {
        Issue.record("cannot record \(url.path): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected = FileManager.default.contents(atPath: url.path) else {
      Issue.record("missing golden file \(url.path): run with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
      return
    }
    guard expected != actual else { return }
    let a = text.split(separator: "\n", omittingEmptySubsequences: false)
    let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
    Issue.record(
      "\(name) differs from the golden file at line \(line + 1):\n  expected: \(line < e.count ? String(e[line]).debugDescription : "<end>")\n  actual:   \(line < a.count ? String(a[line]).debugDescription : "<end>")",
      sourceLocation: sourceLocation)
  }
}

/// Paths of the package, its samples and the built binary.
enum Paths {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let samples = packageRoot.appendingPathComponent("samples")

  /// The `logstat` binary built with the tests: beside the test bundle, else `.build/debug`.
  static var binary: URL? {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for dir in [beside, beside.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")] {
      let url = dir.appendingPathComponent("logstat")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
  }
}
