import Foundation
import LogstatSource
import Testing

/// Inputs that are not still files: pipes, files that grow, byte ranges.
@Suite struct ChunkReaderStreamTests {
  /// Writes `bytes` into a new FIFO from another thread, in small pieces, and returns its path.
  func fifo(in directory: TemporaryDirectory, writing bytes: [UInt8]) -> String {
    let path = directory.path + "/pipe"
    mkfifo(path, 0o600)
    Thread.detachNewThread {
      let fd = open(path, O_WRONLY)
      var offset = 0
      while offset < bytes.count {
        let piece = min(7, bytes.count - offset)
        let written = bytes[offset..<offset + piece].withUnsafeBytes { write(fd, $0.baseAddress, piece) }
        if written <= 0 { break }
        offset += written
      }
      close(fd)
    }
    return path
  }

  @Test func readsAPlainPipe() throws {
    let directory = TemporaryDirectory()
    let log = sampleLog(lines: 50)
    let path = fifo(in: directory, writing: log)
    let (result, reader) = try readFile(path, chunkSize: 256)
    #expect(result.error == nil)
    #expect(!reader.isGzip)
    expectSameBytes(result.bytes, log)
    #expect(chunksAreLineAligned(result.chunks))
  }

  @Test func readsAGzipPipe() throws {
    let directory = TemporaryDirectory()
    let log = sampleLog(lines: 50)
    let path = fifo(in: directory, writing: gzip(Array(log.prefix(3000))) + gzip(Array(log.dropFirst(3000))))
    let (result, reader) = try readFile(path, chunkSize: 256)
    #expect(result.error == nil)
    #expect(reader.isGzip)
    expectSameBytes(result.bytes, log)
  }

  @Test func probingAPipeDoesNotWaitForAWriter() throws {
    let directory = TemporaryDirectory()
    let path = directory.path + "/quiet-pipe"
    mkfifo(path, 0o600)
    let result = try InputProbe.probe(InputFile(path: path))
    #expect(result.firstLine == nil && result.size == 0)
    #expect(throws: InputError.self) { try FileSplitter.ranges(path: path, count: 2) }
  }

  /// A writer may append faster than we read (a live log): reading stops at the size the
  /// file had when it was opened, so it always ends.
  @Test func fileThatGrowsWhileReadEndsAtItsSizeWhenOpened() throws {
    let directory = TemporaryDirectory()
    let first = sampleLog(lines: 20)
    let path = directory.write(first, to: "mail.log")
    let reader = try ChunkReader(InputFile(path: path), chunkSize: 100)
    var read = Array(try #require(try reader.next()))
    // Another writer appends a line and a half.
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data("Nov 22 06:30:00 mx1 postfix/qmgr[9]: 4BdQ: removed\nhalf a li".utf8))
    try handle.close()
    while let chunk = try reader.next() { read += chunk }
    #expect(try reader.next() == nil)
    expectSameBytes(read, first)
  }

  @Test(arguments: [1, 2, 3, 7])
  func byteRangesFromTheSplitterReadTheFileExactly(parts: Int) throws {
    let directory = TemporaryDirectory()
    let log = sampleLog(lines: 500)
    let path = directory.write(log, to: "mail.log")
    let ranges = try FileSplitter.ranges(path: path, count: parts, minimumSize: 0)
    var joined: [UInt8] = []
    for range in ranges {
      let reader = try ChunkReader(InputFile(path: path), chunkSize: 1000, byteRange: range)
      let result = readAll(reader)
      #expect(result.error == nil)
      #expect(result.bytes.count == range.count)
      #expect(result.bytes.last == 0x0A)
      #expect(reader.compressedBytesRead == Int64(range.count))
      joined += result.bytes
    }
    expectSameBytes(joined, log)
  }
}
