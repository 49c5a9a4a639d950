import LogstatCodes

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
    // Safe because: the parser reads the string's bytes only inside the closure.
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

  /// The code of a packed value (`EnhancedPacked`), nil for 0 or a value outside the ranges.
  public init?(packed: UInt32) {
    guard packed != 0 else { return nil }
    self.init(
      klass: Int(EnhancedPacked.klass(packed)), subject: Int(EnhancedPacked.subject(packed)),
      detail: Int(EnhancedPacked.detail(packed)))
  }

  /// The code packed as the counts and scanned lines keep it (`EnhancedPacked`).
  public var packed: UInt32 {
    EnhancedPacked.pack(klass: UInt32(klass), subject: UInt32(subject), detail: UInt32(detail))
  }

  /// Reads a code starting at `start` with `SMTPCodeParser.enhanced` (the one grammar the
  /// scanner and the counts use too): one class digit, '.', 1-3 digits, '.', 1-3 digits.
  ///
  /// Returns the code and how many bytes it spans; does not look at what precedes it.
  @inlinable
  static func scan(_ bytes: UnsafeRawBufferPointer, from start: Int) -> (EnhancedCode, Int)? {
    guard let (packed, length) = SMTPCodeParser.enhanced(bytes, at: start, end: bytes.count),
      let code = EnhancedCode(packed: packed)
    else { return nil }
    return (code, length)
  }
}
