import CSystemd
import Glibc
import LogstatTime

/// Reads the mail entries of systemd journal files through libsystemd's sd-journal and hands
/// them out as chunks of whole lines, each the line a syslog file would hold:
/// `2026-11-23T18:56:34.000000+00:00 host postfix/smtp[14524]: message` (exact year and UTC
/// offset, so every count equals reading the same lines from a file).
///
/// Only entries whose `SYSLOG_IDENTIFIER` starts with `postfix` or `exim`, or is one of the
/// extra identifiers, are read: the values present are listed first (`sd_journal_query_unique`)
/// and matched, so other entries are never decoded. `since` seeks; `until` stops. A journal
/// file that cannot be opened (damaged) is reported after the others have been read, like a
/// corrupt gzip. Deliberately not `Sendable`: one reader, one thread.
public final class JournalReader {
  public let input: InputFile
  public let chunkSize: Int
  public let maxLineLength: Int
  /// Bytes of the journal files read (their size on disk, counted at the end).
  public private(set) var compressedBytesRead: Int64 = 0
  /// Bytes of lines produced.
  public private(set) var bytesProduced: Int64 = 0
  /// Messages longer than `maxLineLength`, cut.
  public private(set) var truncatedLines = 0
  /// Entries read.
  public private(set) var entries = 0
  /// Always false (present so the engine treats every source alike).
  public let isGzip = false

  private var journal: OpaquePointer?
  private let files: [String]
  private let untilMicros: UInt64?
  /// Set once no entry is left (or none can be read).
  private var finished = false
  /// The current entry was read by `sd_journal_next` but did not fit in the last chunk.
  private var pendingEntry = false
  /// An error to report once the lines read before it have been handed out.
  private var pendingError: InputError?
  /// The chunk handed out: `capacity` bytes, allocated here, freed in `grow` or `deinit`.
  private var buffer: UnsafeMutableRawPointer
  private var capacity: Int
  /// The current entry's host, identifier and pid, copied out of sd-journal before `MESSAGE`
  /// is fetched (see `next()`); reused, so they allocate only when a longer value comes.
  private var host: [UInt8] = []
  private var ident: [UInt8] = []
  private var pid: [UInt8] = []

  /// Opens the journal files of `input` (a journal file, or a directory of them).
  /// - Parameters:
  ///   - identifiers: extra `SYSLOG_IDENTIFIER` values to read besides `postfix*` and `exim*`.
  ///   - since, until: epoch seconds; entries more than `contextSeconds` before `since` are
  ///     skipped by seeking, reading stops at the first entry at or after `until`.
  /// - Throws: `InputError` when no journal file of `input` can be opened.
  public init(
    _ input: InputFile, identifiers: [String] = [], since: Int64? = nil, until: Int64? = nil,
    chunkSize: Int = 1 << 20, maxLineLength: Int = 1 << 20
  ) throws(InputError) {
    self.input = input
    self.chunkSize = max(chunkSize, 1)
    self.maxLineLength = max(maxLineLength, 1)
    files = Journal.files(of: input)
    untilMicros = until.map { UInt64(max(0, $0)) &* 1_000_000 }
    capacity = max(self.chunkSize, 4096)
    // Safe because: every stored property is set from here on, so a throw below runs `deinit`,
    // which frees the buffer; `grow` frees it before replacing it.
    buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    guard !files.isEmpty else { throw InputError.notAJournal(input.path) }
    var usable = files
    var status = JournalReader.open(usable, into: &journal)
    if status < 0 {
      // Find the damaged files, report the first, and read the others.
      var bad: [(String, Int32)] = []
      usable = files.filter { path in
        var probe: OpaquePointer?
        let r = JournalReader.open([path], into: &probe)
        if let probe { sd_journal_close(probe) }
        if r < 0 { bad.append((path, r)) }
        return r >= 0
      }
      if let first = bad.first {
        pendingError = InputError.damagedJournal(first.0, reason: JournalReader.describe(first.1))
      }
      guard !usable.isEmpty else {
        throw pendingError ?? InputError.damagedJournal(input.path, reason: JournalReader.describe(status))
      }
      status = JournalReader.open(usable, into: &journal)
      guard status >= 0, journal != nil else {
        throw InputError.damagedJournal(input.path, reason: JournalReader.describe(status))
      }
    }
    for path in usable {
      var info = stat()
      if stat(path, &info) == 0 { compressedBytesRead += Int64(info.st_size) }
    }
    sd_journal_set_data_threshold(journal, 0)
    let chosen = selectIdentifiers(extra: identifiers)
    if chosen.isEmpty {
      finished = true
      return
    }
    for id in chosen { _ = sd_journal_add_match(journal, "SYSLOG_IDENTIFIER=\(id)", 0) }
    let start = since.map { max(0, $0 - JournalReader.contextSeconds) }
    let seek = start.map { sd_journal_seek_realtime_usec(journal, UInt64($0) &* 1_000_000) }
      ?? sd_journal_seek_head(journal)
    if seek < 0 { fail(seek) }
  }

