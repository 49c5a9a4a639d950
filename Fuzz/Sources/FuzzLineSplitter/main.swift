import FuzzSupport

/// ChunkReader at chunk sizes and line caps taken from the first two bytes, against a
/// naive split of the rest: the same bytes, lines cut at the cap, chunks on newlines.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLineSplitter(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  guard count >= 2 else { return 0 }
  let all = UnsafeRawBufferPointer(start: start, count: count)
  let chunkSize = 1 + Int(all[0]) % 64
  let maxLineLength = all[1] < 128 ? 1 + Int(all[1]) : 1 << 20
  let body = UnsafeRawBufferPointer(rebasing: all[2...])
  // Inputs that start like gzip, xz, zstd or bzip2 are read as those, not as plain text.
  if body.count >= 2, (body[0] == 0x1f && body[1] == 0x8b) || body[0] == 0xfd || body[0] == 0x28 || body[0] == 0x42 {
    return 0
  }
  let input = ScratchFile.write(body)
  let result = ScratchFile.readAll(input, chunkSize: chunkSize, maxLineLength: maxLineLength)
  precondition(result.error == nil, "plain read failed: \(String(describing: result.error))")
  let expected = naiveSplit(Array(body), maxLineLength: maxLineLength)
  precondition(result.bytes == expected.bytes, "bytes differ from the naive split")
  precondition(result.reader?.truncatedLines == expected.truncated, "truncated line count")
  return 0
}

/// Lines longer than the cap keep their first `maxLineLength` bytes and end in a newline.
func naiveSplit(_ bytes: [UInt8], maxLineLength: Int) -> (bytes: [UInt8], truncated: Int) {
  var out: [UInt8] = []
  var truncated = 0
  var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
  let endsWithNewline = bytes.last == 0x0A
  if endsWithNewline || bytes.isEmpty { lines.removeLast() }
  for (k, line) in lines.enumerated() {
    if line.count > maxLineLength {
      out += line.prefix(maxLineLength)
      out.append(0x0A)
      truncated += 1
    } else {
      out += line
      if k < lines.count - 1 || endsWithNewline { out.append(0x0A) }
    }
  }
  return (out, truncated)
}
