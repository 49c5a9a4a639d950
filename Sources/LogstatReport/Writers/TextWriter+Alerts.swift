extension TextWriter {
  /// The alerts section, shown first: one line per alert, then its example reply and advice.
  static func alerts(_ rows: [AlertRow]) -> String {
    var out = "ALERTS (\(rows.count))\n"
    for a in rows {
      out += "  ! \(TerminalText.safe(a.message))\n"
      if let example = a.example {
        out += "      e.g. \(TerminalText.safe(String(example.prefix(160))))\n"
      }
      if let advice = a.advice { out += "      \(advice)\n" }
    }
    return out
  }
}
