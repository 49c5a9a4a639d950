import LogstatSource

/// Recognises Exim's reject log. Exim writes every rejection to the main log and again to the
/// reject log, followed there by the envelope and the header lines it had read
/// (`Envelope-from: <...>`, `Envelope-to: <...>`, `P Received: ...`) when the message got that
/// far. Rejects read from a reject log would be counted twice, so a file showing those lines, or
/// named like Exim's reject log (`rejectlog`, `rejectlog.1`, `exim_reject.log.2.gz`) and holding
/// no arrival, delivery or completion, has its rejects counted as other mail lines. The name
/// matters for a reject log of RCPT-time rejects only: those carry no envelope lines.
enum EximRejectLog {
  /// Bytes of the start of a file looked at.
  static let headBytes = 256 << 10

  /// True when the start of `input` holds reject-log envelope lines, or when its name is a
  /// reject log's and its start holds no main-log message line. Never reads standard input.
  static func detect(_ input: InputFile) -> Bool {
    guard !input.isStandardInput,
      let reader = try? ChunkReader(input, chunkSize: headBytes, maxLineLength: headBytes)
    else { return false }
    let named = hasRejectLogName(input.path)
    // Safe because: the chunk lives in the reader's buffer, and the reader is kept alive until
    // the chunk has been judged (without this, ARC may free it right after `next()`).
    return withExtendedLifetime(reader) {
      guard let chunk = try? reader.next() else { return false }
      return isRejectLog(head: chunk, named: named)
    }
  }

  /// True when `chunk`, the start of a file, holds reject-log envelope lines, or when `named`
  /// and it holds no main-log message line.
  static func isRejectLog(head chunk: UnsafeRawBufferPointer, named: Bool) -> Bool {
    var start = 0
    while start < chunk.count {
      var end = start
      while end < chunk.count, chunk[end] != 0x0A { end += 1 }
      // Safe because: start <= end <= chunk.count.
      let line = UnsafeRawBufferPointer(rebasing: chunk[start..<end])
      start = end + 1
      if starts(line, "Envelope-from: <") || starts(line, "Envelope-to: <") { return true }
      if named, let text = EximPanicLog.textStart(line), isMessageLine(line, text) { return false }
    }
    return named
  }

  /// `rejectlog`, `exim_rejectlog`, `reject.log`, `exim-reject.log`, with rotation
  /// (`.1`, `-20261201`) and compression (`.gz`) suffixes: the names Exim and distributions give it.
  static func hasRejectLogName(_ path: String) -> Bool {
    let name = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
    return name.contains("rejectlog") || name.contains("reject.log") || name.contains("reject_log")
  }

  /// An arrival, delivery, deferral, bounce or completion after a message ID: lines a reject
  /// log never holds.
  static func isMessageLine(_ line: UnsafeRawBufferPointer, _ text: Int) -> Bool {
    guard EximPanicLog.isMessageID(line, text) else { return false }
    var op = text
    while op < line.count, line[op] != UInt8(ascii: " ") { op += 1 }
    // Safe because: the start is clamped to line.count.
    let after = UnsafeRawBufferPointer(rebasing: line[Swift.min(op + 1, line.count)...])
    for marker: StaticString in ["<= ", "=> ", "-> ", "== ", "** ", "*> ", "Completed"] {
      if starts(after, marker) { return true }
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
