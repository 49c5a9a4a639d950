/// A plain text table with aligned columns (text left, numbers right) that fits a width by
/// cutting its widest text columns, and colours cells only when asked.
struct TextTable {
  enum Align { case left, right }

  var headers: [String]
  var aligns: [Align]
  var rows: [[String]] = []
  var styles: [[TerminalStyle?]] = []
  /// Columns that may be left out, first first, when the table cannot fit otherwise.
  var droppable: [Int] = []

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
  /// Narrowest the first column (the row's name) is cut to while another column can give.
  static let minimumFirstWidth = 24

  /// The row's name keeps up to this width while a droppable column can be left out instead.
  static let wantedFirstWidth = 36

  /// Text columns are first cut no narrower than this; only then are columns left out.
  static let comfortableTextWidth = 12

  /// Column widths (nil for a column left out) that fit `width` where possible: the widest
  /// text columns are cut to a comfortable width, then droppable columns are left out, then
  /// text columns are cut further.
  func widths(indent: Int, width: Int) -> [Int?] {
    var shown = Set(headers.indices)
    var widths = cutWidths(indent: indent, width: width, shown: shown, floor: TextTable.comfortableTextWidth)
    // The row's name is what a reader looks for: columns are left out before it is cut below
    // its natural width (up to `wantedFirstWidth`).
    var natural = TerminalText.width(headers.first ?? "")
    for row in rows where !row.isEmpty { natural = max(natural, TerminalText.width(row[0])) }
    let wantedFirst = min(natural, TextTable.wantedFirstWidth)
    func tooTight() -> Bool {
      fullWidth(widths, indent: indent, width: width, shown: shown) > width
        || (!widths.isEmpty && widths[0] < wantedFirst)
    }
    for k in droppable where tooTight() {
      shown.remove(k)
      widths = cutWidths(indent: indent, width: width, shown: shown, floor: TextTable.comfortableTextWidth)
    }
    if fullWidth(widths, indent: indent, width: width, shown: shown) > width {
      widths = cutWidths(indent: indent, width: width, shown: shown, floor: TextTable.minimumTextWidth)
    }
    return widths.indices.map { shown.contains($0) ? widths[$0] : nil }
  }

  /// Width of the table with `widths` over the `shown` columns.
  func fullWidth(_ widths: [Int], indent: Int, width: Int, shown: Set<Int>) -> Int {
    indent + shown.map { widths[$0] }.reduce(0, +)
      + separator(indent: indent, width: width).count * max(0, shown.count - 1)
  }

  /// Natural widths of the `shown` columns, text columns cut to fit where they can be.
  func cutWidths(indent: Int, width: Int, shown: Set<Int>, floor: Int) -> [Int] {
    var widths = headers.map { TerminalText.width($0) }
    for row in rows {
      for (k, cell) in row.enumerated() where k < widths.count {
        widths[k] = max(widths[k], TerminalText.width(cell))
      }
    }
    var excess = fullWidth(widths, indent: indent, width: width, shown: shown) - width
    // Cut the widest text column one column at a time, so cuts spread over wide columns; the
    // first column names the row, so it keeps `minimumFirstWidth` until nothing else can give.
    while excess > 0 {
      func shrinkable(firstFloor: Int) -> [Int] {
        widths.indices.filter {
          shown.contains($0) && aligns[$0] == .left
            && widths[$0] > ($0 == 0 ? firstFloor : floor)
        }
      }
      var candidates = shrinkable(firstFloor: max(floor, TextTable.minimumFirstWidth))
      if candidates.isEmpty { candidates = shrinkable(firstFloor: floor) }
      guard let widest = candidates.max(by: { (widths[$0], $1) < (widths[$1], $0) }) else { break }
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
      let lastShown = widths.lastIndex { $0 != nil }
      for (k, raw) in cells.enumerated() where k < widths.count {
        guard let w = widths[k] else { continue }
        let cell = TerminalText.fit(raw, w)
        let pad = String(repeating: " ", count: max(0, w - TerminalText.width(cell)))
        let last = k == lastShown
        let painted = (k < styles.count ? styles[k] : nil)?.paint(cell, color) ?? cell
        parts.append(aligns[k] == .right ? pad + painted : (last ? painted : painted + pad))
      }
      // No trailing spaces (an empty last cell, padding): they show in mail and diffs.
      var text = indent + parts.joined(separator: separator)
      while text.last == " " { text.removeLast() }
      out += text + "\n"
    }
    line(headers, styles: headers.map { _ in TerminalStyle.bold })
    line(widths.map { String(repeating: "-", count: $0 ?? 0) }, styles: [])
    for (k, row) in rows.enumerated() { line(row, styles: styles[k]) }
    return out
  }
}
