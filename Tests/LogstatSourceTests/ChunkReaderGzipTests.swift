import Foundation
import LogstatSource
import Testing

/// gzip specifics: several members, damage, truncation, padding, names that lie.
@Suite struct ChunkReaderGzipTests {
  let log = sampleLog(lines: 300)

  @Test(arguments: [1, 7, 64, 4096, 4 << 20])
  func readsSeveralMembersWhole(chunkSize: Int) throws {
    let directory = TemporaryDirectory()
    let first = Array(log.prefix(5000))
    let second = Array(log.dropFirst(5000))
    // The member boundary falls mid-line: the line must come out whole.
    let path = directory.write(gzip(first) + gzip(second) + gzip([]), to: "mail.log.1.gz")
    let (result, _) = try readFile(path, chunkSize: chunkSize)
    #expect(result.error == nil)
    expectSameBytes(result.bytes, log)
    #expect(chunksAreLineAligned(result.chunks))
  }

  @Test func toleratesZeroPaddingAfterTheLastMember() throws {
    let directory = TemporaryDirectory()
    let path = directory.write(gzip(log) + [UInt8](repeating: 0, count: 512), to: "padded.gz")
    let (result, _) = try readFile(path, chunkSize: 100)
    #expect(result.error == nil)
    expectSameBytes(result.bytes, log)
  }

  @Test func reportsGarbageAfterTheLastMemberWithItsOffset() throws {
    let directory = TemporaryDirectory()
    let compressed = gzip(log)
    let path = directory.write(compressed + Array("trailing junk".utf8), to: "junk.gz")
    let (result, _) = try readFile(path, chunkSize: 100)
    expectSameBytes(result.bytes, log)
    let error = try #require(result.error)
    #expect(error.code == .trailingGarbage)
    #expect(error.byteOffset == Int64(compressed.count))
    #expect(error.path == path)
  }

  @Test(arguments: [0.1, 0.5, 0.9, 0.999])
  func truncatedGzipHandsOutTheLinesBeforeThenNamesTheOffset(fraction: Double) throws {
    let directory = TemporaryDirectory()
    let compressed = gzip(log)
    let cut = Int(Double(compressed.count) * fraction)
    let path = directory.write(Array(compressed.prefix(cut)), to: "mail.log.2.gz")
    for chunkSize in [1, 13, 4096] {
      let reader = try ChunkReader(InputFile(path: path), chunkSize: chunkSize)
      let result = readAll(reader)
      let error = try #require(result.error)
      #expect(error.code == .truncatedGzip)
      #expect(error.byteOffset == Int64(cut))
      #expect(error.description.contains("byte \(cut)"))
      // Whole lines only, and a prefix of the real content.
      #expect(result.bytes.last == 0x0A || result.bytes.isEmpty)
      expectSameBytes(result.bytes, Array(log.prefix(result.bytes.count)))
      if fraction >= 0.5 { #expect(result.bytes.count > log.count / 4) }
      #expect(try reader.next() == nil)
    }
  }

  @Test func badCRCIsCorruptAfterAllLinesAreHandedOut() throws {
    let directory = TemporaryDirectory()
    var compressed = gzip(log)
    compressed[compressed.count - 8] ^= 0xFF  // first byte of the CRC-32 in the trailer
    let path = directory.write(compressed, to: "mail.log.3.gz")
    let (result, _) = try readFile(path, chunkSize: 1000)
    expectSameBytes(result.bytes, log)
    let error = try #require(result.error)
    #expect(error.code == .corruptGzip)
    #expect(error.message.contains("incorrect data check"))
    #expect(error.byteOffset != nil)
  }

  @Test func garbageAfterTheHeaderIsCorruptWithOffset() throws {
    let directory = TemporaryDirectory()
    var compressed = gzip(log)
    for index in 10..<40 { compressed[index] = 0xFF }
    let path = directory.write(compressed, to: "broken.gz")
    let (result, _) = try readFile(path)
    let error = try #require(result.error)
    #expect(error.code == .corruptGzip)
    let offset = try #require(error.byteOffset)
    #expect(offset >= 10 && offset <= Int64(compressed.count))
    #expect(result.bytes.isEmpty || result.bytes.last == 0x0A)
    #expect(error.description.hasPrefix("logstat: \(path): corrupt gzip data at byte \(offset) ("))
    #expect(error.description.hasSuffix("lines before it were counted. Check the file with `gzip -t`."))
  }

  @Test func plainFileNamedGzIsReadAsPlain() throws {
    let directory = TemporaryDirectory()
    let path = directory.write(log, to: "mail.log.1.gz")
    let (result, reader) = try readFile(path)
    #expect(result.error == nil)
    #expect(!reader.isGzip)
    expectSameBytes(result.bytes, log)
  }

  @Test func gzipFileNotNamedGzIsInflated() throws {
    let directory = TemporaryDirectory()
    let path = directory.write(gzip(log), to: "mail.log.1")
    let (result, reader) = try readFile(path)
    #expect(result.error == nil)
    #expect(reader.isGzip)
    expectSameBytes(result.bytes, log)
  }

  @Test func otherCompressionsAreNamed() throws {
    let directory = TemporaryDirectory()
    let path = directory.write([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0, 0, 0, 0, 1], to: "mail.log.2.xz")
    #expect(throws: InputError.self) { try ChunkReader(InputFile(path: path)) }
    do {
      _ = try ChunkReader(InputFile(path: path))
    } catch {
      #expect(error.code == .unsupportedCompression)
      #expect(error.message.contains("xz -dc"))
    }
  }

  @Test func byteRangeOnGzipIsRefused() throws {
    let directory = TemporaryDirectory()
    let path = directory.write(gzip(log), to: "a.gz")
    do {
      _ = try ChunkReader(InputFile(path: path), byteRange: 0..<10)
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .notSplittable)
    }
  }
}
