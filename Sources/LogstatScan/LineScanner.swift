import LogstatKinds

/// Scans one log line (without its newline) into a reused `ScannedLine`.
///
/// Byte-level and allocation-free: the result holds spans into `line`, valid while its
/// buffer is. Postfix and Exim are told apart per line, so one run may mix them.
public enum LineScanner {
  /// Fills `out` from `line` and returns its kind.
  /// - Complexity: O(n) in the line length.
  @discardableResult
  public static func scan(_ line: UnsafeRawBufferPointer, into out: inout ScannedLine) -> LineKind {
    out.reset()
    var b = line
    // Tolerate CRLF endings.
    // Safe because: a view of the caller's buffer one byte shorter; it lives no longer than `b`.
    if let last = b.last, last == Ch.cr { b = UnsafeRawBufferPointer(rebasing: b.dropLast()) }
    guard let header = LineHeader.parse(b, into: &out) else {
      out.kind = .notMail
      return .notMail
    }
    switch header.program {
    case .postfix:
      PostfixScanner.scan(b, header.bodyStart, into: &out)
    case .exim:
      EximScanner.scan(b, header.bodyStart, into: &out)
    case .other:
      out.kind = .notMail
    }
    if !out.replyText.isEmpty { ReplyCodes.read(b, into: &out) }
    if out.fieldDSN != 0 { out.enhancedCode = out.fieldDSN }
    return out.kind
  }
}
