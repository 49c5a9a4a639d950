import LogstatCodes

/// Finds the SMTP codes inside a reply text: the basic code (`550`) and the enhanced status
/// code written after it (`5.7.1`, also `#5.1.0`).
///
/// Where to look is decided here; what a code is, by `SMTPCodeParser` (the same grammar the
/// classifier and the counts use).
enum ReplyCodes {
  /// How far into a reply text codes are looked for.
  static let searchLimit = 512
  /// `": "`, after which a quoted reply starts (Postfix `host h[ip] said: 550 ...`).
  static let replySeparator: StaticString = ": "

  /// Sets `line.replyCode`, `line.textDSN` and `line.enhancedCode` from `line.replyText`.
  static func read(_ b: UnsafeRawBufferPointer, into line: inout ScannedLine) {
    let text = line.replyText
    guard !text.isEmpty else { return }
    // Candidates: the text start, and right after each ": " (Postfix "host h[ip] said: 550 ...").
    var i = text.start
    let limit = Swift.min(text.end, text.start + searchLimit)
    while i < limit {
      if let code = basicCode(b, i, text.end) {
        line.replyCode = Int(code)
        (line.textDSN, line.enhancedCode) = enhancedCode(b, i + SMTPCodeParser.basicLength + 1, text.end)
        return
      }
      // A bare enhanced code (cleanup "5.7.1 Message content rejected").
      if i == text.start, b.isDigit(i) {
        let (span, packed) = enhancedCode(b, i, text.end)
        if packed != 0 {
          (line.textDSN, line.enhancedCode) = (span, packed)
          return
        }
      }
      guard let colon = b.find(replySeparator, from: i, to: limit) else { return }
      i = colon + replySeparator.utf8CodeUnitCount
    }
  }

  /// A basic code at `i` followed by space, `-` or the end.
  static func basicCode(_ b: UnsafeRawBufferPointer, _ i: Int, _ end: Int) -> UInt16? {
    guard let c = SMTPCodeParser.basic(b, at: i, end: end) else { return nil }
    let after = i + SMTPCodeParser.basicLength
    if after == end { return c }
    let next = b[after]
    return next == Ch.space || next == Ch.dash ? c : nil
  }

  /// An enhanced code at `start` (optionally after `#`): its span and packed value, or
  /// (`.none`, 0) if none.
  static func enhancedCode(_ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> (Span, UInt32) {
    var i = start
    if i < end, b[i] == UInt8(ascii: "#") { i += 1 }
    guard let (packed, length) = SMTPCodeParser.enhanced(b, at: i, end: end) else { return (.none, 0) }
    return (Span(i, i + length), packed)
  }
}
