import Foundation
import LogstatSource
import Testing

/// Newline-aligned ranges, and first/last line probes.
@Suite struct FileSplitterAndProbeTests {
  @Test(arguments: [2, 3, 4, 10, 64, 1000])
  func rangesCoverTheFileExactlyAndStartAfterNewlines(count: Int) throws {
    let directory = TemporaryDirectory()
    let log = sampleLog(lines: 300) + Array("no final newline".utf8)
    let path = directory.write(log, to: "mail.log")
    let ranges = try FileSplitter.ranges(path: path, count: count, minimumSize: 0)
    #expect(ranges.first?.lowerBound == 0)
    #expect(ranges.last?.upperBound == Int64(log.count))
    #expect(ranges.allSatisfy { !$0.isEmpty })
    #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    #expect(ranges.dropFirst().allSatisfy { log[Int($0.lowerBound) - 1] == 0x0A })
    #expect(ranges.count <= count)
    if count <= 64 { #expect(ranges.count == count) }
  }

  @Test func smallFilesAndLongLinesGiveFewerRanges() throws {
    let directory = TemporaryDirectory()
    let small = directory.write(sampleLog(lines: 10), to: "small.log")
    #expect(try FileSplitter.ranges(path: small, count: 8) == [0..<Int64(sampleLog(lines: 10).count)])
    let long = Array("a\n".utf8) + [UInt8](repeating: 0x62, count: 300_000) + Array("\nc\n".utf8)
    let path = directory.write(long, to: "long.log")
    #expect(try FileSplitter.ranges(path: path, count: 4, minimumSize: 0) == [0..<300_003, 300_003..<300_005])
    let empty = directory.write([UInt8](), to: "empty.log")
    #expect(try FileSplitter.ranges(path: empty, count: 4, minimumSize: 0) == [0..<0])
  }

  @Test func gzipCannotBeSplit() throws {
    let directory = TemporaryDirectory()
    let path = directory.write(gzip(sampleLog(lines: 10)), to: "mail.log")
    #expect(throws: InputError.self) { try FileSplitter.ranges(path: path, count: 4, minimumSize: 0) }
  }

  @Test func probesFirstAndLastLineOfAPlainFile() throws {
    let directory = TemporaryDirectory()
    let text = "Nov 22 06:25:01 first\r\nmiddle\nNov 23 07:00:00 last\n"
    let path = directory.write(text, to: "mail.log")
    let result = try InputProbe.probe(InputFile(path: path))
    #expect(result.firstLine == Array("Nov 22 06:25:01 first\r".utf8))
    #expect(result.lastLine == Array("Nov 23 07:00:00 last".utf8))
    #expect(result.size == Int64(text.utf8.count))
    #expect(!result.isGzip)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    let modified = try #require(attributes[.modificationDate] as? Date)
    #expect(result.modificationTime == Int64(modified.timeIntervalSince1970))
  }

  @Test(arguments: [
    ("one line, no newline", "only", "only", "only"),
    ("no final newline", "a\nb\nlast", "a", "last"),
    ("blank last line", "a\n\n", "a", ""),
    ("single newline", "\n", "", ""),
  ])
  func probesEdgeShapes(name: String, text: String, first: String, last: String) throws {
    let directory = TemporaryDirectory()
    let path = directory.write(text, to: "x.log")
    let result = try InputProbe.probe(InputFile(path: path))
    #expect(result.firstLine == Array(first.utf8), "\(name)")
    #expect(result.lastLine == Array(last.utf8), "\(name)")
  }

  @Test func probesALastLineLongerThanOneBlock() throws {
    let directory = TemporaryDirectory()
    let longLast = [UInt8](repeating: 0x7A, count: 200_000)
    let path = directory.write(Array("first\n".utf8) + longLast + [0x0A], to: "x.log")
    let result = try InputProbe.probe(InputFile(path: path))
    #expect(result.lastLine == Array(longLast.prefix(InputProbe.lineLimit)))
  }

  @Test func probesOnlyTheFirstLineOfGzip() throws {
    let directory = TemporaryDirectory()
    let log = sampleLog(lines: 100)
    let compressed = gzip(log)
    let path = directory.write(compressed, to: "mail.log.1.gz")
    let result = try InputProbe.probe(InputFile(path: path))
    #expect(result.isGzip)
    #expect(result.firstLine == Array(log.prefix { $0 != 0x0A }))
    #expect(result.lastLine == nil)
    #expect(result.size == Int64(compressed.count))
  }

  @Test func probesAnEmptyFile() throws {
    let directory = TemporaryDirectory()
    let path = directory.write([UInt8](), to: "empty.log")
    let result = try InputProbe.probe(InputFile(path: path))
    #expect(result.firstLine == nil && result.lastLine == nil && result.size == 0)
  }
}
