/// A plain text table with aligned columns: text left, numbers right.
struct TextTable {
  enum Align { case left, right }

  var headers: [String]
  var aligns: [Align]
  var rows: [[String]] = []

  init(_ columns: [(String, Align)]) {
    headers = columns.map { $0.0 }
    aligns = columns.map { $0.1 }
  }

  mutating func add(_ row: [String]) { rows.append(row.map(TerminalText.safe)) }

  func rendered(indent: String = "  ") -> String {
    var widths = headers.map { TerminalText.width($0) }
    for row in rows {
      for (k, cell) in row.enumerated() where k < widths.count {
        widths[k] = max(widths[k], TerminalText.width(cell))
      }
    }
    var out = ""
    func line(_ cells: [String]) {
      var parts: [String] = []
      for (k, cell) in cells.enumerated() {
        let pad = String(repeating: " ", count: max(0, widths[k] - TerminalText.width(cell)))
        let last = k == cells.count - 1
        parts.append(aligns[k] == .right ? pad + cell : (last ? cell : cell + pad))
      }
      out += indent + parts.joined(separator: "  ") + "\n"
    }
    line(headers)
    line(widths.map { String(repeating: "-", count: $0) })
    for row in rows { line(row) }
    return out
  }
}

/// Makes log text safe for a terminal: control characters and escape sequences are shown
/// as `\xNN`, never passed through.
enum TerminalText {
  static func safe(_ s: String) -> String {
    guard s.unicodeScalars.contains(where: isControl) else { return s }
    var out = ""
    for u in s.unicodeScalars {
      if isControl(u) {
        let hex = String(u.value, radix: 16, uppercase: true)
        out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
      } else {
        out.unicodeScalars.append(u)
      }
    }
    return out
  }

  static func isControl(_ u: Unicode.Scalar) -> Bool {
    u.value < 0x20 || u.value == 0x7f || (u.value >= 0x80 && u.value < 0xa0)
  }

  /// Display width, counting one column per scalar (good enough for domains and numbers).
  static func width(_ s: String) -> Int { s.unicodeScalars.count }
}

/// Number formats shared by the text-like writers.
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
}
