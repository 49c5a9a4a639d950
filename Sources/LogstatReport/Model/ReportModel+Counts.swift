import LogstatAggregate

/// The `counts` block of a JSON report: `AggregateCounts`' own `Codable` encoding, the one
/// `logstat merge` decodes. Every top-level value and every entry of the long lists (one per
/// domain, sender, hour, address) is encoded by `CompactJSONEncoder` (sorted keys, compact)
/// as it is written, so the block is never held whole; it is exactly the text
/// `JSONEncoder().encode(counts)` with sorted keys gives, with the escapes of `JSON.quote`.
enum ReportCounts {
  /// Version of the `counts` block (`AggregateCounts.version`).
  static var version: Int { AggregateCounts.version }

  /// The counts block of `a`.
  static func encode(_ a: Aggregate) -> JSON { encode(a.counts) }

  static func encode(_ counts: AggregateCounts) -> JSON {
    .object(counts.encodingParts().map { key, part in (key.stringValue, json(part)) })
  }

  /// One part: a value encoded now, a list or an object whose entries are encoded as written.
  static func json(_ part: CountsPart) -> JSON {
    switch part {
    case .value(let v):
      return .raw(text(v))
    case .list(let n, let element):
      return .elements(JSONElements(count: n) { .raw(text(element($0))) })
    case .object:
      // Encoded compactly in one piece, as every other value of the block (bounded lists).
      return .raw(text(PartBox(part: part)))
    }
  }

  /// `value` as compact JSON with sorted keys, escaped as `JSON.quote` escapes (DEL, C1
  /// controls, U+2028/2029 too: log text reaches terminals).
  static func text(_ value: any Encodable) -> String {
    (try? CompactJSONEncoder().string(value)) ?? "null"
  }
}
