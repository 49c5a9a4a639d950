/// Writes the addresses that hard-bounced, for removal from mailing lists: one per line,
/// sorted by bytes, without repeats, and without anything a log could smuggle in (addresses
/// holding spaces or control characters are left out).
public enum SuppressionList {
  /// The file's text: one address per line.
  public static func render(_ addresses: some Sequence<String>) -> String {
    let clean = Set(
      addresses.filter { a in
        !a.isEmpty && !a.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7f }
      })
    return clean.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
      .map { $0 + "\n" }.joined()
  }
}
