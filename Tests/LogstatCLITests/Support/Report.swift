/// Read access to the JSON report (schema in docs/json-schema.md), for assertions.
struct Report {
  let object: [String: Any]

  init(_ object: [String: Any]) { self.object = object }

  /// An integer field of `summary`, e.g. `delivered`.
  func summary(_ key: String) -> Int? { (object["summary"] as? [String: Any])?[key] as? Int }

  /// An integer field of `lines`, e.g. `total`.
  func lines(_ key: String) -> Int? { (object["lines"] as? [String: Any])?[key] as? Int }

  /// The `files` rows.
  var files: [[String: Any]] { object["files"] as? [[String: Any]] ?? [] }

  /// The `files` row whose path is `path`.
  func file(_ path: String) -> [String: Any]? { files.first { $0["path"] as? String == path } }

  /// The error text of the file at `path`, or nil.
  func error(of path: String) -> String? { file(path)?["error"] as? String }

  /// The `problems` list.
  var problems: [String] { object["problems"] as? [String] ?? [] }

  /// The `domains` rows by domain name.
  var domains: [String: [String: Any]] {
    var out: [String: [String: Any]] = [:]
    for row in object["domains"] as? [[String: Any]] ?? [] {
      if let name = row["domain"] as? String { out[name] = row }
    }
    return out
  }

  /// An integer field of the domain row for `domain`.
  func domain(_ domain: String, _ key: String) -> Int? { domains[domain]?[key] as? Int }
}
