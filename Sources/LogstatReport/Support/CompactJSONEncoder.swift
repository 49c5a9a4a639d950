/// Encodes an `Encodable` value as compact JSON with sorted keys, written straight into bytes.
///
/// The output is byte for byte what Foundation's `JSONEncoder` with `[.sortedKeys,
/// .withoutEscapingSlashes]` writes (keys sorted by their UTF-8 bytes, integers in decimal,
/// `\b \f \n \r \t` and `\u00xx` for other control characters), except that DEL, the C1
/// controls and U+2028/2029 are escaped too, as `JSON.quote` escapes them: log text reaches
/// terminals. Why our own: the `counts` block of a large report is thousands of entries, and
/// `JSONEncoder` built a value tree for each, serialised it to `Data`, and the escapes took a
/// second pass (two thirds of the JSON report's instructions). Here a value is written as its
/// `encode(to:)` runs; an object's entries are reordered in place only when they came out of
/// key order (a value that adds keys to its container in two calls, like `DomainEntry`).
///
/// Containers must be used the way `encode(to:)` implementations do: a nested container is
/// finished before its parent writes again (a container used after a later sibling started
/// throws `EncodingError.invalidValue`). `superEncoder()` is not supported (it throws).
public struct CompactJSONEncoder {
  public init() {}

  /// `value` as compact JSON text.
  public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
    let out = CompactJSONOutput()
    try out.value(value, depth: 0, path: [])
    out.close(to: 0)
    return out.bytes
  }

  /// `value` as compact JSON text, as a `String`.
  public func string<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try encode(value), as: UTF8.self)
  }
}

/// The bytes written so far and the containers still open, innermost last.
final class CompactJSONOutput {
  var bytes: [UInt8] = []
  var frames: [Frame] = []
  private var nextID = 0
  /// The keys of the open objects' entries and the offset of each entry's opening quote, one
  /// stack for all (an object's are `frame.firstEntry...`; an inner object's are popped when
  /// it closes, before its parent adds more): no arrays per object.
  private var keys: [String] = []
  private var entryStarts: [Int] = []
  private var scratch: [UInt8] = []

  struct Frame {
    let id: Int
    let isObject: Bool
    /// Offset of the opening bracket.
    let start: Int
    /// Object only: index of its first entry in `keys` and `entryStarts`.
    let firstEntry: Int
    var count = 0
    var inOrder = true
  }

  /// Objects whose entries came out of key order and were sorted when closed (tests check
  /// that the large ones, like every domain of the counts, need none).
  private(set) var reorderedObjects = 0

  init() { bytes.reserveCapacity(256) }

  /// Opens a container at `frames.count`; returns its id.
  func open(object: Bool) -> Int {
    nextID &+= 1
    frames.append(Frame(id: nextID, isObject: object, start: bytes.count, firstEntry: keys.count))
    bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
    return nextID
  }

  /// Closes every container from `depth` inwards (they are finished: an outer one writes).
  func close(to depth: Int) {
    while frames.count > depth {
      let f = frames.removeLast()
      if f.isObject {
        if !f.inOrder {
          sortEntries(f)
          reorderedObjects += 1
        }
        keys.removeSubrange(f.firstEntry...)
        entryStarts.removeSubrange(f.firstEntry...)
        bytes.append(UInt8(ascii: "}"))
      } else {
        bytes.append(UInt8(ascii: "]"))
      }
    }
  }