  /// `since` seeks this far before the window: the engine reads the lines before a window as
  /// context for the messages still queued when it starts (a deferral before it, then delivery),
  /// and Postfix's default queue lifetime (`maximal_queue_lifetime`) is five days.
  public static let contextSeconds: Int64 = 5 * 86_400

  deinit {
    if let journal { sd_journal_close(journal) }
    // Safe because: the last chunk handed out is valid only until the next call, and there is none.
    buffer.deallocate()
  }

  /// The mail identifiers present in the journal: `postfix*`, `exim*` and `extra`.
  public private(set) var identifiers: [String] = []

  private func selectIdentifiers(extra: [String]) -> [String] {
    guard sd_journal_query_unique(journal, "SYSLOG_IDENTIFIER") >= 0 else { return [] }
    let field = "SYSLOG_IDENTIFIER=".utf8.count
    var data: UnsafeRawPointer?
    var length = 0
    var chosen: [String] = []
    sd_journal_restart_unique(journal)
    while sd_journal_enumerate_unique(journal, &data, &length) > 0, let data {
      guard length > field else { continue }
      // Safe because: sd-journal hands `length` bytes (`SYSLOG_IDENTIFIER=` then the value), valid
      // until the next enumerate call; they are copied into a String here.
      let value = String(decoding: UnsafeRawBufferPointer(start: data + field, count: length - field), as: UTF8.self)
      if Journal.mailIdentifierPrefixes.contains(where: { value.hasPrefix($0) }) || extra.contains(value) {
        chosen.append(value)
      }
    }
    identifiers = chosen.sorted()
    return identifiers
  }

  /// The next chunk of whole lines, or nil at the end; valid until the next call.
  /// - Throws: the error that stopped reading, after the lines before it were handed out.
  public func next() throws(InputError) -> UnsafeRawBufferPointer? {
    var used = 0
    while !finished {
      if !pendingEntry {
        let r = sd_journal_next(journal)
        if r < 0 {
          fail(r)
          break
        }
        if r == 0 {
          finished = true
          break
        }
      }
      pendingEntry = false
      var micros: UInt64 = 0
      guard sd_journal_get_realtime_usec(journal, &micros) >= 0 else { continue }
      if let untilMicros, micros >= untilMicros {
        finished = true
        break
      }
      // A field's bytes are valid only until the next sd_journal_get_data call: a compressed
      // field is inflated into one buffer per file, which the next compressed field overwrites
      // (or reallocates). So the short fields are copied aside first, and MESSAGE, fetched
      // last, is written before any other field is asked for.
      copy(field("_HOSTNAME"), into: &host, or: "localhost")
      copy(field("SYSLOG_IDENTIFIER"), into: &ident, or: "-")
      let hasPid = copy(field("SYSLOG_PID"), into: &pid, or: "") || copy(field("_PID"), into: &pid, or: "")
      guard let message = field("MESSAGE") else { continue }
      var cut = min(message.count, maxLineLength)
      let needed = JournalReader.stampLength + 1 + host.count + 1 + ident.count + (hasPid ? pid.count + 2 : 0) + 2 + cut + 1
      if used + needed > capacity {
        if used > 0 {
          pendingEntry = true
          break
        }
        grow(to: needed)
      }
      if cut < message.count { truncatedLines += 1 } else { cut = message.count }
      // Safe because: `needed` counts every byte `writeLine` writes (the stamp is
      // `stampLength` bytes), and `used + needed <= capacity` holds here; cut <= message.count.
      used = writeLine(
        at: used, micros: micros, pid: hasPid,
        message: UnsafeRawBufferPointer(rebasing: message[0..<cut]))
      entries += 1
      if used >= chunkSize { break }
    }
    if used > 0 {
      bytesProduced += Int64(used)
      // Safe because: `used` bytes were written, and the buffer is replaced or freed only by
      // the next call (`grow`) or `deinit`, as the doc comment tells the caller.
      return UnsafeRawBufferPointer(start: buffer, count: used)
    }
    if let error = pendingError {
      pendingError = nil
      throw error
    }
    return nil
  }

  /// The value of `name` in the current entry (after `NAME=`), valid only until the next
  /// `field` call or the next entry (sd_journal_get_data(3)).
  private func field(_ name: StaticString) -> UnsafeRawBufferPointer? {
    var data: UnsafeRawPointer?
    var length = 0
    // Safe because: a string literal's bytes are followed by a NUL in static memory, so the
    // pointer is the C string sd-journal expects; it is used only during the call.
    let r = name.withUTF8Buffer { n in
      n.withMemoryRebound(to: CChar.self) { sd_journal_get_data(journal, $0.baseAddress, &data, &length) }
    }
    let skip = name.utf8CodeUnitCount + 1
    guard r >= 0, let data, length >= skip else { return nil }
    // Safe because: sd-journal returned `length` bytes `NAME=value` and `skip` <= length.
    return UnsafeRawBufferPointer(start: data + skip, count: length - skip)
  }

