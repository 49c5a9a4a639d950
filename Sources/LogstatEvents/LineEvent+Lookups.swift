import LogstatClassify
import LogstatScan

/// Answers the counts ask of an event's names only now and then (once per recipient domain,
/// once per warning line): parsed here, on demand, so the common line pays nothing for them.
extension LineEvent {
  /// The provider whose servers the relay host belongs to; nil when there is no real relay
  /// (none, `none`, `local`, or a transport name without a dot such as `private/dovecot-lmtp`).
  public var relayProvider: Provider? {
    guard !relay.isEmpty, !LineEvent.isPseudoRelay(relay) else { return nil }
    return Provider.forRelayHost(relay.bytes)
  }

  /// The provider that hosts the recipient's domain (by its name), `.none` when unknown.
  public var domainProvider: Provider { Provider.forDomain(recipientDomain.text.bytes) }

  /// Calls `body` with the group of a warning/error/fatal/panic line (`severity daemon:
  /// template`, see `LogTemplate`) and a maker of its example text.
  public func withLogGroup<R>(_ body: (EventName, @escaping () -> String) -> R) -> R {
    let severity: StaticString
    switch event {
    case .warning: severity = "warning"
    case .error: severity = "error"
    case .fatal: severity = "fatal"
    default: severity = "panic"
    }
    let detail = self.detail.bytes
    let daemon = self.daemon.bytes
    // Safe because: `put` writes only while fewer than the buffer's bytes are used, and the key
    // built from it is used (and interned, copied) before the closure returns.
    return withUnsafeTemporaryAllocation(byteCount: 320, alignment: 1) { buffer in
      var n = 0
      func put(_ byte: UInt8) {
        if n < buffer.count {
          buffer[n] = byte
          n += 1
        }
      }
      // Safe because: a static string's bytes live for the whole program.
      for byte in UnsafeRawBufferPointer(start: severity.utf8Start, count: severity.utf8CodeUnitCount) { put(byte) }
      put(UInt8(ascii: " "))
      for byte in daemon.prefix(32) { put(byte) }
      put(UInt8(ascii: ":"))
      put(UInt8(ascii: " "))
      LogTemplate.write(detail, limit: 240) { put($0) }
      // Safe because: `n <= buffer.count` (put never writes past it), and the key is used
      // inside this closure only.
      let key = EventName(EventText(base: UnsafeRawPointer(buffer.baseAddress), length: n))
      return body(key) { String(decoding: detail.prefix(400), as: UTF8.self) }
    }
  }

  /// `none`, `local`, and transport names (`private/dovecot-lmtp`) name no provider.
  static func isPseudoRelay(_ relay: EventText) -> Bool {
    if relay.equals("none") || relay.equals("local") { return true }
    return !relay.bytes.contains(UInt8(ascii: "."))
  }

  /// True for an address that can be a remote person's mailbox: `local@domain.tld`, with a
  /// dotted domain. Pipes (`|cmd`), files (`/path`), Exim autoreplies (`>addr`) and
  /// pseudo-recipients (`:blackhole:`, `:fail:`), bare local names and anything with spaces or control bytes are not, so they
  /// never reach `--suppression-list` whatever the scanner made of the line.
  static func isRemoteMailbox(_ a: UnsafeRawBufferPointer) -> Bool {
    guard a.count >= 5, a.count <= 320, let at = a.lastIndex(of: UInt8(ascii: "@")), at > 0 else {
      return false
    }
    var first = a[0]
    if first == UInt8(ascii: "\""), a.count > 1 { first = a[1] }
    switch first {
    case UInt8(ascii: "|"), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "<"), UInt8(ascii: "\\"),
      UInt8(ascii: "@"), UInt8(ascii: ">"):
      return false
    default: break
    }
    for b in a where b <= 0x20 || b == 0x7F || b == UInt8(ascii: "|") { return false }
    var dots = 0
    var previous = UInt8(ascii: "@")
    for k in (at + 1)..<a.count {
      let b = a[k]
      switch b {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), 0x80...0xFF:
        break
      case UInt8(ascii: "."):
        if previous == UInt8(ascii: ".") || previous == UInt8(ascii: "@") { return false }
        dots += 1
      default: return false
      }
      previous = b
    }
    return dots > 0 && previous != UInt8(ascii: ".") && previous != UInt8(ascii: "-")
  }
}
