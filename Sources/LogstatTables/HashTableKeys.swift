/// What a table stores in a slot of its `HashIndex`: a small value with one "empty" state.
///
/// A slot holds either the key itself (a count table's packed key, a fingerprint) or an index
/// into the table's own entries (`id + 1`), so the index stays a flat array of plain values.
public protocol HashTableSlot {
  /// The value of a slot that holds nothing.
  static var empty: Self { get }
  /// True for `empty`.
  var isEmpty: Bool { get }
}

/// How one table's slots are hashed and matched against a key: the part that differs between
/// tables, given to `HashIndex` as a type so each table's probe loop is specialised at compile
/// time (static requirements: no existential per lookup, no closure per probe).
///
/// `Storage` is whatever the slots point into (an entry slab, a byte arena), passed borrowed to
/// every call that needs it; tables whose slots hold their keys use `Void`.
public protocol HashTableKeys {
  associatedtype Slot: HashTableSlot
  associatedtype Key
  associatedtype Storage = Void
  /// The raw hash of the key held by an occupied `slot` (the same value `find` was given for
  /// that key); `HashIndex` mixes it, so it need not be well spread.
  static func hash(slot: Slot, in storage: Storage) -> UInt64
  /// True when the occupied `slot` holds `key`.
  static func slot(_ slot: Slot, holds key: Key, in storage: Storage) -> Bool
}

/// The one mixing function of every table: spreads a raw hash so its top bits (which pick the
/// home slot) depend on all 64 bits. Keys that differ only in their low bits (a packed reason
/// ordinal) or only in their high bits (an hour number shifted up) land apart.
public enum TableHash {
  /// A bijective finaliser: xor-shift, multiply by an odd constant (2^64 / golden ratio), xor-shift.
  @inlinable @inline(__always)
  public static func mix(_ x: UInt64) -> UInt64 {
    var x = x ^ (x &>> 32)
    x = x &* 0x9E37_79B9_7F4A_7C15
    return x ^ (x &>> 29)
  }

  /// Folds `word` into the running hash `h` (byte strings, multi-word keys).
  @inlinable @inline(__always)
  public static func combine(_ h: UInt64, _ word: UInt64) -> UInt64 {
    mix(h ^ word)
  }
}

extension Int32: HashTableSlot {
  /// 0: tables store `index + 1` in `Int32` slots.
  @inlinable public static var empty: Int32 { 0 }
  @inlinable public var isEmpty: Bool { self == 0 }
}

extension UInt64: HashTableSlot {
  /// 0: tables store a fingerprint or `key + 1`, never 0, in `UInt64` slots.
  @inlinable public static var empty: UInt64 { 0 }
  @inlinable public var isEmpty: Bool { self == 0 }
}
