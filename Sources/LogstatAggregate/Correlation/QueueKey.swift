/// A Postfix queue ID or Exim message ID packed into 24 bytes: exact for IDs up to 24 bytes
/// (all real forms), so correlating needs no `String`.
struct QueueKey: Hashable, Sendable {
  var a: UInt64 = 0
  var b: UInt64 = 0
  var c: UInt64 = 0

  init(_ bytes: UnsafeRawBufferPointer) {
    var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
    let n = Swift.min(bytes.count, 24)
    withUnsafeMutableBytes(of: &words) { w in
      for k in 0..<n { w[k] = bytes[k] }
    }
    a = words.0
    b = words.1
    c = words.2
    if bytes.count > 24 {
      // Longer than any real ID: fold the rest in so distinct IDs stay distinct in practice.
      c ^= Interner.hash(UnsafeRawBufferPointer(rebasing: bytes[24...]))
    }
  }
}
