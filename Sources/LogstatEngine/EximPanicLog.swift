import LogstatScan
import LogstatSource

/// Recognises Exim's panic log by content: every stamped line is an Exim time stamp followed
/// by a complaint (`failed to open DB file ...`), sometimes about one message
/// (`1gfiaO-0008Tb-OK spool file write error ...`), never an arrival, delivery or completion
/// after the message ID, never an `H=` client, never a queue-run or daemon line. Its lines count as `panic`
/// health events; the main log's copies of them (Exim writes most panics to both) are not
/// panic events, so nothing is counted twice. A file named like Exim's panic log may also hold
/// deferrals and failures (`== addr ... defer (-1): Tainted '...' not permitted`, a file name
/// that failed to expand): Exim 4.96 writes those lines to both logs, so there they are panics
/// too, not deliveries counted a second time.
enum EximPanicLog {
  /// True when the start of `input` is an Exim panic log. Never reads standard input.
  static func detect(_ input: InputFile) -> Bool {
    guard !input.isStandardInput,
      let reader = try? ChunkReader(input, chunkSize: EximRejectLog.headBytes, maxLineLength: EximRejectLog.headBytes)
    else { return false }
    // Safe because: the chunk lives in the reader's buffer, and the reader is kept alive until
    // the chunk has been judged (without this, ARC may free it right after `next()`).
    return withExtendedLifetime(reader) {
      guard let chunk = try? reader.next() else { return false }
      return isPanicLog(head: chunk, named: hasPanicLogName(input.path))
    }
  }

  /// `paniclog`, `exim_paniclog`, `panic.log`, `exim-panic.log`, with rotation (`.1`,
  /// `-20261201`) and compression (`.gz`) suffixes: the names Exim and distributions give it.
  static func hasPanicLogName(_ path: String) -> Bool {
    let name = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
    return name.contains("paniclog") || name.contains("panic.log") || name.contains("panic_log")
  }

  /// True when the whole lines of `chunk`, the start of a file, are an Exim panic log's; when
  /// `named` (the file has a panic log's name), deferrals and failures after a message ID are
  /// a panic log's lines too.
  static func isPanicLog(head chunk: UnsafeRawBufferPointer, named: Bool = false) -> Bool {
    var start = 0
    var stamped = 0
    while start < chunk.count {
      var end = start
      while end < chunk.count, chunk[end] != 0x0A { end += 1 }
      // Safe because: start <= end <= chunk.count.
      let line = UnsafeRawBufferPointer(rebasing: chunk[start..<end])
      start = end + 1
      // A line cut by the head's end is not judged.
      if end == chunk.count, stamped > 0 { break }
      // Continuation lines (`: No space left on device`) carry no stamp and are not judged.
      guard let text = textStart(line) else { continue }
      if named, isFailureCopy(line, text) {
        stamped += 1
        continue
      }
      if mainLogShape(line, text) || syslogShape(line, text) { return false }
      stamped += 1
    }
    return stamped > 0
  }

  /// Where the text starts after `YYYY-MM-DD HH:MM:SS[.fff][ +zzzz][ [pid]] `, or nil.
  static func textStart(_ line: UnsafeRawBufferPointer) -> Int? {
    guard line.count > 20 else { return nil }
    for (k, c) in line.prefix(19).enumerated() {
      let digit = c &- UInt8(ascii: "0") < 10
      switch k {
      case 4, 7: if c != UInt8(ascii: "-") { return nil }
      case 10: if c != UInt8(ascii: " ") { return nil }
      case 13, 16: if c != UInt8(ascii: ":") { return nil }
      default: if !digit { return nil }
      }
    }
    var i = 19
    if line[i] == UInt8(ascii: ".") {
      i += 1
      while i < line.count, line[i] &- UInt8(ascii: "0") < 10 { i += 1 }
    }
    while i + 1 < line.count, line[i] == UInt8(ascii: " "),
      line[i + 1] == UInt8(ascii: "+") || line[i + 1] == UInt8(ascii: "-") || line[i + 1] == UInt8(ascii: "[")
    {
      i += 2
      while i < line.count, line[i] != UInt8(ascii: " ") { i += 1 }
    }
    guard i + 1 < line.count, line[i] == UInt8(ascii: " ") else { return nil }
    return i + 1
  }

