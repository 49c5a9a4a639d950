import Foundation
import LogstatAggregate
import Testing

@testable import LogstatReport

/// `CompactJSONEncoder` writes what `JSONEncoder` with sorted keys writes, byte for byte, plus
/// the escapes `JSON.quote` adds: the counts block may change encoder, never text.
@Suite("compact JSON encoder")
struct CompactJSONEncoderTests {
  /// `JSONEncoder`'s text for `value`, with DEL, C1 controls and U+2028/2029 escaped after.
  func foundation<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let s = String(decoding: try encoder.encode(value), as: UTF8.self)
    var out = ""
    for u in s.unicodeScalars {
      if u.value == 0x7F || (0x80..<0xA0).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 {
        let hex = String(u.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        out.unicodeScalars.append(u)
      }
    }
    return out
  }

  func compact<T: Encodable>(_ value: T) throws -> String { try CompactJSONEncoder().string(value) }

  struct Key: CodingKey {
    var stringValue: String
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
  }

  /// Keys out of order, in two container requests (as `DomainEntry` does), nested keyed and
  /// unkeyed containers, optionals, empty containers and values, every scalar type.
  struct Awkward: Encodable {
    var text: String
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: Key.self)
      try c.encode(text, forKey: Key("z_text"))
      try c.encode(-42, forKey: Key("b"))
      try c.encode(Int64.min, forKey: Key("a10"))
      try c.encode(UInt64.max, forKey: Key("a9"))
      try c.encode(true, forKey: Key("aB"))
      try c.encodeNil(forKey: Key("a_b"))
      try c.encodeIfPresent(Optional<Int>.none, forKey: Key("absent"))
      try c.encode(Optional(7), forKey: Key("seven"))
      var nested = c.nestedContainer(keyedBy: Key.self, forKey: Key("nested"))
      try nested.encode([3, 2, 1], forKey: Key("y"))
      try nested.encode([String: Int](), forKey: Key("x"))
      var list = c.nestedUnkeyedContainer(forKey: Key("list"))
      try list.encode("é\u{7F}\u{85}\u{2028}€")
      var triple = list.nestedUnkeyedContainer()
      try triple.encode(0)
      try triple.encodeNil()
      try list.encode(Inner())
      try list.encode(0.0 + 3)
      try c.encode(Inner(), forKey: Key("inner"))
      try c.encode([Inner](), forKey: Key("empty"))
      var again = encoder.container(keyedBy: Key.self)
      try again.encode("later", forKey: Key("m"))
      try again.encode([Optional<String>.none, "x"], forKey: Key("B"))
    }
  }

  struct Inner: Encodable {
    var values = ["b": 2, "a": 1, "c": 3]
  }

  @Test func matchesJSONEncoderOnAwkwardValues() throws {
    let texts = [
      "", "plain", "quote \" backslash \\ slash /", "\u{0}\u{1}\u{8}\t\n\u{B}\u{C}\r\u{1F} controls",
      "DEL \u{7F} C1 \u{80}\u{85}\u{9F} \u{A0} LS \u{2028} PS \u{2029} \u{2030}", "über 中文 😀 \u{1B}]0;pwned\u{07}",
    ]
    for t in texts {
      let expected = try foundation(Awkward(text: t))
      #expect(try compact(Awkward(text: t)) == expected)
    }
    #expect(try compact(Awkward(text: "\u{85}")).contains(#""z_text":"\u0085""#))
    #expect(try compact([Int]()) == "[]")
    #expect(try compact(["k": Optional<Int>.none]) == #"{"k":null}"#)
  }

  /// The counts of a real run (the samples: Postfix with rotations, Exim, RFC 3339) encode
  /// to exactly `JSONEncoder`'s text, whole and part by part as the report streams them.
  @Test func matchesJSONEncoderOnTheSamplesCounts() throws {
    let (json, _, status) = try EndToEndTests().run(["--format", "json", "samples/"], environment: ["LOGSTAT_HISTORY": "off"])
    #expect(status == 0)
    let counts = try SavedReport.decode(Data(json.utf8), path: "x.json").aggregate.counts
    let whole = try compact(counts)
    #expect(whole.utf8.count > 10_000)
    #expect(whole == (try foundation(counts)))
    for (key, part) in counts.encodingParts() {
      switch part {
      case .list(let n, let element):
        for k in 0..<n { #expect(try compact(PartBox(part: .value(element(k)))) == (try foundation(PartBox(part: .value(element(k))))), "\(key)[\(k)]") }
      default:
        #expect(try compact(PartBox(part: part)) == (try foundation(PartBox(part: part))), "\(key)")
      }
    }
  }

  /// A domain entry writes its own keys and its counters' in one object in key order, so the
  /// encoder writes every domain as it comes and sorts none of them.
  @Test func domainEntriesNeedNoReordering() throws {
    let (json, _, status) = try EndToEndTests().run(["--format", "json", "samples/"], environment: ["LOGSTAT_HISTORY": "off"])
    #expect(status == 0)
    let counts = try SavedReport.decode(Data(json.utf8), path: "x.json").aggregate.counts
    var domains = 0
    for (key, part) in counts.encodingParts() where key == .domains {
      guard case .list(let n, let element) = part else { continue }
      for k in 0..<n {
        let out = CompactJSONOutput()
        try out.value(PartBox(part: .value(element(k))), depth: 0, path: [])
        out.close(to: 0)
        #expect(out.reorderedObjects == 0, "domain \(k)")
        domains += 1
      }
    }
    #expect(domains > 10)
  }

  /// A container written after a later sibling started is refused, not mis-written.
  @Test func refusesAContainerUsedOutOfOrder() throws {
    struct Interleaved: Encodable {
      func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        var first = c.nestedUnkeyedContainer(forKey: Key("a"))
        var second = c.nestedUnkeyedContainer(forKey: Key("b"))
        try second.encode(1)
        try first.encode(2)
      }
    }
    #expect(throws: EncodingError.self) { try compact(Interleaved()) }
    #expect(throws: EncodingError.self) { try compact([Double.nan]) }
  }
}
