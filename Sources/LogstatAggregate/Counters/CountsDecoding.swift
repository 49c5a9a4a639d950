import LogstatClassify
import LogstatKinds

/// Limits every decoded count is checked against, so that no merge or report sum can overflow
/// however a saved file was edited.
public enum CountsLimits {
  /// The largest single count: 2^48, far beyond any real log.
  public static let largestCount = 1 << 48
  /// The largest sum of all counts decoded under one `CountsTally`: 2^60.
  public static let largestTotal = 1 << 60
  /// Epoch seconds allowed for times: years 1 to 9999.
  public static let epochRange: ClosedRange<Int64> = -62_135_596_800...253_402_300_799
  /// Hours since the epoch allowed for hour keys (the same years).
  public static let hourRange: ClosedRange<Int64> = (epochRange.lowerBound / 3600)...(epochRange.upperBound / 3600)
}

/// The running sum of the counts decoded while it is `current`: decoding refuses a value that
/// takes it past `CountsLimits.largestTotal`. Set it around a decode with
/// `CountsTally.$current.withValue(tally) { ... }`; read `total` afterwards.
public final class CountsTally: @unchecked Sendable {
  // Safe because: a tally is only touched by the one synchronous decode it is current for.
  public private(set) var total = 0
  @TaskLocal public static var current: CountsTally?

  public init() {}

  /// Adds `n`; throws naming `path` when the sum passes the limit.
  static func add(_ n: Int, at path: [any CodingKey]) throws {
    guard let t = current else { return }
    t.total = t.total.addingSaturated(n)
    guard t.total <= CountsLimits.largestTotal else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: path, debugDescription: "the counts add up to more than 2^60, more than logstat can sum"))
    }
  }
}

extension KeyedDecodingContainer {
  /// A count: a whole number in 0...`max`, added to the current `CountsTally`.
  func count(_ key: Key, max: Int = CountsLimits.largestCount) throws -> Int {
    guard contains(key) else {
      throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
    }
    let n: Int
    do {
      n = try decode(Int.self, forKey: key)
    } catch {
      // Any failure to read a whole number (a fraction, a string, a number past Int: some
      // decoders report those without a path) is this path's.
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self, debugDescription: "expected a non-negative integer")
    }
    guard n >= 0 else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self, debugDescription: "expected a non-negative integer, found \(n)")
    }
    guard n <= max else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self, debugDescription: "\(n) is more than the largest count allowed, \(max)")
    }
    try CountsTally.add(n, at: codingPath + [key])
    return n
  }

  /// A count that reports of older versions leave out: 0 when absent.
  func optionalCount(_ key: Key) throws -> Int {
    try contains(key) ? count(key) : 0
  }

  /// An epoch time in years 1...9999, or nil (null or absent).
  func epoch(_ key: Key) throws -> Int64? {
    guard contains(key), try !decodeNil(forKey: key) else { return nil }
    guard let t = try? decode(Int64.self, forKey: key), CountsLimits.epochRange.contains(t) else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self, debugDescription: "expected epoch seconds in years 1 to 9999, or null")
    }
    return t
  }

  /// A whole number in `range` that is not a count (a code, a key).
  func number<T: FixedWidthInteger & Decodable>(_ key: Key, in range: ClosedRange<T>, _ what: String) throws -> T {
    guard let v = try? decode(T.self, forKey: key), range.contains(v) else {
      if !contains(key) {
        throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
      }
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self, debugDescription: "expected \(what) (\(range.lowerBound)...\(range.upperBound))")
    }
    return v
  }

  /// A name from a fixed set (`Reason`, `Provider`, `Blocklist`...), by its raw value.
  func named<T: RawRepresentable>(_ key: Key, _ what: String) throws -> T where T.RawValue == String {
    let raw = try decode(String.self, forKey: key)
    guard let v = T(rawValue: raw) else {
      throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "unknown \(what) `\(raw)`")
    }
    return v
  }
}

extension UnkeyedDecodingContainer {
  /// The next element as a count (see `KeyedDecodingContainer.count`).
  mutating func count(max: Int = CountsLimits.largestCount) throws -> Int {
    let path = codingPath + [CountsIndexKey(currentIndex)]
    let n: Int
    do {
      n = try decode(Int.self)
    } catch {
      // Any failure to read a whole number (a fraction, a string, a number past Int: some
      // decoders report those without a path) is this path's.
      throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "expected a non-negative integer"))
    }
    guard n >= 0 else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: path, debugDescription: "expected a non-negative integer, found \(n)"))
    }
    guard n <= max else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: path, debugDescription: "\(n) is more than the largest count allowed, \(max)"))
    }
    try CountsTally.add(n, at: path)
    return n
  }

  /// The next element: a whole number in `range` that is not a count (an hour, a bucket).
  mutating func number<T: FixedWidthInteger & Decodable>(in range: ClosedRange<T>, _ what: String) throws -> T {
    let path = codingPath + [CountsIndexKey(currentIndex)]
    guard let v = try? decode(T.self), range.contains(v) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: path, debugDescription: "expected \(what) (\(range.lowerBound)...\(range.upperBound))"))
    }
    return v
  }

  /// The next element: a name from a fixed set, by its raw value.
  mutating func named<T: RawRepresentable>(_ what: String) throws -> T where T.RawValue == String {
    let path = codingPath + [CountsIndexKey(currentIndex)]
    let raw = try decode(String.self)
    guard let v = T(rawValue: raw) else {
      throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "unknown \(what) `\(raw)`"))
    }
    return v
  }

  /// Throws unless the array held exactly `n` elements (call after decoding them).
  func expectEnd(_ n: Int, _ what: String) throws {
    guard isAtEnd, count == n else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: codingPath, debugDescription: "expected \(n) elements (\(what)), found \(count.map(String.init) ?? "more")"))
    }
  }
}

/// An array index in a coding path (`[3]`).
struct CountsIndexKey: CodingKey {
  var intValue: Int?
  var stringValue: String { "Index \(intValue ?? 0)" }
  init(_ index: Int) { intValue = index }
  init?(intValue: Int) { self.intValue = intValue }
  init?(stringValue: String) { nil }
}

/// A key made at run time (reason names, event names as object keys).
struct CountsNameKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ s: String) { stringValue = s }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer {
  /// A count in 0...2^48, added to the current `CountsTally`, for values outside the counts
  /// that a saved report also sums (its file rows); 0 when absent.
  public func decodeCountIfPresent(_ key: Key) throws -> Int { try optionalCount(key) }
}
