import LogstatEvents

/// The name tables take an event's names as they are: the only place where counting touches
/// the bytes of a line, to copy a new name into a table's arena.
extension Interner {
  /// The ID of `name` after ASCII lower-casing, adding it if new; reuses the hash the event
  /// computed (`NameHash`, the interner's own).
  /// - Complexity: O(n) in the length of the name, amortised.
  @inline(__always)
  public mutating func intern(_ name: EventName) -> Int32 {
    // Safe because: the bytes are read (and, for a new name, copied) before `intern` returns,
    // while the line the event was built from is alive.
    name.withBytes { intern($0, hash: name.hash) }
  }
}

extension Interner {
  /// The ID of `text` after ASCII lower-casing, adding it if new (hashed here: a name the event
  /// did not hash because most lines naming it are not counted by it).
  @inline(__always)
  public mutating func intern(_ text: EventText) -> Int32 {
    // Safe because: the bytes are read (and, for a new name, copied) before `intern` returns.
    text.withBytes { intern($0) }
  }
}

extension NamedCounts {
  /// Adds `n` (and `size` bytes) to `name`; `example` is made only for a new name.
  @discardableResult
  public mutating func add(
    _ name: EventName, _ n: Int = 1, size: Int = 0, example: (() -> String)? = nil
  ) -> Int32 {
    // Safe because: the bytes are copied (or compared) before `add` returns. The event's hash
    // is the interner's (`NameHash`): the name is not hashed again.
    name.withBytes { add($0, hash: name.hash, n, size: size, example: example) }
  }

  /// Adds `n` to the name `text` (a sender, a host named on a line).
  @discardableResult
  public mutating func add(_ text: EventText, _ n: Int = 1) -> Int32 {
    // Safe because: the bytes are copied (or compared) before `add` returns.
    text.withBytes { add($0, n) }
  }
}
