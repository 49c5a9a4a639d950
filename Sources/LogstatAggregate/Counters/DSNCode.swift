import LogstatCodes

/// Enhanced status codes as the counts key them: packed into one integer
/// (c * 1_000_000 + s * 1_000 + d, see `EnhancedPacked`), so counting by code needs no `String`.
///
/// Parses nothing from log bytes: scanned lines carry the code already parsed
/// (`ScannedLine.enhancedCode`, by `SMTPCodeParser`).
public enum DSNCode {
  /// `5.7.1` from a packed code.
  public static func string(_ packed: UInt32) -> String { EnhancedPacked.string(packed) }

  /// Packs from a string such as `5.7.1` (tests, merging saved reports); 0 when it is not one.
  public static func pack(_ s: String) -> UInt32 { EnhancedPacked.pack(s) }
}
