/// The first bytes of an input, read before anything else to tell its format by
/// content (never by name): gzip, plain, or a compression we do not inflate.
struct MagicBytes {
  /// What the first bytes say the input is.
  enum Format: Equatable {
    case plain
    case gzip
    /// A systemd journal file (`LPKSHHRH`).
    case journal
    /// A compression logstat does not read, with the tool that decompresses it.
    case other(name: String, tool: String)
  }

  /// Enough bytes to recognise every format below (bzip2 needs ten).
  static let wanted = 10

  private var storage: (UInt64, UInt64) = (0, 0)
  /// How many bytes were read (fewer than `wanted` only for short inputs).
  private(set) var count = 0
  /// True when the input ended while reading them.
  private(set) var hitEndOfFile = false

  /// Reads up to `wanted` bytes: from the current position (pipes deliver them
  /// in pieces, so it loops), or with pread at offset 0 when `positional`.
  mutating func read(from file: RawFile, positional: Bool) throws(InputError) {
    while count < Self.wanted {
      let offset = count
      // Safe because: offset < wanted <= 16 = raw.count, and the read asks for at most
      // `wanted - offset` bytes, inside the closure.
      let got = try withUnsafeMutableBytes(of: &storage) { raw throws(InputError) -> Int in
        let target = raw.baseAddress! + offset
        if positional {
          return try file.read(into: target, count: Self.wanted - offset, at: Int64(offset))
        }
        return try file.read(into: target, count: Self.wanted - offset, offset: Int64(offset))
      }
      if got == 0 {
        hitEndOfFile = true
        return
      }
      count += got
    }
  }

  /// Copies the bytes read to `destination`, which has room for `count` bytes.
  func copy(to destination: UnsafeMutableRawPointer) {
    // Safe because: count <= wanted <= 16, the storage's size; the caller gives room for `count`.
    withUnsafeBytes(of: storage) { raw in
      destination.copyMemory(from: raw.baseAddress!, byteCount: count)
    }
  }

  /// The format the bytes announce.
  var format: Format {
    // Safe because: only the first `count` (<= 16) bytes are looked at, inside the closure.
    withUnsafeBytes(of: storage) { raw -> Format in
      let bytes = raw.prefix(count)
      if bytes.starts(with: [0x1f, 0x8b]) { return .gzip }
      if bytes.starts(with: Journal.magic) { return .journal }
      if bytes.starts(with: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) { return .other(name: "xz", tool: "xz") }
      if bytes.starts(with: [0x28, 0xb5, 0x2f, 0xfd]) { return .other(name: "zstd", tool: "zstd") }
      if count >= 10, bytes.starts(with: [0x42, 0x5a, 0x68]), (0x31...0x39).contains(bytes[3]),
        bytes.dropFirst(4).starts(with: [0x31, 0x41, 0x59, 0x26, 0x53, 0x59])
      {
        return .other(name: "bzip2", tool: "bzip2")
      }
      return .plain
    }
  }
}
