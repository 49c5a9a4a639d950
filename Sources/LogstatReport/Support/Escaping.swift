/// Escapes log text for HTML text and attribute values: `& < > " '` become entities and
/// control characters are shown as `\xNN`, so nothing from a log can open a tag or a script.
enum HTMLText {
  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for u in TerminalText.safe(s).unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(u)
      }
    }
    return out
  }
}

/// Escapes log text for a Markdown table cell: nothing in it can end the cell, start code,
/// emphasis, a link or raw HTML.
enum MarkdownText {
  static func escape(_ s: String) -> String {
    var out = ""
    for u in TerminalText.safe(s).unicodeScalars {
      switch u {
      case "\\", "|", "`", "*", "_", "[", "]", "#", "~": out += "\\" + String(u)
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      default: out.unicodeScalars.append(u)
      }
    }
    return out
  }
}

/// One CSV field per RFC 4180, made safe for spreadsheets: a cell beginning with `=`, `+`,
/// `-`, `@`, tab or CR gets a leading `'` so it is never read as a formula.
enum CSVText {
  static func field(_ s: String) -> String {
    var text = s
    if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      text = "'" + s
    }
    text = TerminalText.safe(text)
    let needsQuotes =
      text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
      || text.first == " " || text.last == " "
    guard needsQuotes else { return text }
    var out = "\""
    for c in text.unicodeScalars {
      if c == "\"" { out += "\"\"" } else { out.unicodeScalars.append(c) }
    }
    return out + "\""
  }

  /// One record: fields joined by commas, ended by CRLF.
  static func record(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }
}

/// Prometheus exposition format: label values escape `\`, `"` and newline; control bytes
/// (ESC, BEL, NUL, C1, bidi overrides) are first shown as `\xNN` as every other writer does,
/// so a `cat` or `curl` of the file can never drive a terminal.
enum PromText {
  static func label(_ s: String) -> String {
    var out = ""
    for u in TerminalText.safe(s).unicodeScalars {
      switch u {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      default: out.unicodeScalars.append(u)
      }
    }
    return out
  }
}
