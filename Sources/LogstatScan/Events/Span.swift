/// A byte range inside one line: offsets, not copies, so scanning allocates nothing.
public struct Span: Equatable, Hashable, Sendable {
  public var start: Int
  public var end: Int

  @inlinable public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = end
  }

  /// The empty span at offset 0; used for "field absent".
  public static let none = Span(0, 0)

  @inlinable public var isEmpty: Bool { end <= start }
  @inlinable public var count: Int { end - start }
}

extension UnsafeRawBufferPointer {
  /// The bytes of `span` inside this line. Valid only while the line's buffer is.
  @inlinable public func slice(_ span: Span) -> UnsafeRawBufferPointer {
    // Safe: spans are produced by the scanner within 0...count of this same line.
    // Safe because: the slice is bounds-checked against the buffer (spans come from this line),
    // and the view lives no longer than the buffer it is cut from.
    UnsafeRawBufferPointer(rebasing: self[span.start..<span.end])
  }

  /// A `String` of the bytes of `span` (invalid UTF-8 repaired). For report values only.
  public func string(_ span: Span) -> String {
    String(decoding: slice(span), as: UTF8.self)
  }
}
