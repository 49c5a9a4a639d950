import Foundation
import LogstatSource
import Testing

@testable import LogstatEngine

/// The gzip pipeline: inflating on a thread of its own hands out the same bytes as reading in
/// line, throws a damaged stream's error after the lines before it, and stops cleanly when
/// dropped early.
@Suite struct PipelinedReaderTests {
  /// 20,000 numbered lines of 33 bytes: 660,000 bytes, many chunks of 4 KiB.
  static func lines() -> [UInt8] {
    var bytes: [UInt8] = []
    for k in 0..<20_000 {
      bytes += Array("line \(String(k).leftPad(6)) of the pipeline test\n".utf8)
    }
    return bytes
  }

  static func gzipFile(_ scratch: ScratchDirectory, _ bytes: [UInt8]) throws -> String? {
    let path = try scratch.write("pipe.log", bytes)
    return try scratch.gzip(path)
  }

  /// Everything `source` hands out, concatenated, and the error it ended with.
  static func drain(_ source: any ChunkSource) -> ([UInt8], InputError?) {
    var out: [UInt8] = []
    do {
      while let chunk = try source.next() { out += chunk }
    } catch {
      return (out, error)
    }
    return (out, nil)
  }

  @Test(arguments: [2, 4, 7])
  func handsOutTheInflatedBytesInOrder(buffers: Int) throws {
    let scratch = try ScratchDirectory()
    let bytes = Self.lines()
    guard let gz = try Self.gzipFile(scratch, bytes) else { return }
    let reader = try ChunkReader(InputFile(path: gz), chunkSize: 4096, maxLineLength: 1024)
    let pipe = PipelinedReader(reader, buffers: buffers)
    let (out, error) = Self.drain(pipe)
    #expect(error == nil)
    #expect(out == bytes)
    #expect(pipe.bytesProduced == Int64(bytes.count))
    #expect(pipe.isGzip)
    let size = try FileManager.default.attributesOfItem(atPath: gz)[.size] as? Int
    #expect(pipe.compressedBytesRead == Int64(size ?? -1))
    #expect(try pipe.next() == nil)
  }

  /// With tiny sizes a chunk can exceed chunkSize + maxLineLength + 2, the size the ring's
  /// buffers once had: the ten bytes read to detect the format are handed out whole. The ring
  /// now takes its size from the reader, so every chunk fits the buffer it is copied into.
  @Test func tinySizesStillFitTheRing() throws {
    let scratch = try ScratchDirectory()
    let bytes = Array("a\nb\nc\nd\ne\nf\ng\n".utf8)
    let path = try scratch.write("tiny.log", bytes)
    let reader = try ChunkReader(InputFile(path: path), chunkSize: 1, maxLineLength: 1)
    let pipe = PipelinedReader(reader, buffers: 2)
    #expect(pipe.bufferSize == 10)
    var out: [UInt8] = []
    var largest = 0
    while let chunk = try pipe.next() {
      largest = max(largest, chunk.count)
      out += chunk
    }
    #expect(out == bytes)
    #expect(largest == 10)
    #expect(largest > 1 + 1 + 2)
  }

  @Test func truncatedStreamThrowsAfterTheLinesBeforeIt() throws {
    let scratch = try ScratchDirectory()
    let bytes = Self.lines()
    guard let gz = try Self.gzipFile(scratch, bytes) else { return }
    let whole = try [UInt8](Data(contentsOf: URL(fileURLWithPath: gz)))
    let cut = try scratch.write("cut.log.gz", Array(whole.prefix(whole.count / 2)))
    let pipe = PipelinedReader(try ChunkReader(InputFile(path: cut), chunkSize: 4096, maxLineLength: 1024))
    let (out, error) = Self.drain(pipe)
    #expect(error?.code == .truncatedGzip)
    // Whole lines only, and a prefix of the log: about half of it inflates before the cut.
    #expect(out.count % 33 == 0)
    #expect(out.count > 100_000 && out.count < bytes.count)
    #expect(Array(bytes.prefix(out.count)) == out)
  }

  @Test func overlongLinesAreCountedAcrossTheThread() throws {
    let scratch = try ScratchDirectory()
    var bytes = Self.lines()
    bytes += [UInt8](repeating: 0x78, count: 3000) + [0x0A]
    bytes += Self.lines()
    guard let gz = try Self.gzipFile(scratch, bytes) else { return }
    let pipe = PipelinedReader(try ChunkReader(InputFile(path: gz), chunkSize: 4096, maxLineLength: 1024))
    let (out, error) = Self.drain(pipe)
    #expect(error == nil)
    #expect(pipe.truncatedLines == 1)
    #expect(out.count == 2 * 660_000 + 1025)
  }

  /// Dropping the reader while the producer waits for a free buffer stops the thread: the
  /// drop returns (no hang) and a new pipeline on the same file still reads it whole.
  @Test func droppedEarlyStopsTheProducer() throws {
    let scratch = try ScratchDirectory()
    let bytes = Self.lines()
    guard let gz = try Self.gzipFile(scratch, bytes) else { return }
    for _ in 0..<20 {
      var pipe: PipelinedReader? = PipelinedReader(
        try ChunkReader(InputFile(path: gz), chunkSize: 4096, maxLineLength: 1024), buffers: 2)
      let first = try pipe?.next()
      #expect(first.map { $0.count > 0 } == true)
      pipe = nil
    }
    let again = PipelinedReader(try ChunkReader(InputFile(path: gz), chunkSize: 4096, maxLineLength: 1024))
    #expect(Self.drain(again).0 == bytes)
  }
}

extension String {
  fileprivate func leftPad(_ width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