  /// Copies `value` (or `fallback` when it is nil) into `target`; true when there was a value.
  @discardableResult
  private func copy(_ value: UnsafeRawBufferPointer?, into target: inout [UInt8], or fallback: StaticString) -> Bool {
    target.removeAll(keepingCapacity: true)
    guard let value else {
      // Safe because: a string literal's `utf8CodeUnitCount` bytes live for the whole program.
      target.append(contentsOf: UnsafeRawBufferPointer(start: fallback.utf8Start, count: fallback.utf8CodeUnitCount))
      return false
    }
    target.append(contentsOf: value)
    return true
  }

  /// `2026-11-23T18:56:34.000000+00:00`: the length of the stamp `writeLine` writes.
  static let stampLength = "2026-11-23T18:56:34.000000+00:00".utf8.count

  /// Writes one line (the stamp, `host`, `ident`, `pid` when `pid` is true, and `message`) at
  /// `offset`; returns the offset after its newline. The caller has checked that it fits.
  private func writeLine(at offset: Int, micros: UInt64, pid: Bool, message: UnsafeRawBufferPointer) -> Int {
    // Safe because (every store below): the caller reserved `needed` bytes from `offset`, which
    // counts each byte written here, so `w` stays inside the buffer.
    var w = buffer + offset
    func put(_ b: UInt8) {
      w.storeBytes(of: b, as: UInt8.self)
      w += 1
    }
    func put(_ bytes: UnsafeRawBufferPointer) {
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
      w.copyMemory(from: base, byteCount: bytes.count)
      // A newline inside a field would split the line: a space instead, as rsyslog escapes it.
      for k in 0..<bytes.count {
        // Safe because: k < bytes.count, the bytes just copied to `w`.
        let c = w.load(fromByteOffset: k, as: UInt8.self)
        if c == 0x0A || c == 0x0D { w.storeBytes(of: 0x20, toByteOffset: k, as: UInt8.self) }
      }
      w += bytes.count
    }
    func put(_ bytes: [UInt8]) {
      // Safe because: the array's bytes are copied out inside the closure.
      bytes.withUnsafeBytes { put($0) }
    }
    func digits(_ value: Int, _ n: Int) {
      var v = value
      var k = n - 1
      while k >= 0 {
        // Safe because: 0 <= k < n, the `n` digits reserved for this number.
        w.storeBytes(of: UInt8(48 + v % 10), toByteOffset: k, as: UInt8.self)
        v /= 10
        k -= 1
      }
      w += n
    }
    let seconds = Int64(micros / 1_000_000)
    let (y, m, d) = Civil.civilFromDays(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    let secondOfDay = Int(seconds - (seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400) * 86_400)
    digits(y, 4); put(0x2D); digits(m, 2); put(0x2D); digits(d, 2); put(0x54)
    digits(secondOfDay / 3600, 2); put(0x3A); digits(secondOfDay / 60 % 60, 2); put(0x3A)
    digits(secondOfDay % 60, 2); put(0x2E); digits(Int(micros % 1_000_000), 6)
    put(0x2B); digits(0, 2); put(0x3A); digits(0, 2); put(0x20)
    put(host); put(0x20); put(ident)
    if pid {
      put(0x5B); put(self.pid); put(0x5D)
    }
    put(0x3A); put(0x20); put(message); put(0x0A)
    return buffer.distance(to: w)
  }

  /// Replaces the (empty) buffer by one of `needed` bytes.
  private func grow(to needed: Int) {
    // Safe because: it is called only with no line in the buffer (`used == 0`), and the chunk
    // handed out before is valid only until this call of `next()`.
    let bigger = UnsafeMutableRawPointer.allocate(byteCount: needed, alignment: 16)
    buffer.deallocate()
    buffer = bigger
    capacity = needed
  }

  /// Stops reading with `code` (a negative errno) kept as the error to report.
  private func fail(_ code: Int32) {
    finished = true
    if pendingError == nil {
      pendingError = InputError.damagedJournal(input.path, reason: JournalReader.describe(code))
    }
  }

  private static func open(_ paths: [String], into journal: inout OpaquePointer?) -> Int32 {
    // Safe because: the strdup copies live until the `defer` frees them, after the call, and
    // the NULL-terminated list is valid only inside the closure, which is all sd-journal needs
    // (it copies the paths).
    let copies = paths.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    var list: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) } + [nil]
    return list.withUnsafeMutableBufferPointer { sd_journal_open_files(&journal, $0.baseAddress, 0) }
  }

  static func describe(_ code: Int32) -> String { String(cString: strerror(-code)) }

}