  /// A syslog line with an ISO stamp and a space (`2026-12-04 10:00:00 mx postfix/smtp[2101]: ...`,
  /// as a syslog daemon with such a template writes it): a host, then a program tag that names a
  /// pid (`name[123]:`) or a path (`postfix/smtp:`). Exim writes neither after its stamp.
  static func syslogShape(_ line: UnsafeRawBufferPointer, _ text: Int) -> Bool {
    var i = text
    while i < line.count, line[i] != UInt8(ascii: " ") {
      if line[i] == UInt8(ascii: ":") { return false }
      i += 1
    }
    guard i > text, i + 1 < line.count else { return false }
    let tag = i + 1
    var j = tag
    var slash = false
    while j < line.count, line[j] != UInt8(ascii: ":"), line[j] != UInt8(ascii: " ") {
      if line[j] == UInt8(ascii: "/") { slash = true }
      j += 1
    }
    guard j > tag, j < line.count, line[j] == UInt8(ascii: ":") else { return false }
    if slash { return true }
    // `name[digits]` just before the colon.
    guard line[j - 1] == UInt8(ascii: "]") else { return false }
    var k = j - 2
    while k > tag, line[k] &- UInt8(ascii: "0") < 10 { k -= 1 }
    return k < j - 2 && k > tag && line[k] == UInt8(ascii: "[")
  }

  /// A main-log or reject-log line: an arrival, delivery or completion after a message ID, a
  /// client `H=`, a local submitter `U=` or sender `F=<` (a refusal of a local submission has
  /// no `H=`: `U=CALLER F=<x@y> rejected RCPT ...`, `rejected MAIL FROM:<x> U=CALLER: ...`), a
  /// queue run, the daemon.
  static func mainLogShape(_ line: UnsafeRawBufferPointer, _ text: Int) -> Bool {
    if isMessageID(line, text) {
      var op = text
      while op < line.count, line[op] != UInt8(ascii: " ") { op += 1 }
      // Safe because: the start is clamped to line.count.
      let after = UnsafeRawBufferPointer(rebasing: line[Swift.min(op + 1, line.count)...])
      for marker: StaticString in ["<= ", "=> ", "-> ", "== ", "** ", "*> ", "Completed", "removed by ", "Frozen", "Message is frozen", "Unfrozen"] {
        if starts(after, marker) { return true }
      }
    }
    // Safe because: `text` comes from `textStart`, which returns an index below line.count.
    let rest = UnsafeRawBufferPointer(rebasing: line[text...])
    for marker: StaticString in ["H=", "Start queue run", "End queue run", "exim ", "Envelope-", "SMTP connection"] {
      if contains(rest, marker) { return true }
    }
    for marker: StaticString in ["U=", "rejected "] where starts(rest, marker) { return true }
    for marker: StaticString in [" U=", "F=<"] where contains(rest, marker) { return true }
    return false
  }

  /// A deferral or failure after a message ID (`== `, `** `): what Exim copies to its panic log
  /// when it logs the delivery error with LOG_PANIC as well.
  static func isFailureCopy(_ line: UnsafeRawBufferPointer, _ text: Int) -> Bool {
    guard isMessageID(line, text) else { return false }
    var op = text
    while op < line.count, line[op] != UInt8(ascii: " ") { op += 1 }
    // Safe because: the start is clamped to line.count.
    let after = UnsafeRawBufferPointer(rebasing: line[Swift.min(op + 1, line.count)...])
    return starts(after, "== ") || starts(after, "** ")
  }

  /// `1tXyZa-000Abc-De` (6-6-2) or `1smkL5-00000000e65-24eQ` (6-11-4) followed by a space.
  static func isMessageID(_ line: UnsafeRawBufferPointer, _ i: Int) -> Bool {
    var end = i
    while end < line.count, line[end] != UInt8(ascii: " ") { end += 1 }
    let n = end - i
    guard n == 16 || n == 23, i + n <= line.count, line[i + 6] == UInt8(ascii: "-") else { return false }
    return line[i + (n == 16 ? 13 : 18)] == UInt8(ascii: "-")
  }

  static func starts(_ b: UnsafeRawBufferPointer, _ s: StaticString) -> Bool {
    let n = s.utf8CodeUnitCount
    guard b.count >= n else { return false }
    for k in 0..<n where b[k] != s.utf8Start[k] { return false }
    return true
  }

  static func contains(_ b: UnsafeRawBufferPointer, _ s: StaticString) -> Bool {
    let n = s.utf8CodeUnitCount
    guard b.count >= n else { return false }
    outer: for i in 0...(b.count - n) {
      for k in 0..<n where b[i + k] != s.utf8Start[k] { continue outer }
      return true
    }
    return false
  }

  /// Turns a scanned panic-log line into a `panic` event whose detail is the text.
  static func mark(_ bytes: UnsafeRawBufferPointer, _ line: inout ScannedLine) {
    guard let text = textStart(bytes) else {
      // A continuation of the panic above: a mail line, not counted again.
      if !bytes.isEmpty { line.kind = .skipped }
      return
    }
    line.kind = .event
    line.event = .panic
    line.mta = .exim
    line.detail = Span(text, bytes.count)
  }
}
