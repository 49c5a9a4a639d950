/// Makes log text safe for a terminal: control characters and escape sequences are shown
/// as `\xNN`, never passed through.
public enum TerminalText {
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

  /// `s` cut to `width` columns, ending in `…` when cut.
  static func fit(_ s: String, _ width: Int) -> String {
    guard TerminalText.width(s) > width else { return s }
    guard width > 1 else { return String(repeating: "…", count: max(0, width)) }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: s.unicodeScalars.prefix(width - 1))
    return String(out) + "…"
  }

  /// Wraps words to `width` columns, each line starting with `indent` (lines after the first
  /// with `hanging` when given, so a wrapped item keeps its indent); log text is made safe.
  static func wrap(_ s: String, width: Int, indent: String, hanging: String? = nil) -> String {
    var out = ""
    var line = ""
    var current = indent
    for word in safe(s).split(separator: " ", omittingEmptySubsequences: true) {
      let limit = max(20, width - current.count)
      if !line.isEmpty, TerminalText.width(line) + 1 + word.unicodeScalars.count > limit {
        out += current + line + "\n"
        line = ""
        current = hanging ?? indent
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { out += current + line + "\n" }
    return out
  }

  /// A reply shown as an example: literal `\n` sequences (Exim writes multi-line replies so)
  /// and runs of spaces become one space, and a text longer than `limit` is cut at the last
  /// word boundary before it, ending in `…`.
  static func excerpt(_ s: String, _ limit: Int) -> String {
    let flat = s.replacing("\\n", with: " ").split(separator: " ", omittingEmptySubsequences: true)
      .joined(separator: " ")
    guard flat.count > limit else { return flat }
    let head = flat.prefix(limit)
    let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
    return String(cut) + " …"
  }
}

/// ANSI styles for the text report; applied only when colour is on.
enum TerminalStyle: String {
  case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", cyan = "36"

  /// `s` wrapped in this style's escape sequence when `enabled`, else `s` unchanged.
  func paint(_ s: String, _ enabled: Bool) -> String {
    enabled && !s.isEmpty ? "\u{1B}[\(rawValue)m\(s)\u{1B}[0m" : s
  }

  /// Red when `n > 0` (failures), else none.
  static func failure(_ n: Int) -> TerminalStyle? { n > 0 ? .red : nil }
  /// Yellow when `n > 0` (deferrals), else none.
  static func warning(_ n: Int) -> TerminalStyle? { n > 0 ? .yellow : nil }
  /// Green from 95% delivered, yellow from 80%, red below.
  static func delivery(_ rate: Double?) -> TerminalStyle? {
    guard let rate else { return nil }
    return rate >= 0.95 ? .green : rate >= 0.8 ? .yellow : .red
  }
  /// Colour of a hygiene level.
  static func level(_ level: String) -> TerminalStyle? {
    switch level {
    case "high": .red
    case "watch": .yellow
    case "ok": .green
    default: nil
    }
  }
}
