/// A plain text table with aligned columns (text left, numbers right) that fits a width by
/// cutting its widest text columns, and colours cells only when asked.
struct TextTable {
  enum Align { case left, right }

  var headers: [String]
  var aligns: [Align]
  var rows: [[String]] = []
  var styles: [[TerminalStyle?]] = []

  init(_ columns: [(String, Align)]) {
    headers = columns.map { $0.0 }
    aligns = columns.map { $0.1 }
  }

  /// Adds a row; log text in it is made terminal-safe. `styles` colour cells (by column).
  mutating func add(_ row: [String], styles: [TerminalStyle?] = []) {
    rows.append(row.map(TerminalText.safe))
    self.styles.append(styles)
  }

  /// Narrowest a text column is cut to.
  static let minimumTextWidth = 8

  /// Column widths: natural widths, with the widest text columns cut until the table fits.
  func widths(indent: Int, width: Int) -> [Int] {
    var widths = headers.map { TerminalText.width($0) }
    for row in rows {
      for (k, cell) in row.enumerated() where k < widths.count {
        widths[k] = max(widths[k], TerminalText.width(cell))
      }
    }
    var excess = indent + widths.reduce(0, +) + separator(indent: indent, width: width).count * max(0, widths.count - 1) - width
    // Cut the widest text column one column at a time, so cuts spread over wide columns; the
    // first column names the row, so it is cut only when no other can be.
    while excess > 0 {
      var shrinkable = widths.indices.dropFirst().filter {
        aligns[$0] == .left && widths[$0] > TextTable.minimumTextWidth
      }
      if shrinkable.isEmpty, aligns.first == .left, widths[0] > TextTable.minimumTextWidth {
        shrinkable = [0]
      }
      guard let widest = shrinkable.max(by: { (widths[$0], $1) < (widths[$1], $0) }) else { break }
      widths[widest] -= 1
      excess -= 1
    }
    return widths
  }

  /// Two spaces between columns, or one when the table would not fit otherwise.
  func separator(indent: Int, width: Int) -> String {
    var natural = headers.map { TerminalText.width($0) }
    for row in rows {
      for (k, cell) in row.enumerated() where k < natural.count {
        natural[k] = max(natural[k], TerminalText.width(cell))
      }
    }
    return indent + natural.reduce(0, +) + 2 * max(0, natural.count - 1) > width ? " " : "  "
  }

  func rendered(indent: String = "  ", width: Int = Int.max, color: Bool = false) -> String {
    let widths = widths(indent: indent.count, width: width)
    let separator = separator(indent: indent.count, width: width)
    var out = ""
    func line(_ cells: [String], styles: [TerminalStyle?]) {
      var parts: [String] = []
      for (k, raw) in cells.enumerated() where k < widths.count {
        let cell = TerminalText.fit(raw, widths[k])
        let pad = String(repeating: " ", count: max(0, widths[k] - TerminalText.width(cell)))
        let last = k == cells.count - 1
        let painted = (k < styles.count ? styles[k] : nil)?.paint(cell, color) ?? cell
        parts.append(aligns[k] == .right ? pad + painted : (last ? painted : painted + pad))
      }
      out += indent + parts.joined(separator: separator) + "\n"
    }
    line(headers, styles: headers.map { _ in TerminalStyle.bold })
    line(widths.map { String(repeating: "-", count: $0) }, styles: [])
    for (k, row) in rows.enumerated() { line(row, styles: styles[k]) }
    return out
  }
}
