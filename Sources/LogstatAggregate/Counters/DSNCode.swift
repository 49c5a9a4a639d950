import LogstatScan

/// Packs an enhanced status code `c.s.d` into one integer (c * 1_000_000 + s * 1_000 + d),
/// so counting by code needs no `String`.
public enum DSNCode {
  /// The packed code of the text at `span`, or 0 when it is not `d.d{1,3}.d{1,3}`.
  public static func pack(_ b: UnsafeRawBufferPointer, _ span: Span) -> UInt32 {
    guard span.count >= 5 else { return 0 }
    var parts: (UInt32, UInt32, UInt32) = (0, 0, 0)
    var which = 0
    var digits = 0
    for i in span.start..<span.end {
      let c = b[i]
      if c == UInt8(ascii: ".") {
        guard digits > 0, which < 2 else { return 0 }
        which += 1
        digits = 0
        continue
      }
      let d = c &- UInt8(ascii: "0")
      guard d < 10, digits < 3 else { return 0 }
      digits += 1
      switch which {
      case 0: parts.0 = parts.0 * 10 + UInt32(d)
      case 1: parts.1 = parts.1 * 10 + UInt32(d)
      default: parts.2 = parts.2 * 10 + UInt32(d)
      }
    }
    guard which == 2, digits > 0, parts.0 == 2 || parts.0 == 4 || parts.0 == 5 else { return 0 }
    return parts.0 * 1_000_000 + parts.1 * 1_000 + parts.2
  }

  /// `5.7.1` from a packed code.
  public static func string(_ packed: UInt32) -> String {
    "\(packed / 1_000_000).\(packed / 1_000 % 1_000).\(packed % 1_000)"
  }

  /// Packs from a string (tests, merging).
  public static func pack(_ s: String) -> UInt32 {
    var s = s
    return s.withUTF8 { u in
      let b = UnsafeRawBufferPointer(u)
      return pack(b, Span(0, b.count))
    }
  }
}
