/// Number formats shared by the writers for people.
enum Format {
  static func percent(_ r: Double?) -> String {
    guard let r else { return "-" }
    let tenths = Int((r * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }

  static func seconds(_ s: Double?) -> String {
    guard let s else { return "-" }
    if s < 10 {
      let tenths = Int((s * 10).rounded())
      return "\(tenths / 10).\(tenths % 10)s"
    }
    if s < 120 { return "\(Int(s.rounded()))s" }
    if s < 7200 { return "\(Int((s / 60).rounded()))m" }
    return "\(Int((s / 3600).rounded()))h"
  }

  static func bytes(_ n: Int) -> String {
    if n < 1024 { return "\(n) B" }
    let units = ["KiB", "MiB", "GiB", "TiB"]
    var v = Double(n) / 1024
    var k = 0
    while v >= 1024, k < units.count - 1 {
      v /= 1024
      k += 1
    }
    let tenths = Int((v * 10).rounded())
    return "\(tenths / 10).\(tenths % 10) \(units[k])"
  }

  /// `YYYY-MM-DD HH:MM` of a report time (the zone is in the report's header), or `-`.
  static func minute(_ t: String?) -> String { t.map { String($0.prefix(16)) } ?? "-" }

  /// A rate for data formats (CSV, Prometheus): up to 4 decimals, empty when undefined.
  static func number(_ d: Double?) -> String { d.map(JSON.number) ?? "" }

  /// `1 line`, `2 lines`: a count with its noun, plural unless the count is one.
  static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
    "\(n) \(n == 1 ? singular : plural)"
  }

  /// `a, b, c` of the first `n` names, with `+k more` when cut.
  static func list(_ names: [String], first n: Int, total: Int? = nil) -> String {
    let total = total ?? names.count
    var out = names.prefix(n).joined(separator: ", ")
    if total > min(n, names.count) { out += (out.isEmpty ? "" : ", ") + "+\(total - min(n, names.count)) more" }
    return out
  }
}
