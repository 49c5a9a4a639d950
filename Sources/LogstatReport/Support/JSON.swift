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
    var out = ""
    writeCompact(into: &out)
    return out
  }

  private func writeCompact(into out: inout String) {
    switch self {
    case .elements(let items): JSON.array(items.all).writeCompact(into: &out)
    case .raw(let text): out += text
    case .array(let items):
      out += "["
      for (k, item) in items.enumerated() {
        if k > 0 { out += "," }
        item.writeCompact(into: &out)
      }
      out += "]"
    case .object(let fields):
      out += "{"
      for (k, (key, value)) in fields.enumerated() {
        if k > 0 { out += "," }
        JSON.quote(key, into: &out)
        out += ":"
        value.writeCompact(into: &out)
      }
      out += "}"
    default:
      write(into: &out, indent: 0)
    }
  }

  /// Serialises with two-space indentation and a final newline.
  public func rendered() -> String {
    var out = ""
    write(into: &out, indent: 0)
    out += "\n"
    return out
  }

  /// Serialises like `rendered()`, handing the text to `sink` in pieces as it is made: the
  /// whole document is never held, and `.elements` arrays are made one element at a time.
  public func write(to sink: JSONSink) throws {
    var out = ""
    out.reserveCapacity(JSONSink.pieceSize + 4096)
    write(into: &out, indent: 0, sink: sink)
    out += "\n"
    sink.drain(&out, force: true)
    if let failure = sink.failure { throw failure }
  }

  private func write(into out: inout String, indent: Int, sink: JSONSink? = nil) {
    switch self {
    case .elements(let items):
      if items.count == 0 {
        out += "[]"
        return
      }
      out += "[\n"
      for k in 0..<items.count {
        out += JSON.spaces(indent + 2)
        items.element(k).write(into: &out, indent: indent + 2, sink: sink)
        out += k == items.count - 1 ? "\n" : ",\n"
        sink?.drain(&out)
      }
      out += JSON.spaces(indent)
      out += "]"
    case .raw(let text): out += text
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d): out += JSON.number(d)
    case .string(let s): JSON.quote(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "[\n"
      for (k, item) in items.enumerated() {
        out += JSON.spaces(indent + 2)
        item.write(into: &out, indent: indent + 2, sink: sink)
        out += k == items.count - 1 ? "\n" : ",\n"
        sink?.drain(&out)
      }
      out += JSON.spaces(indent)
      out += "]"
    case .object(let fields):
      if fields.isEmpty {
        out += "{}"
        return
      }
      out += "{\n"
      for (k, (key, value)) in fields.enumerated() {
        out += JSON.spaces(indent + 2)
        JSON.quote(key, into: &out)
        out += ": "
        value.write(into: &out, indent: indent + 2, sink: sink)
        out += k == fields.count - 1 ? "\n" : ",\n"
      }
      out += JSON.spaces(indent)
      out += "}"
    }
  }

  /// Indentation strings, made once: a large report writes millions of them.
  static let indents: [String] = (0...32).map { String(repeating: " ", count: $0 * 2) }

  /// `n` spaces (`n` even, as every indent is).
  @inline(__always) static func spaces(_ n: Int) -> String {
    n / 2 < indents.count ? indents[n / 2] : String(repeating: " ", count: n)
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
  static func quote(_ s: String, into out: inout String) {
    out += "\""
    // Most strings (domains, codes, ids) need no escaping: append them whole.
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5c || $0 >= 0x7f }) {
      out += s
      out += "\""
      return
    }
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where u.value < 0x20 || u.value == 0x7f || (u.value >= 0x80 && u.value < 0xa0)
        || u.value == 0x2028 || u.value == 0x2029:
        let hex = String(u.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(u)
      }
    }
    out += "\""
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
  func drain(_ out: inout String, force: Bool = false) {
    guard force || out.utf8.count >= JSONSink.pieceSize else { return }
    if failure == nil, !out.isEmpty {
      do {
        try out.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
      } catch {
        failure = error
      }
    }
    out.removeAll(keepingCapacity: true)
  }
}
