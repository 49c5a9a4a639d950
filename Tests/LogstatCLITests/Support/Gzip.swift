/// A minimal gzip writer (stored deflate blocks, no compression) with a CRC-32, so tests
/// can build exact gzip files, damage them at known offsets, and need no tool or zlib.
enum Gzip {
  /// The 10-byte header: magic, deflate, no flags, no time, OS unknown.
  static let header: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]

  /// One gzip member holding `data` in stored blocks of at most 65535 bytes.
  static func member(_ data: [UInt8]) -> [UInt8] {
    var out = header
    var offset = 0
    repeat {
      let n = min(65_535, data.count - offset)
      let final: UInt8 = offset + n == data.count ? 1 : 0
      out.append(final)
      out += le16(UInt16(n)) + le16(~UInt16(n))
      out += data[offset..<offset + n]
      offset += n
    } while offset < data.count
    out += le32(crc32(data)) + le32(UInt32(truncatingIfNeeded: data.count))
    return out
  }

  /// One member holding `text`.
  static func member(_ text: String) -> [UInt8] { member(Array(text.utf8)) }

  /// Offset of the first data byte of a member's first stored block.
  static let firstDataOffset = header.count + 5

  static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8)] }
  static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xff) } }

  /// CRC-32 (IEEE, reflected), as gzip uses.
  static func crc32(_ data: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xffff_ffff
    for byte in data {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1 }
    }
    return ~crc
  }
}
