import CZlib
import Foundation
import LogstatSource
import Testing

/// A temporary directory removed when the value goes away.
final class TemporaryDirectory {
  let path: String

  init() {
    let template = NSTemporaryDirectory() + "logstat-source-XXXXXX"
    var bytes = Array(template.utf8CString)
    path = bytes.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Writes `bytes` to `name` (subdirectories created) and returns the full path.
  @discardableResult
  func write(_ bytes: [UInt8], to name: String) -> String {
    let full = path + "/" + name
    let directory = (full as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
    return full
  }

  @discardableResult
  func write(_ text: String, to name: String) -> String { write(Array(text.utf8), to: name) }

  func makeDirectory(_ name: String) {
    try? FileManager.default.createDirectory(atPath: path + "/" + name, withIntermediateDirectories: true)
  }

  /// Creates a symbolic link `name` pointing at `target` (as written).
  func link(_ name: String, to target: String) {
    _ = symlink(target, path + "/" + name)
  }
}

/// gzip-compresses `bytes` as one member with zlib (level 6).
func gzip(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
  var stream = z_stream()
  precondition(czlib_deflate_init2(&stream, level, 15 + 16) == Z_OK)
  defer { deflateEnd(&stream) }
  var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 64)
  var input = bytes
  let produced = input.withUnsafeMutableBufferPointer { inBuffer in
    output.withUnsafeMutableBufferPointer { outBuffer in
      stream.next_in = inBuffer.baseAddress
      stream.avail_in = uInt(inBuffer.count)
      stream.next_out = outBuffer.baseAddress
      stream.avail_out = uInt(outBuffer.count)
      let status = deflate(&stream, Z_FINISH)
      precondition(status == Z_STREAM_END)
      return outBuffer.count - Int(stream.avail_out)
    }
  }
  return Array(output.prefix(produced))
}

/// Everything a reader handed out, and the error that ended it, if any.
struct ReadResult {
  var chunks: [[UInt8]] = []
  var error: InputError?
  var bytes: [UInt8] { chunks.flatMap { $0 } }
}

/// Reads `reader` to the end (or to its error).
func readAll(_ reader: ChunkReader) -> ReadResult {
  var result = ReadResult()
  do {
    while let chunk = try reader.next() { result.chunks.append(Array(chunk)) }
    // After the end, next() keeps returning nil.
    if try reader.next() != nil { result.chunks.append([]) }
  } catch {
    result.error = error
  }
  return result
}

/// Reads the file at `path` whole with the given sizes.
func readFile(_ path: String, chunkSize: Int = 4 << 20, maxLineLength: Int = 1 << 20) throws(InputError)
  -> (ReadResult, ChunkReader)
{
  let reader = try ChunkReader(InputFile(path: path), chunkSize: chunkSize, maxLineLength: maxLineLength)
  return (readAll(reader), reader)
}

/// The naive reference: what a reader must hand out for `bytes`, and how many lines it must cut.
func expectedOutput(_ bytes: [UInt8], maxLineLength: Int = 1 << 20) -> (bytes: [UInt8], truncated: Int) {
  var output: [UInt8] = []
  var truncated = 0
  var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
  let endsWithNewline = bytes.last == 0x0A
  if endsWithNewline || bytes.isEmpty { lines.removeLast() }
  for (index, line) in lines.enumerated() {
    if line.count > maxLineLength {
      output += line.prefix(maxLineLength) + [0x0A]
      truncated += 1
    } else {
      output += line
      if index < lines.count - 1 || endsWithNewline { output.append(0x0A) }
    }
  }
  return (output, truncated)
}

/// True when every chunk is non-empty and every chunk but the last ends with a newline.
func chunksAreLineAligned(_ chunks: [[UInt8]]) -> Bool {
  chunks.allSatisfy { !$0.isEmpty } && chunks.dropLast().allSatisfy { $0.last == 0x0A }
}

/// Real-shaped Postfix and Exim lines, `count` of them, numbered so each is unique.
func sampleLog(lines count: Int) -> [UInt8] {
  var text = ""
  for index in 0..<count {
    if index % 3 == 2 {
      text += "2026-11-22 06:25:\(String(format: "%02d", index % 60)) 1vXyZa-000\(index)-AB => "
        + "user\(index)@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.\(index % 255)]\n"
    } else {
      text += "Nov 22 06:25:01 mx1 postfix/smtp[\(1000 + index)]: 4Bd\(index)Q: to=<u\(index)@gmail.com>, "
        + "relay=gmail-smtp-in.l.google.com[142.250.1.27]:25, delay=0.\(index % 10), dsn=2.0.0, "
        + "status=sent (250 2.0.0 OK)\n"
    }
  }
  return Array(text.utf8)
}

/// Checks two byte arrays are equal, reporting lengths and the first difference (not the whole arrays).
func expectSameBytes(
  _ actual: [UInt8], _ expected: [UInt8], _ note: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual != expected else { return }
  let firstDifference = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    ?? min(actual.count, expected.count)
  Issue.record(
    "\(note): got \(actual.count) bytes, expected \(expected.count); first difference at \(firstDifference)",
    sourceLocation: sourceLocation)
}
