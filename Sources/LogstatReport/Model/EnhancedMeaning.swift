import LogstatClassify

/// Meaning of a packed enhanced status code, from the classifier's RFC 3463 table.
enum EnhancedMeaning {
  static func text(_ packed: UInt32) -> String {
    guard
      let code = EnhancedCode(
        klass: Int(packed / 1_000_000), subject: Int(packed / 1_000 % 1_000),
        detail: Int(packed % 1_000))
    else { return "" }
    return code.meaning
  }
}
