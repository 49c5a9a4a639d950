/// A JSON value with ordered object keys, so documents have a stable, documented key order.
///
/// Not `indirect`: arrays already hold their elements out of line, and a box per value cost
/// millions of allocations in a large report.
public enum JSON: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])
  /// An array whose elements are made one at a time as it is written (see `JSONElements`):
  /// serialises exactly like `.array`.
  case elements(JSONElements)
  /// JSON text already serialised (compact, every string escaped as `quote` would): written
  /// as it is. The `counts` block's entries, encoded through `Codable`, come this way.
  case raw(String)

  public static func == (l: JSON, r: JSON) -> Bool {
    switch (l, r) {
    case (.elements(let a), _): return .array(a.all) == r
    case (_, .elements(let b)): return l == .array(b.all)
    case (.raw(let a), .raw(let b)): return a == b
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.double(let a), .double(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// Serialises on one line, without spaces (JSON Lines).
  public func compact() -> String {
    var out: [UInt8] = []
    writeCompact(into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  private func writeCompact(into out: inout [UInt8]) {
    switch self {
    case .elements(let items): JSON.array(items.all).writeCompact(into: &out)
    case .array(let items):
      out.append(UInt8(ascii: "["))
      for (k, item) in items.enumerated() {
        if k > 0 { out.append(UInt8(ascii: ",")) }
        item.writeCompact(into: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let fields):
      out.append(UInt8(ascii: "{"))
      for (k, (key, value)) in fields.enumerated() {
        if k > 0 { out.append(UInt8(ascii: ",")) }
        JSON.quote(key, into: &out)
        out.append(UInt8(ascii: ":"))
        value.writeCompact(into: &out)
      }
      out.append(UInt8(ascii: "}"))
    default:
      write(into: &out, indent: 0)
    }
  }

  /// Serialises with two-space indentation and a final newline.
  public func rendered() -> String {
    var out: [UInt8] = []
    write(into: &out, indent: 0)
    out.append(UInt8(ascii: "\n"))
    return String(decoding: out, as: UTF8.self)
  }

  /// Serialises like `rendered()`, handing the text to `sink` in pieces as it is made: the
  /// whole document is never held, and `.elements` arrays are made one element at a time.
  public func write(to sink: JSONSink) throws {
    var out: [UInt8] = []
    out.reserveCapacity(JSONSink.pieceSize + 4096)
    write(into: &out, indent: 0, sink: sink)
    out.append(UInt8(ascii: "\n"))
    sink.drain(&out, force: true)
    if let failure = sink.failure { throw failure }
  }

  /// Written as bytes, not appended to a `String`: a large report makes millions of small
  /// appends (keys, indents, separators), and each cost a `String` append's checks.
  private func write(into out: inout [UInt8], indent: Int, sink: JSONSink? = nil) {
    switch self {
    case .elements(let items):
      if items.count == 0 {
        JSON.append("[]", to: &out)
        return
      }
      JSON.append("[\n", to: &out)
      for k in 0..<items.count {
        JSON.spaces(indent + 2, into: &out)
        items.element(k).write(into: &out, indent: indent + 2, sink: sink)
        JSON.append(k == items.count - 1 ? "\n" : ",\n", to: &out)
        sink?.drain(&out)
      }
      JSON.spaces(indent, into: &out)
      out.append(UInt8(ascii: "]"))
    case .raw(let text): out.append(contentsOf: text.utf8)
    case .null: JSON.append("null", to: &out)
    case .bool(let b): JSON.append(b ? "true" : "false", to: &out)
    case .int(let i): JSON.int(i, into: &out)
    case .double(let d): out.append(contentsOf: JSON.number(d).utf8)
    case .string(let s): JSON.quote(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        JSON.append("[]", to: &out)
        return
      }
      JSON.append("[\n", to: &out)
      for (k, item) in items.enumerated() {
        JSON.spaces(indent + 2, into: &out)
        item.write(into: &out, indent: indent + 2, sink: sink)
        JSON.append(k == items.count - 1 ? "\n" : ",\n", to: &out)
        sink?.drain(&out)
      }
      JSON.spaces(indent, into: &out)
      out.append(UInt8(ascii: "]"))
    case .object(let fields):
      if fields.isEmpty {
        JSON.append("{}", to: &out)
        return
      }
      JSON.append("{\n", to: &out)
      for (k, (key, value)) in fields.enumerated() {
        JSON.spaces(indent + 2, into: &out)
        JSON.quote(key, into: &out)
        JSON.append(": ", to: &out)
        value.write(into: &out, indent: indent + 2, sink: sink)
        JSON.append(k == fields.count - 1 ? "\n" : ",\n", to: &out)
      }
      JSON.spaces(indent, into: &out)
      out.append(UInt8(ascii: "}"))
    }
  }

  @inline(__always) static func append(_ s: StaticString, to out: inout [UInt8]) {
    s.withUTF8Buffer { out.append(contentsOf: $0) }
  }

  /// `n` spaces.
  @inline(__always) static func spaces(_ n: Int, into out: inout [UInt8]) {
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n))
  }

  /// `i` in decimal.
  static func int(_ i: Int, into out: inout [UInt8]) {
    if i < 0 { out.append(UInt8(ascii: "-")) }
    var n = i.magnitude
    if n < 10 {
      out.append(UInt8(truncatingIfNeeded: n) &+ 0x30)
      return
    }
    let start = out.count
    while n > 0 {
      out.append(UInt8(truncatingIfNeeded: n % 10) &+ 0x30)
      n /= 10
    }
    out[start...].reverse()
  }

  /// Rates and seconds: up to 4 decimals, no exponent, no trailing zeros.
  static func number(_ d: Double) -> String {
    guard d.isFinite else { return "null" }
    let scaled = (d * 10_000).rounded()
    let whole = Int(scaled) / 10_000
    var frac = abs(Int(scaled) % 10_000)
    let negative = scaled < 0 && whole == 0
    if frac == 0 { return (negative ? "-" : "") + String(whole) }
    var digits = 4
    while frac % 10 == 0 {
      frac /= 10
      digits -= 1
    }
    let f = String(frac)
    return (negative ? "-" : "") + String(whole) + "." + String(repeating: "0", count: digits - f.count) + f
  }

  /// Escapes per RFC 8259; every control character is escaped, so any log text is safe.
  static func quote(_ s: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var s = s
    let plain = s.withUTF8 { utf8 -> Bool in
      // Most strings (domains, codes, ids) need no escaping: append them whole.
      for b in utf8 where b < 0x20 || b == 0x22 || b == 0x5c || b >= 0x7f { return false }
      out.append(contentsOf: utf8)
      return true
    }
    if !plain {
      for u in s.unicodeScalars {
        switch u {
        case "\"": append("\\\"", to: &out)
        case "\\": append("\\\\", to: &out)
        case "\n": append("\\n", to: &out)
        case "\r": append("\\r", to: &out)
        case "\t": append("\\t", to: &out)
        case _ where u.value < 0x20 || u.value == 0x7f || (u.value >= 0x80 && u.value < 0xa0)
          || u.value == 0x2028 || u.value == 0x2029:
          let hex = String(u.value, radix: 16)
          out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        default: out.append(contentsOf: String(u).utf8)
        }
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}

extension JSON {
  /// `.double` or `.null`.
  static func optional(_ d: Double?) -> JSON { d.map { .double($0) } ?? .null }
  /// `.string` or `.null`.
  static func optional(_ s: String?) -> JSON { s.map { .string($0) } ?? .null }
}

/// The elements of a JSON array, made on demand by index: a report's longest arrays (one entry
/// per recipient domain, in the `domains` table and again in the `counts` block) are written
/// one element at a time instead of being held as a tree of values.
public struct JSONElements: Sendable {
  public let count: Int
  /// Makes element `k` (0..<count).
  public let element: @Sendable (Int) -> JSON

  public init(count: Int, _ element: @escaping @Sendable (Int) -> JSON) {
    self.count = count
    self.element = element
  }

  /// Every element (for comparison and compact output).
  public var all: [JSON] { (0..<count).map(element) }
}

/// Takes serialised JSON in pieces of about `pieceSize` bytes and hands each to `write` (a
/// file descriptor's writer, say). The first error stops the writing and is kept.
public final class JSONSink {
  /// Text gathered before it is handed on: large enough for few system calls, small
  /// enough that the document is never held whole.
  public static let pieceSize = 64 * 1024
  let write: (UnsafeRawBufferPointer) throws -> Void
  /// The error `write` threw, if it did; nothing is written after it.
  public private(set) var failure: (any Error)?

  public init(_ write: @escaping (UnsafeRawBufferPointer) throws -> Void) {
    self.write = write
  }

  /// Hands `out` on and empties it once it holds `pieceSize` bytes (or whatever it holds,
  /// when `force`).
  func drain(_ out: inout [UInt8], force: Bool = false) {
    guard force || out.count >= JSONSink.pieceSize else { return }
    if failure == nil, !out.isEmpty {
      do {
        // Safe because: `write` hands the bytes on (or copies them) before it returns and keeps
        // no pointer into `out`, which is not touched until then.
        try out.withUnsafeBytes { try write($0) }
      } catch {
        failure = error
      }
    }
    out.removeAll(keepingCapacity: true)
  }
}
