// The containers of `CompactJSONEncoder`: each names its place in the stack of open
// containers (`depth`) and its id, and writes its entries straight into the output.

struct CompactKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let out: CompactJSONOutput
  let depth: Int
  let id: Int
  let codingPath: [any CodingKey]

  // The path is made only for an error: an array per key cost more than the rest of a key.
  private func key(_ key: Key) throws { try out.key(key.stringValue, depth, id) { codingPath + [key] } }

  mutating func encodeNil(forKey key: Key) throws {
    try self.key(key)
    out.literal("null")
  }

  mutating func encode(_ value: Bool, forKey key: Key) throws {
    try self.key(key)
    out.literal(value ? "true" : "false")
  }

  mutating func encode(_ value: String, forKey key: Key) throws {
    try self.key(key)
    out.string(value)
  }

  mutating func encode(_ value: Int, forKey key: Key) throws {
    try self.key(key)
    out.int(Int64(value))
  }

  mutating func encode(_ value: Int64, forKey key: Key) throws {
    try self.key(key)
    out.int(value)
  }

  mutating func encode(_ value: UInt64, forKey key: Key) throws {
    try self.key(key)
    out.unsigned(value)
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try self.key(key)
    try out.value(value, depth: depth + 1, path: codingPath + [key])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    // A failed check here surfaces at the nested container's first write.
    try? self.key(key)
    let nested = out.open(object: true)
    return KeyedEncodingContainer(
      CompactKeyedContainer<NestedKey>(out: out, depth: depth + 1, id: nested, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    try? self.key(key)
    let nested = out.open(object: false)
    return CompactUnkeyedContainer(out: out, depth: depth + 1, id: nested, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder { CompactUnsupportedEncoder(codingPath: codingPath) }
  mutating func superEncoder(forKey key: Key) -> any Encoder { CompactUnsupportedEncoder(codingPath: codingPath) }
}

struct CompactUnkeyedContainer: UnkeyedEncodingContainer {
  let out: CompactJSONOutput
  let depth: Int
  let id: Int
  let codingPath: [any CodingKey]
  private(set) var count = 0

  init(out: CompactJSONOutput, depth: Int, id: Int, codingPath: [any CodingKey]) {
    self.out = out
    self.depth = depth
    self.id = id
    self.codingPath = codingPath
  }

  private mutating func next() throws {
    try out.element(depth, id) { codingPath }
    count += 1
  }

  mutating func encodeNil() throws {
    try next()
    out.literal("null")
  }

  mutating func encode(_ value: Bool) throws {
    try next()
    out.literal(value ? "true" : "false")
  }

  mutating func encode(_ value: String) throws {
    try next()
    out.string(value)
  }

  mutating func encode(_ value: Int) throws {
    try next()
    out.int(Int64(value))
  }

  mutating func encode(_ value: Int64) throws {
    try next()
    out.int(value)
  }

  mutating func encode(_ value: UInt64) throws {
    try next()
    out.unsigned(value)
  }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try next()
    try out.value(value, depth: depth + 1, path: codingPath)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
    try? next()
    let nested = out.open(object: true)
    return KeyedEncodingContainer(
      CompactKeyedContainer<NestedKey>(out: out, depth: depth + 1, id: nested, codingPath: codingPath))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    try? next()
    let nested = out.open(object: false)
    return CompactUnkeyedContainer(out: out, depth: depth + 1, id: nested, codingPath: codingPath)
  }

  mutating func superEncoder() -> any Encoder { CompactUnsupportedEncoder(codingPath: codingPath) }
}

/// The value's own single value: written once, in the value's slot.
struct CompactSingleValue: SingleValueEncodingContainer {
  let encoder: CompactValueEncoder
  var codingPath: [any CodingKey] { encoder.codingPath }

  private func start() throws {
    guard !encoder.wrote else {
      throw EncodingError.invalidValue(
        (), .init(codingPath: codingPath, debugDescription: "a single value was encoded twice"))
    }
    encoder.wrote = true
    encoder.out.close(to: encoder.depth)
  }

  mutating func encodeNil() throws {
    try start()
    encoder.out.literal("null")
  }

  mutating func encode(_ value: Bool) throws {
    try start()
    encoder.out.literal(value ? "true" : "false")
  }

  mutating func encode(_ value: String) throws {
    try start()
    encoder.out.string(value)
  }

  mutating func encode(_ value: Int) throws {
    try start()
    encoder.out.int(Int64(value))
  }

  mutating func encode(_ value: Int64) throws {
    try start()
    encoder.out.int(value)
  }

  mutating func encode(_ value: UInt64) throws {
    try start()
    encoder.out.unsigned(value)
  }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try start()
    try encoder.out.value(value, depth: encoder.depth, path: codingPath)
  }
}

/// What `superEncoder()` returns: every container it hands out throws at its first write
/// (no encoding of ours uses one).
final class CompactUnsupportedEncoder: Encoder {
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

  private var dead: CompactJSONOutput {
    let out = CompactJSONOutput()
    _ = out.open(object: true)
    _ = out.open(object: true)
    return out
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    // Id 0 is never given out: the first write throws.
    KeyedEncodingContainer(CompactKeyedContainer<Key>(out: dead, depth: 0, id: 0, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    CompactUnkeyedContainer(out: dead, depth: 0, id: 0, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    let e = CompactValueEncoder(dead, depth: 0, path: codingPath)
    e.wrote = true
    return CompactSingleValue(encoder: e)
  }
}
