/// Finds the SMTP codes inside a reply text: the basic code (`550`) and the enhanced status
/// code written after it (`5.7.1`, also `#5.1.0`).
enum ReplyCodes {
  /// Sets `line.replyCode` and `line.textDSN` from `line.replyText`.
  static func read(_ b: UnsafeRawBufferPointer, into line: inout ScannedLine) {
    let text = line.replyText
    guard !text.isEmpty else { return }
    // Candidates: the text start, and right after each ": " (Postfix "host h[ip] said: 550 ...").
    var i = text.start
    let limit = Swift.min(text.end, text.start + 512)
    while i < limit {
      if let code = basicCode(b, i, text.end) {
        line.replyCode = code
        line.textDSN = enhancedCode(b, i + 4, text.end)
        return
      }
      // A bare enhanced code (cleanup "5.7.1 Message content rejected").
      if i == text.start, b.isDigit(i), i + 1 < text.end, b[i + 1] == Ch.dot {
        let dsn = enhancedCode(b, i, text.end)
        if !dsn.isEmpty {
          line.textDSN = dsn
          return
        }
      }
      guard let colon = b.find(": ", from: i, to: limit) else { return }
      i = colon + 2
    }
  }

  /// `[245]NN` followed by space, `-` or the end.
  static func basicCode(_ b: UnsafeRawBufferPointer, _ i: Int, _ end: Int) -> Int? {
    guard i + 3 <= end else { return nil }
    let c = b.digits(i, 3)
    guard c >= 200, c < 600 else { return nil }
    if i + 3 == end { return c }
    let next = b[i + 3]
    return next == Ch.space || next == Ch.dash ? c : nil
  }

  /// `N.NNN.NNN` at `i` (optionally after `#`), followed by a non-digit; empty span if none.
  static func enhancedCode(_ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Span {
    var i = start
    if i < end, b[i] == UInt8(ascii: "#") { i += 1 }
    guard i + 5 <= end, b.isDigit(i), b[i + 1] == Ch.dot else { return .none }
    let klass = b[i] &- Ch.zero
    guard klass == 2 || klass == 4 || klass == 5 else { return .none }
    var j = i + 2
    let subject = j
    while j < end, b.isDigit(j) { j += 1 }
    guard j > subject, j - subject <= 3, j < end, b[j] == Ch.dot else { return .none }
    j += 1
    let detail = j
    while j < end, b.isDigit(j) { j += 1 }
    guard j > detail, j - detail <= 3 else { return .none }
    return Span(i, j)
  }
}
