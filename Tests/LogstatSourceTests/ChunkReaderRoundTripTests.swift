import Foundation
import LogstatSource
import Testing

/// Plain and gzip inputs read back exactly, whatever the chunk size.
@Suite struct ChunkReaderRoundTripTests {
  static let chunkSizes = [1, 2, 3, 5, 8, 13, 64, 4096]

  /// Inputs of every awkward shape, by name.
  static let shapes: [(name: String, bytes: [UInt8])] = [
    ("postfix and exim", sampleLog(lines: 40)),
    ("no final newline", Array("Nov 22 06:25:01 mx1 postfix/qmgr[7]: 4BdQ: removed\nlast line".utf8)),
    ("crlf", Array("line one\r\nline two\r\n\r\nend\r\n".utf8)),
    ("nul and invalid utf-8", [0x00, 0x41, 0x0A, 0xFF, 0xFE, 0xC3, 0x28, 0x0A, 0x00, 0x00, 0x0A, 0xE2, 0x82]),
    ("blank lines", Array("\n\n\nx\n\n".utf8)),
    ("one newline", [0x0A]),
    ("one byte", [0x1F]),
    ("empty", []),
  ]

  @Test(arguments: chunkSizes)
  func plainMatchesNaiveSplit(chunkSize: Int) throws {
    let directory = TemporaryDirectory()
    for shape in Self.shapes {
      let path = directory.write(shape.bytes, to: "plain.log")
      let (result, reader) = try readFile(path, chunkSize: chunkSize)
      #expect(result.error == nil, "\(shape.name)")
      expectSameBytes(result.bytes, shape.bytes, "\(shape.name)")
      #expect(chunksAreLineAligned(result.chunks), "\(shape.name)")
      #expect(!reader.isGzip)
      #expect(reader.bytesProduced == Int64(shape.bytes.count))
      #expect(reader.compressedBytesRead == Int64(shape.bytes.count))
      #expect(reader.truncatedLines == 0)
    }
  }

  @Test(arguments: chunkSizes)
  func gzipMatchesNaiveSplit(chunkSize: Int) throws {
    let directory = TemporaryDirectory()
    for shape in Self.shapes {
      let compressed = gzip(shape.bytes)
      let path = directory.write(compressed, to: "mail.log.2.gz")
      let (result, reader) = try readFile(path, chunkSize: chunkSize)
      #expect(result.error == nil, "\(shape.name)")
      expectSameBytes(result.bytes, shape.bytes, "\(shape.name)")
      #expect(chunksAreLineAligned(result.chunks), "\(shape.name)")
      #expect(reader.isGzip)
      #expect(reader.bytesProduced == Int64(shape.bytes.count))
      #expect(reader.compressedBytesRead == Int64(compressed.count))
    }
  }

  @Test(arguments: chunkSizes)
  func cutsLinesLongerThanTheLimit(chunkSize: Int) throws {
    let directory = TemporaryDirectory()
    let bytes = Array("short\n0123456789abcdef\n12345678\n123456789\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx".utf8)
    let expected = expectedOutput(bytes, maxLineLength: 8)
    #expect(expected.truncated == 3)
    for (name, data) in [("plain.log", bytes), ("gz.log", gzip(bytes))] {
      let path = directory.write(data, to: name)
      let (result, reader) = try readFile(path, chunkSize: chunkSize, maxLineLength: 8)
      #expect(result.error == nil)
      expectSameBytes(result.bytes, expected.bytes, "\(name)")
      #expect(String(decoding: result.bytes, as: UTF8.self) == "short\n01234567\n12345678\n12345678\nxxxxxxxx\n")
      #expect(reader.truncatedLines == 3)
      #expect(chunksAreLineAligned(result.chunks))
    }
  }

  @Test(arguments: [1, 2, 3])
  func tinyLimitsStillWork(maxLineLength: Int) throws {
    let directory = TemporaryDirectory()
    let bytes = Array("abcdefghijkl\nxy\n\nz".utf8)
    let expected = expectedOutput(bytes, maxLineLength: maxLineLength)
    for (name, data) in [("tiny.log", bytes), ("tiny.gz", gzip(bytes))] {
      let path = directory.write(data, to: name)
      for chunkSize in [1, 2, 5] {
        let (result, reader) = try readFile(path, chunkSize: chunkSize, maxLineLength: maxLineLength)
        expectSameBytes(result.bytes, expected.bytes, "\(name) chunk \(chunkSize)")
        #expect(reader.truncatedLines == expected.truncated)
      }
    }
  }

  @Test func chunksStayNearTheChunkSize() throws {
    let directory = TemporaryDirectory()
    let bytes = sampleLog(lines: 2000)
    let path = directory.write(bytes, to: "mail.log")
    let (result, _) = try readFile(path, chunkSize: 4096)
    expectSameBytes(result.bytes, bytes)
    // Every chunk but the last holds at least chunkSize bytes minus one partial line.
    #expect(result.chunks.dropLast().allSatisfy { $0.count > 4096 - 200 && $0.count <= 4096 })
  }

  @Test func tenMegabyteLineIsCutAndCounted() throws {
    let directory = TemporaryDirectory()
    var bytes = Array("before\n".utf8)
    bytes += [UInt8](repeating: 0x61, count: 10 << 20) + [0x0A]
    bytes += Array("after\n".utf8)
    for (name, data) in [("huge.log", bytes), ("huge.log.gz", gzip(bytes, level: 1))] {
      let path = directory.write(data, to: name)
      let (result, reader) = try readFile(path, chunkSize: 1 << 20)
      #expect(result.error == nil)
      #expect(reader.truncatedLines == 1)
      let expected = Array("before\n".utf8) + [UInt8](repeating: 0x61, count: 1 << 20) + [0x0A]
        + Array("after\n".utf8)
      expectSameBytes(result.bytes, expected, "\(name)")
    }
  }
}
