import LogstatSource

/// Recognises Exim's reject log by content. Exim writes every rejection to the main log and
/// again to the reject log, followed there by the envelope and the header lines it had read
/// (`Envelope-from: <...>`, `Envelope-to: <...>`, `P Received: ...`). Rejects read from a reject
/// log would be counted twice, so a file showing those lines has its rejects counted as
/// other mail lines.
enum EximRejectLog {
  /// Bytes of the start of a file looked at.
  static let headBytes = 256 << 10

  /// True when the start of `input` holds reject-log envelope lines. Never reads standard input.
  static func detect(_ input: InputFile) -> Bool {
    guard !input.isStandardInput,
      let reader = try? ChunkReader(input, chunkSize: headBytes, maxLineLength: headBytes),
      let chunk = try? reader.next()
    else { return false }
    var start = 0
    while start < chunk.count {
      var end = start
      while end < chunk.count, chunk[end] != 0x0A { end += 1 }
      let line = UnsafeRawBufferPointer(rebasing: chunk[start..<end])
      if starts(line, "Envelope-from: <") || starts(line, "Envelope-to: <") { return true }
      start = end + 1
    }
    return false
  }

  static func starts(_ line: UnsafeRawBufferPointer, _ prefix: StaticString) -> Bool {
    let n = prefix.utf8CodeUnitCount
    guard line.count >= n else { return false }
    for k in 0..<n where line[k] != prefix.utf8Start[k] { return false }
    return true
  }
}
