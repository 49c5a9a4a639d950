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

/// Makes log text safe for a terminal: control characters, escape sequences and
/// bidirectional overrides are shown as `\xNN` / `\u{NNNN}`, never passed through.
public enum TerminalText {
  /// `s` with every character that could drive or deceive a terminal written out visibly.
  public static func safe(_ s: String) -> String {
    guard s.unicodeScalars.contains(where: isControl) else { return s }
    var out = ""
    for u in s.unicodeScalars {
      if isControl(u) {
        let hex = String(u.value, radix: 16, uppercase: true)
        out += u.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{" + hex + "}"
      } else {
        out.unicodeScalars.append(u)
      }
    }
    return out
  }

  /// C0 and C1 controls (ESC, CSI, BEL...), DEL, line separators, and the bidirectional
  /// marks and overrides that can make text display in another order than it reads.
  static func isControl(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0..<0x20, 0x7f..<0xa0, 0x061c, 0x200e, 0x200f, 0x2028...0x202e, 0x2066...0x2069: return true
    default: return false
    }
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
