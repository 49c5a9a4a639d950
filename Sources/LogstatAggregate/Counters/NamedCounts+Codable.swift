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
    /// How far below `count` and `bytes` the true values may be: only in a table that
    /// overflowed its bound (`NamedCounts+Bound`), nil while exact.
    public var countError: Int?
    public var bytesError: Int?

    enum CodingKeys: String, CodingKey {
      case name, count, bytes, example, countError = "count_error", bytesError = "bytes_error"
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(name, forKey: .name)
      try c.encode(count, forKey: .count)
      try c.encode(bytes, forKey: .bytes)
      try c.encodeIfPresent(example, forKey: .example)
      try c.encodeIfPresent(countError, forKey: .countError)
      try c.encodeIfPresent(bytesError, forKey: .bytesError)
    }

    public init(
      name: String, count: Int, bytes: Int, example: String?, countError: Int? = nil, bytesError: Int? = nil
    ) {
      self.name = name
      self.count = count
      self.bytes = bytes
      self.example = example
      self.countError = countError
      self.bytesError = bytesError
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      name = try c.decode(String.self, forKey: .name)
      count = try c.count(.count)
      bytes = try c.optionalCount(.bytes)
      example = try c.decodeIfPresent(String.self, forKey: .example)
      countError = c.contains(.countError) ? try c.count(.countError) : nil
      bytesError = c.contains(.bytesError) ? try c.count(.bytesError) : nil
    }
  }

  /// The IDs encoded, in name order.
  var encodedIDs: [Int32] {
    sortedIDs.filter { counts[Int($0)] > 0 || bytes[Int($0)] > 0 }
  }

  /// The entry of `id`.
  func entry(_ id: Int32) -> Entry {
    Entry(
      name: names.string(id), count: counts[Int(id)], bytes: bytes[Int(id)], example: example(id),
      countError: isExact ? nil : countError(id), bytesError: isExact ? nil : bytesError(id))
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
      let id = add(e.name, e.count, size: e.bytes, example: e.example)
      if e.countError != nil || e.bytesError != nil {
        restoreErrors(id, count: e.countError ?? 0, bytes: e.bytesError ?? 0)
      }
    }
  }

  /// What a table that overflowed its bound says of the names it no longer lists: a name not
  /// listed was counted at most `count_floor` times with at most `bytes_floor` bytes, and
  /// `dropped_names` names were dropped. Encoded beside the table as `KEY_bound`, only then.
  public struct Bound: Codable, Sendable, Equatable, CountsValue {
    public var countFloor: Int
    public var bytesFloor: Int
    public var droppedNames: Int

    enum CodingKeys: String, CodingKey {
      case countFloor = "count_floor", bytesFloor = "bytes_floor", droppedNames = "dropped_names"
    }

    public init(countFloor: Int, bytesFloor: Int, droppedNames: Int) {
      self.countFloor = countFloor
      self.bytesFloor = bytesFloor
      self.droppedNames = droppedNames
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      countFloor = try c.count(.countFloor)
      bytesFloor = try c.count(.bytesFloor)
      droppedNames = try c.count(.droppedNames)
    }
  }

  /// The table's bound, or nil while it is exact.
  public var bound: Bound? {
    isExact ? nil : Bound(countFloor: countFloor, bytesFloor: bytesFloor, droppedNames: droppedNames)
  }

  /// Takes a saved table's bound (decoding).
  mutating func restore(_ b: Bound?) {
    guard let b else { return }
    restoreBounds(countFloor: b.countFloor, bytesFloor: b.bytesFloor, droppedNames: b.droppedNames)
  }
}
