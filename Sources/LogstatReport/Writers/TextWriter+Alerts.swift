extension TextWriter {
  /// The alerts section, shown first: each alert's message, then its example reply and advice,
  /// wrapped to the report width.
  static func alerts(_ rows: [AlertRow], _ o: ReportOptions) -> String {
    var out = TerminalStyle.bold.paint("ALERTS (\(rows.count))", o.color) + "\n"
    for a in rows {
      let message = TerminalText.wrap("! " + a.message, width: o.width, indent: "  ", hanging: "    ")
      out += TerminalStyle.red.paint(String(message.dropLast()), o.color) + "\n"
      if let example = a.example {
        out += TerminalText.wrap(
          "e.g. " + TerminalText.excerpt(example, 160), width: o.width, indent: "      ", hanging: "           ")
      }
      if let advice = a.advice { out += TerminalText.wrap(advice, width: o.width, indent: "      ") }
    }
    return out
  }
}
