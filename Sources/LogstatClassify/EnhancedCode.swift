/// An RFC 3463 enhanced status code, `class.subject.detail` (e.g. 5.7.509).
///
/// Stored in three small integers so that it is cheap to hash, sort and count.
public struct EnhancedCode: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
  /// 2 (success), 4 (persistent transient failure) or 5 (permanent failure).
  public let klass: UInt8
  /// 0...7: address, mailbox, mail system, network, protocol, content, security.
  public let subject: UInt16
  /// Detail within the subject (0...999).
  public let detail: UInt16

  /// Makes a code from its parts; returns nil outside the ranges RFC 3463 allows.
  public init?(klass: Int, subject: Int, detail: Int) {
    guard klass == 2 || klass == 4 || klass == 5, (0...7).contains(subject),
      (0...999).contains(detail)
    else { return nil }
    self.klass = UInt8(klass)
    self.subject = UInt16(subject)
    self.detail = UInt16(detail)
  }

  /// Parses exactly `d.d{1,3}.d{1,3}` from bytes (e.g. the value of a `dsn=` field).
  ///
  /// - Complexity: O(n) in the byte count, no allocation.
  public init?(bytes: UnsafeRawBufferPointer) {
    guard let (code, length) = EnhancedCode.scan(bytes, from: 0), length == bytes.count
    else { return nil }
    self = code
  }

  /// Parses a code from a string such as "5.1.1"; for tests and the command line.
  public init?(_ text: String) {
    var text = text
    guard let code = text.withUTF8({ EnhancedCode(bytes: UnsafeRawBufferPointer($0)) })
    else { return nil }
    self = code
  }

  /// The code as written in replies: "5.7.509".
  public var description: String { "\(klass).\(subject).\(detail)" }

  /// True for 4.x.x codes: the sender's MTA will retry.
  public var isTransient: Bool { klass == 4 }

  /// True when the detail is 0 ("other or undefined"): the code says little by itself.
  public var isGeneric: Bool { detail == 0 }

  /// Orders by class, then subject, then detail.
  public static func < (lhs: EnhancedCode, rhs: EnhancedCode) -> Bool {
    (lhs.klass, lhs.subject, lhs.detail) < (rhs.klass, rhs.subject, rhs.detail)
  }

  /// Reads a code starting at `start`: one class digit, '.', 1-3 digits, '.', 1-3 digits.
  ///
  /// Returns the code and how many bytes it spans; does not look at what surrounds it.
  @inlinable
  static func scan(_ bytes: UnsafeRawBufferPointer, from start: Int) -> (EnhancedCode, Int)? {
    let end = bytes.count
    var i = start
    guard start >= 0, start + 5 <= end else { return nil }  // shortest form is "5.1.1"
    let k = Int(bytes[i]) &- 48
    guard k == 2 || k == 4 || k == 5 else { return nil }
    i += 1
    var parts = (0, 0)
    for part in 0..<2 {
      guard i < end, bytes[i] == UInt8(ascii: ".") else { return nil }
      i += 1
      var value = 0
      var digits = 0
      while i < end, digits < 4 {
        let d = Int(bytes[i]) &- 48
        guard d >= 0, d <= 9 else { break }
        value = value * 10 + d
        digits += 1
        i += 1
      }
      guard digits >= 1, digits <= 3 else { return nil }
      if part == 0 { parts.0 = value } else { parts.1 = value }
    }
    guard let code = EnhancedCode(klass: k, subject: parts.0, detail: parts.1) else { return nil }
    return (code, i - start)
  }
}
