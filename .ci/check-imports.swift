// Checks that every module a target's Swift files import is declared as a dependency of that
// target in Package.swift (or is the standard library / a platform module), so the module
// graph written there is the real one, and that it keeps the one-way edges listed below. Run from the package root: `swift .ci/check-imports.swift`.
import Foundation

let platform: Set<String> = [
  "Foundation", "FoundationEssentials", "Glibc", "Musl", "Darwin", "Dispatch", "Synchronization",
  "Testing", "XCTest", "_Concurrency", "Observation",
]
/// Edges the graph must not have: Report formats what runs produce, it does not run them;
/// History stores days, alerts read them; the counts read events, never the scanner or the
/// sources (the line vocabulary they share lives below both, in LogstatKinds); the scanner and
/// the classifier read bytes side by side, neither through the other.
let forbidden: [(String, String)] = [
  ("LogstatReport", "LogstatEngine"), ("LogstatHistory", "LogstatAlerts"),
  ("LogstatAggregate", "LogstatScan"), ("LogstatAggregate", "LogstatSource"), ("LogstatAggregate", "LogstatEngine"),
  ("LogstatEvents", "LogstatAggregate"), ("LogstatScan", "LogstatClassify"), ("LogstatClassify", "LogstatScan"),
  ("LogstatRun", "LogstatEngine"), ("LogstatKinds", "LogstatScan"),
]
let manifest = try String(contentsOfFile: "Package.swift", encoding: .utf8)
let bytes = Array(manifest.utf8)
var failures = 0
let targetRegex = try Regex(#"\.(target|executableTarget|testTarget)\(\s*name:\s*"([^"]+)""#)
for match in manifest.matches(of: targetRegex) {
  let kind = String(match.output[1].substring!)
  let name = String(match.output[2].substring!)
  // The target's arguments: up to the parenthesis that closes `.target(`.
  var i = manifest.utf8.distance(from: manifest.utf8.startIndex, to: match.range.upperBound.samePosition(in: manifest.utf8)!)
  var depth = 1
  let start = i
  while depth > 0, i < bytes.count {
    if bytes[i] == UInt8(ascii: "(") { depth += 1 } else if bytes[i] == UInt8(ascii: ")") { depth -= 1 }
    i += 1
  }
  let arguments = String(decoding: bytes[start..<i], as: UTF8.self)
  var declared: Set<String> = [name.replacingOccurrences(of: "-", with: "_")]
  if let deps = arguments.firstMatch(of: try Regex(#"dependencies:\s*\[([^\]]*)\]"#)) {
    let list = String(deps.output[1].substring!)
    for m in list.matches(of: try Regex(#"\.product\(name:\s*"([^"]+)""#)) { declared.insert(String(m.output[1].substring!)) }
    let plain = list.replacing(try Regex(#"\.product\([^)]*\)"#), with: "")
    for m in plain.matches(of: try Regex(#""([^"]+)""#)) {
      declared.insert(String(m.output[1].substring!).replacingOccurrences(of: "-", with: "_"))
    }
  }
  for (from, to) in forbidden where from == name && declared.contains(to) {
    print("Package.swift: \(from) must not depend on \(to)")
    failures += 1
  }
  let dir = (kind == "testTarget" ? "Tests/" : "Sources/") + name
  guard let files = FileManager.default.enumerator(atPath: dir) else { continue }
  let importRegex = try Regex(
    #"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal)\s+)?import\s+(?:(?:struct|class|enum|func|protocol|typealias|var|let)\s+)?(\w+)"#
  ).anchorsMatchLineEndings()
  for case let file as String in files where file.hasSuffix(".swift") {
    let text = try String(contentsOfFile: dir + "/" + file, encoding: .utf8)
    for m in text.matches(of: importRegex) {
      let module = String(m.output[1].substring!)
      if !platform.contains(module), !declared.contains(module) {
        print("\(dir)/\(file): imports \(module), which Package.swift does not declare for \(name)")
        failures += 1
      }
    }
  }
}
if failures > 0 { exit(1) }
print("check-imports: every import is declared in Package.swift")
