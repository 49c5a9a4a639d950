/// A name table encodes as a list of `{name, count, bytes[, example]}`, sorted by name, with
/// the names that hold nothing left out: through the public API only (names, counts, bytes,
/// `example(_:)`), whatever the table's storage.
extension NamedCounts: Codable {
  /// One name's counts, as encoded.
  public struct Entry: Codable, Sendable, Equatable {
    public var name: String
    public var count: Int
    public var bytes: Int
    public var example: String?

    enum CodingKeys: String, CodingKey { case name, count, bytes, example }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(name, forKey: .name)
      try c.encode(count, forKey: .count)
      try c.encode(bytes, forKey: .bytes)
      try c.encodeIfPresent(example, forKey: .example)
    }

    public init(name: String, count: Int, bytes: Int, example: String?) {
      self.name = name
      self.count = count
      self.bytes = bytes
      self.example = example
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      name = try c.decode(String.self, forKey: .name)
      count = try c.count(.count)
      bytes = try c.optionalCount(.bytes)
      example = try c.decodeIfPresent(String.self, forKey: .example)
    }
  }

  /// The IDs encoded, in name order.
  var encodedIDs: [Int32] {
    sortedIDs.filter { counts[Int($0)] > 0 || bytes[Int($0)] > 0 }
  }

  /// The entry of `id`.
  func entry(_ id: Int32) -> Entry {
    Entry(name: names.string(id), count: counts[Int(id)], bytes: bytes[Int(id)], example: example(id))
  }

  /// The encoding as a list made one entry at a time (one per address can be many).
  var countsPart: CountsPart {
    let ids = encodedIDs
    let table = self
    return .list(count: ids.count) { table.entry(ids[$0]) }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.unkeyedContainer()
    for id in encodedIDs { try c.encode(entry(id)) }
  }

  public init(from decoder: any Decoder) throws {
    var c = try decoder.unkeyedContainer()
    self.init()
    while !c.isAtEnd {
      let e = try c.decode(Entry.self)
      add(e.name, e.count, size: e.bytes, example: e.example)
    }
  }
}