  /// True when `a` sorts before `b` by their UTF-8 bytes (`JSONEncoder`'s key order).
  static func precedes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in
      b.withUTF8 { y in
        for k in 0..<min(x.count, y.count) where x[k] != y[k] { return x[k] < y[k] }
        return x.count < y.count
      }
    }
  }

  /// Rewrites an object's entries in key order (they are contiguous, comma separated).
  private func sortEntries(_ f: Frame) {
    let end = bytes.count
    let first = f.firstEntry
    let n = keys.count - first
    // Insertion sort of the entry indices: a few dozen keys, mostly in runs already.
    var order = Array(0..<n)
    for i in 1..<max(n, 1) {
      let k = order[i]
      var j = i
      while j > 0, Self.precedes(keys[first + k], keys[first + order[j - 1]]) {
        order[j] = order[j - 1]
        j -= 1
      }
      order[j] = k
    }
    scratch.removeAll(keepingCapacity: true)
    for (m, k) in order.enumerated() {
      if m > 0 { scratch.append(UInt8(ascii: ",")) }
      let from = entryStarts[first + k]
      let to = k + 1 < n ? entryStarts[first + k + 1] - 1 : end
      scratch.append(contentsOf: bytes[from..<to])
    }
    bytes.replaceSubrange((f.start + 1)..<end, with: scratch)
  }

  /// Makes the container `id` at `depth` the innermost one, closing finished nested ones.
  func enter(_ depth: Int, _ id: Int, _ path: () -> [any CodingKey]) throws {
    close(to: depth + 1)
    guard frames.count == depth + 1, frames[depth].id == id else {
      throw EncodingError.invalidValue(
        (), .init(codingPath: path(), debugDescription: "a container was written after a later one had started"))
    }
  }

  /// Starts the entry `key` of the object `id` at `depth`: its value follows.
  func key(_ key: String, _ depth: Int, _ id: Int, _ path: () -> [any CodingKey]) throws {
    try enter(depth, id, path)
    if frames[depth].count > 0 { bytes.append(UInt8(ascii: ",")) }
    if frames[depth].count > 0, frames[depth].inOrder, !Self.precedes(keys[keys.count - 1], key) {
      frames[depth].inOrder = false
    }
    keys.append(key)
    entryStarts.append(bytes.count)
    frames[depth].count += 1
    string(key)
    bytes.append(UInt8(ascii: ":"))
  }

  /// Starts the next element of the array `id` at `depth`.
  func element(_ depth: Int, _ id: Int, _ path: () -> [any CodingKey]) throws {
    try enter(depth, id, path)
    if frames[depth].count > 0 { bytes.append(UInt8(ascii: ",")) }
    frames[depth].count += 1
  }

  /// Writes `v` as the value now due, its containers at `depth` and deeper.
  func value<T: Encodable>(_ v: T, depth: Int, path: [any CodingKey]) throws {
    // The scalars, by type identity (a pointer compare; no dynamic cast).
    if T.self == String.self { return string(unsafeBitCast(v, to: String.self)) }
    if T.self == Int.self { return int(Int64(unsafeBitCast(v, to: Int.self))) }
    if T.self == Bool.self { return literal(unsafeBitCast(v, to: Bool.self) ? "true" : "false") }
    if T.self == Int64.self { return int(unsafeBitCast(v, to: Int64.self)) }
    if T.self == UInt64.self { return unsigned(unsafeBitCast(v, to: UInt64.self)) }
    if T.self == Double.self { return try double(unsafeBitCast(v, to: Double.self), path) }
    let encoder = CompactValueEncoder(self, depth: depth, path: path)
    try v.encode(to: encoder)
    close(to: depth)
    // A value that encoded nothing is an empty object, as with `JSONEncoder`.
    if !encoder.wrote { literal("{}") }
  }

  func literal(_ s: StaticString) {
    s.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  func int(_ v: Int64) {
    if v < 0 {
      bytes.append(UInt8(ascii: "-"))
      unsigned(v.magnitude)
    } else {
      unsigned(UInt64(v))
    }
  }

  func unsigned(_ v: UInt64) {
    if v < 10 {
      bytes.append(UInt8(truncatingIfNeeded: v) &+ 0x30)
      return
    }
    // At most 20 digits, written backwards into 24 bytes on the stack.
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var n = v
    var count = 0
    // Safe because: a UInt64 has at most 20 decimal digits, so `23 - count` stays inside the
    // 24 bytes of `digits`, and the pointer is used only inside the closure.
    withUnsafeMutableBytes(of: &digits) { d in
      while n > 0 {
        d[23 - count] = UInt8(truncatingIfNeeded: n % 10) &+ 0x30
        n /= 10
        count += 1
      }
      bytes.append(contentsOf: d[(24 - count)..<24])
    }
  }

  /// As `JSONEncoder` writes a `Double`: a whole number without a fraction; nothing else
  /// in our encodings is a `Double`.
  func double(_ d: Double, _ path: [any CodingKey]) throws {
    guard d.isFinite else {
      throw EncodingError.invalidValue(d, .init(codingPath: path, debugDescription: "\(d) is not valid JSON"))
    }
    if d == d.rounded(), abs(d) < 9_007_199_254_740_992 { return int(Int64(d)) }
    bytes.append(contentsOf: d.description.utf8)
  }

  /// A JSON string: see the type's comment for what is escaped.
  func string(_ s: String) {
    bytes.append(UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { utf8 in
      // Most strings (names, ids, counts' keys) need no escape: append them whole.
      if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) {
        bytes.append(contentsOf: utf8)
      } else {
        escaped(String(decoding: utf8, as: UTF8.self))
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private func escaped(_ s: String) {
    for u in s.unicodeScalars {
      switch u.value {
      case 0x22: literal("\\\"")
      case 0x5C: literal("\\\\")
      case 0x08: literal("\\b")
      case 0x09: literal("\\t")
      case 0x0A: literal("\\n")
      case 0x0C: literal("\\f")
      case 0x0D: literal("\\r")
      case 0..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029:
        literal("\\u")
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex[Int((u.value >> UInt32(shift)) & 0xF)]) }
      default:
        bytes.append(contentsOf: String(u).utf8)
      }
    }
  }
}

/// The encoder handed to one value's `encode(to:)`: its containers write into the output.
final class CompactValueEncoder: Encoder {
  let out: CompactJSONOutput
  /// Where this value's container goes in the stack of open containers.
  let depth: Int
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  /// The container this value opened (a value may ask for it again), and whether anything
  /// was written for it.
  var frameID: Int?
  var isObject = false
  var wrote = false

  init(_ out: CompactJSONOutput, depth: Int, path: [any CodingKey]) {
    self.out = out
    self.depth = depth
    self.codingPath = path
  }

  /// The id of this value's container, opened now unless it already is.
  private func frame(object: Bool) -> Int {
    if let id = frameID, isObject == object { return id }
    precondition(frameID == nil, "a value asked for a keyed and an unkeyed container")
    out.close(to: depth)
    wrote = true
    isObject = object
    let id = out.open(object: object)
    frameID = id
    return id
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(CompactKeyedContainer<Key>(out: out, depth: depth, id: frame(object: true), codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    CompactUnkeyedContainer(out: out, depth: depth, id: frame(object: false), codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer { CompactSingleValue(encoder: self) }
}
