/// Meaning of a packed enhanced status code; filled from the classifier's RFC 3463 table.
enum EnhancedMeaning {
  static func text(_ packed: UInt32) -> String { "" }
}
