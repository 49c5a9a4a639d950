import Foundation
import Testing

/// The module graph, read from Package.swift and the sources: every import of one of the
/// package's own modules is declared as a direct dependency, and the dependencies point one way
/// (the counts need no scanner, the reports no engine, the history no alerts).
@Suite("Package graph: imports declared, dependencies one way")
struct PackageGraphTests {
  static let root: String = {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
    return path
  }()

  /// Target name -> the names in its `dependencies:` list (products by their name).
  static func targets() throws -> [String: Set<String>] {
    let text = try String(contentsOfFile: root + "/Package.swift", encoding: .utf8)
    var result: [String: Set<String>] = [:]
    // Each target starts at `.target(`, `.testTarget(` or `.executableTarget(`; its block runs
    // to the next one.
    let starts = [".target(", ".testTarget(", ".executableTarget(", ".systemLibrary("]
    var blocks: [Substring] = []
    var rest = text[...]
    while let range = starts.compactMap({ rest.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
      let after = rest[range.upperBound...]
      let next = starts.compactMap { after.range(of: $0)?.lowerBound }.min() ?? after.endIndex
      blocks.append(after[..<next])
      rest = after[next...]
    }
    for block in blocks {
      guard let name = quoted(after: "name:", in: block) else { continue }
      var deps: Set<String> = []
      if let list = block.range(of: "dependencies:") {
        var depth = 0
        var current = ""
        var inString = false
        for c in block[list.upperBound...] {
          if c == "\"" {
            if inString { deps.insert(current) }
            current = ""
            inString.toggle()
            continue
          }
          if inString { current.append(c); continue }
          if c == "[" { depth += 1 }
          if c == "]" { depth -= 1; if depth == 0 { break } }
        }
      }
      result[name] = deps
    }
    return result
  }

  static func quoted(after key: String, in text: Substring) -> String? {
    guard let k = text.range(of: key), let open = text[k.upperBound...].firstIndex(of: "\""),
      let close = text[text.index(after: open)...].firstIndex(of: "\"")
    else { return nil }
    return String(text[text.index(after: open)..<close])
  }

  /// The package modules a target's Swift files import.
  static func imports(of target: String, among modules: Set<String>) -> Set<String> {
    var found: Set<String> = []
    for folder in ["/Sources/", "/Tests/"] {
      let base = root + folder + target
      guard let walker = FileManager.default.enumerator(atPath: base) else { continue }
      for case let file as String in walker where file.hasSuffix(".swift") {
        guard let text = try? String(contentsOfFile: base + "/" + file, encoding: .utf8) else { continue }
        for line in text.split(separator: "\n") {
          let words = line.split(separator: " ")
          guard let i = words.firstIndex(of: "import"), i + 1 < words.count, words[..<i].allSatisfy({ $0.hasPrefix("@") })
          else { continue }
          let module = String(words[i + 1])
          if modules.contains(module) { found.insert(module) }
        }
      }
    }
    return found
  }

  @Test("every import of a package module is a declared dependency of its target")
  func importsDeclared() throws {
    let targets = try Self.targets()
    #expect(targets.count >= 20, "read \(targets.count) targets from Package.swift")
    let modules = Set(targets.keys).subtracting(["logstat", "logstat-gen"])
    for (target, deps) in targets.sorted(by: { $0.key < $1.key }) {
      let missing = Self.imports(of: target, among: modules).subtracting(deps).subtracting([target])
      #expect(missing.isEmpty, "\(target) imports \(missing.sorted()) without declaring them")
    }
  }

  @Test("dependencies point one way: counts below scanning, reports below the engine, history below alerts")
  func oneWay() throws {
    let targets = try Self.targets()
    let forbidden: [(String, String)] = [
      ("LogstatAggregate", "LogstatScan"), ("LogstatAggregate", "LogstatSource"), ("LogstatAggregate", "LogstatEngine"),
      ("LogstatEvents", "LogstatAggregate"), ("LogstatScan", "LogstatClassify"), ("LogstatClassify", "LogstatScan"),
      ("LogstatReport", "LogstatEngine"), ("LogstatHistory", "LogstatAlerts"), ("LogstatRun", "LogstatEngine"),
      ("LogstatKinds", "LogstatScan"),
    ]
    for (from, to) in forbidden {
      #expect(targets[from] != nil, "\(from) is a target")
      #expect(targets[from]?.contains(to) == false, "\(from) must not depend on \(to)")
      let modules = Set(targets.keys)
      #expect(!Self.imports(of: from, among: modules).contains(to), "\(from) must not import \(to)")
    }
  }
}
