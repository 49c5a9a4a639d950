import LogstatCodes

/// The SMTP step a reply answered, read from our MTA's wrapper words around it.
///
/// The step says whom a refusal is about: after `MAIL FROM` our sender or IP, after `RCPT TO`
/// the recipient, after the data the message, at connect or greeting our IP.
public enum SMTPStep: UInt8, Sendable, Hashable {
  case unknown
  /// Connection, initial greeting, `refused to talk to me`.
  case connect
  /// `HELO`/`EHLO`, `STARTTLS`, `AUTH`.
  case helo
  case mailFrom
  case rcptTo
  /// `DATA`, the message body or the end of data.
  case data

  /// The name `explain` prints (`rcpt-to`), nil when unknown.
  public var name: String? {
    switch self {
    case .unknown: nil
    case .connect: "connect"
    case .helo: "helo"
    case .mailFrom: "mail-from"
    case .rcptTo: "rcpt-to"
    case .data: "data"
    }
  }
}

/// Who gave a reply, when our own machine did rather than a remote server.
public enum ReplyOrigin: UInt8, Sendable, Hashable {
  /// A remote server, or not known.
  case remote
  /// Our own smtpd (Postfix `reject:`, `proxy-reject:`, `milter-reject:`).
  case ourServer
  /// A connection to a local socket (`connect to host[/path]`): our own delivery agent.
  case localSocket
}

/// Where the innermost remote reply sits inside a logged text, and the step it answered.
///
/// Wrappers peeled off: Postfix `host X said: ...` and `(in reply to X command)`,
/// `X refused to talk to me: ...`, `delivery temporarily suspended: ...`; Exim
/// `SMTP error from remote mail server after RCPT TO:<..>: [host X [ip]:] ...` and a trailing
/// `: retry timeout exceeded`; gateways quoting another server: Exchange
/// `Remote server returned '...'`, `550-'...'` quotes (Amazon SES, `Unknown address error`),
/// `Remote protocol error: ...`, Gmail `The error that the other server returned was: ... (state N)`;
/// qmail `<ip> does not like recipient. Remote host said: ... Giving up on <ip>.`, sendmail's
/// transcript `>>> RCPT To:<..> <<< 550 ...`. The words of a wrapper are classified only when it holds no
/// reply of its own (`lost connection with X while sending RCPT TO`).
struct ReplyStructure {
  var start: Int
  var end: Int
  var step: SMTPStep = .unknown
  /// The reply code of a gateway's quote (`550-'...'`), for a quoted reply that has none.
  var quotedCode: UInt16 = 0
  /// Who gave the reply, when it was not a remote server (`ReplyOrigin`).
  var origin: ReplyOrigin = .remote

  /// Finds the innermost reply in `t`; `start..<end` is the whole text when there is no wrapper.
  ///
  /// - Complexity: O(n) with a few literal compares at the bytes that can start a marker;
  ///   no allocation.
  static func locate(_ t: UnsafeRawBufferPointer) -> ReplyStructure {
    var s = ReplyStructure(start: 0, end: t.count)
    let n = t.count
    var i = 0
    while i < n {
      // Markers start words: letters count only after a space (or at the start).
      let raw = t[i]
      if raw != 0x28, raw != 0x27, i > 0, t[i - 1] != 0x20 {
        i += 1
        continue
      }
      let b = raw | 0x20
      switch b {
      case 0x73:  // s
        if let after = match(t, i, "said:") {
          if s.start <= i { s.start = after }
        } else if let after = match(t, i, "smtp error from remote mail server after ") {
          s.step = step(t, after)
          if let code = firstReplyCode(t, from: after) { s.start = code }
        } else if match(t, i, "sender verify fail") != nil || match(t, i, "sender verify defer") != nil {
          // Exim's callout on the envelope sender: whatever it found is about our sender.
          s.step = .mailFrom
        } else if let after = match(t, i, "suspended: "), i >= 12,
          match(t, i - 12, "temporarily ") != nil, s.start <= i
        {
          s.start = after
        }
      case 0x72:  // r
        if let after = match(t, i, "reject: ") ?? match(t, i, "reject_warning: ") {
          s.smtpdReject(t, after)
        } else if let after = match(t, i, "refused to talk to me:") {
          s.step = .connect
          if s.start <= i { s.start = after }
        } else if let after = match(t, i, "remote server returned '") {
          s.start = after
          if let close = lastQuote(t, after: after, before: s.end) { s.end = close }
        } else if let after = match(t, i, "remote protocol error:"), s.start <= i {
          s.start = after
        } else if let after = match(t, i, "retry timeout exceeded"), i >= 2, t[i - 2] == 0x3A,
          after >= s.end - 1, i - 2 > s.start
        {
          s.end = i - 2  // "mailbox is full: retry timeout exceeded": the cause is before
        }
      case 0x28:  // (
        if let after = match(t, i, "(in reply to ") {
          s.step = step(t, after)
          if i > s.start, i < s.end { s.end = i }
        } else if match(t, i, "(state ") != nil, i > s.start, i < s.end {
          s.end = i  // Gmail's trailer after the quoted reply: "(state 14)."
        }
      case 0x63:  // c
        // Postfix `connect to host[/var/run/x]: ...`: a socket path is on our own machine.
        if let after = match(t, i, "connect to "), isLocalSocket(t, after) { s.origin = .localSocket }
      case 0x70:  // p
        if let after = match(t, i, "proxy-reject: ") { s.smtpdReject(t, after) }
      case 0x6D:  // m
        if let after = match(t, i, "milter-reject: ") { s.smtpdReject(t, after) }
      case 0x77:  // w
        if let after = match(t, i, "while sending ") ?? match(t, i, "while performing the "),
          s.step == .unknown
        {
          s.step = step(t, after)
        } else if match(t, i, "while receiving the initial") != nil, s.step == .unknown {
          s.step = .connect
        }
      case 0x69:  // i
        if let after = match(t, i, "in response to "), s.step == .unknown { s.step = step(t, after) }
      case 0x64:  // d
        // qmail-send: "<ip> does not like recipient." / "... does not like sender." before
        // "Remote host said:" names the step.
        if let after = match(t, i, "does not like "), s.step == .unknown {
          if match(t, after, "recipient") != nil { s.step = .rcptTo }
          else if match(t, after, "sender") != nil { s.step = .mailFrom }
        }
      case 0x66:  // f
        // qmail-send: "<ip> failed after I sent the message." answers the data.
        if match(t, i, "failed after i sent the message") != nil, s.step == .unknown { s.step = .data }
      case 0x3E:  // >
        // Sendmail's transcript: ">>> RCPT To:<..> <<< 550 ...": the command we sent names the step.
        if let after = match(t, i, ">>> "), s.step == .unknown { s.step = step(t, after) }
      case 0x3C:  // <
        if let after = match(t, i, "<<< "), s.start <= i { s.start = after }
      case 0x62:  // b
        // qmail-send: "Connected to <ip> but sender was rejected." / "... but my name was rejected."
        if match(t, i, "but sender was rejected") != nil, s.step == .unknown { s.step = .mailFrom }
        else if match(t, i, "but my name was rejected") != nil, s.step == .unknown { s.step = .helo }
      case 0x67:  // g
        // qmail-send's trailer after the remote reply: "Giving up on <ip>."
        if match(t, i, "giving up on ") != nil, i > s.start, i < s.end { s.end = i }
      case 0x74:  // t
        // Gmail quoting the other server: "The error that the other server returned was: ...",
        // "The response from the remote server was: ...".
        if let after = match(t, i, "the error that the other server returned was:")
          ?? match(t, i, "the response from the remote server was:"), s.start <= i
        {
          s.start = after
        }
      case 0x27:  // ' after "550-" or "550 ": a gateway quoting the remote reply
        // A quoted reply has words: "550 'a@b.example' is not ..." only quotes an address.
        if i >= 4, i > s.start, isQuoteOpener(t, i), let close = lastQuote(t, after: i + 1, before: s.end),
          hasSpace(t, from: i + 1, to: close)
        {
          s.start = i + 1
          s.end = close
          s.quotedCode = SMTPCodeParser.basic(t, at: i - 4, end: i - 1) ?? 0
        }
      default: break
      }
      i += 1
    }
    if s.start >= s.end {  // a wrapper with nothing inside: classify all of it
      s.start = 0
      s.end = n
    }
    return s
  }

  /// The length of Postfix's wrapper `host NAME[ADDRESS] said: ` at the start of `t`, or nil.
  ///
  /// Only a name of letters, digits, `.` and `-` and an address of hex digits, `.` and `:`
  /// count. Such a name and address hold no marker `locate` reads (every marker has a space,
  /// `:`, `(` or `'` that the name lacks, and none starts inside a word), and every look-back
  /// from the rest stops in the fixed `] said: ` or cannot match there; so `locate` finds the
  /// same step, origin and quoted code, and the same inner text in the rest, whatever the
  /// name, unless it falls back to the whole text. The reply cache keys such a text on the
  /// rest alone (`ReplyClassifier`), so another server of the same provider hits.
  static func hostSaidPrefix(_ t: UnsafeRawBufferPointer) -> Int? {
    let n = t.count
    guard n > 16, match(t, 0, "host ") != nil else { return nil }
    var k = 5
    while k < n, isNameByte(t[k]) { k += 1 }
    guard k > 5, k < n, t[k] == 0x5B else { return nil }  // [
    k += 1
    let address = k
    while k < n, isAddressByte(t[k]) { k += 1 }
    guard k > address, k < n, t[k] == 0x5D else { return nil }  // ]
    k += 1
    guard k + 7 <= n, t[k] == 0x20, t[k + 1] == 0x73, t[k + 2] == 0x61, t[k + 3] == 0x69, t[k + 4] == 0x64,
      t[k + 5] == 0x3A, t[k + 6] == 0x20
    else { return nil }  // " said: "
    return k + 7
  }

  /// A host name's byte: an ASCII letter, digit, `.` or `-`.
  @inline(__always)
  static func isNameByte(_ b: UInt8) -> Bool {
    (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 || b == 0x2E || b == 0x2D
  }

  /// An address's byte: a hex digit, `.` or `:` (IPv4 and IPv6 without the `IPv6:` tag).
  @inline(__always)
  static func isAddressByte(_ b: UInt8) -> Bool {
    b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 6 || b == 0x2E || b == 0x3A
  }

  /// Postfix smtpd's own refusal, `reject: RCPT from host[ip]: 554 ...; from=<..> to=<..>`
  /// (also `reject_warning:`, `proxy-reject: END-OF-MESSAGE:`, `milter-reject:`): the step is
  /// the word after the marker, the reply starts at its code (so a host name such as
  /// `4.1.1_dsn[1.2.3.4]` is never read as a code) and ends before `; from=<` or `; proto=`.
  /// A milter's reply may carry only an enhanced code (`milter-reject: END-OF-MESSAGE from
  /// relay2.example[ip]: 4.7.1 Try again later;`): it starts there, so the client's host name
  /// (`relay2...`) is never read as the reply's words.
  mutating func smtpdReject(_ t: UnsafeRawBufferPointer, _ after: Int) {
    origin = .ourServer
    step = ReplyStructure.step(t, after)
    guard
      let code = ReplyStructure.firstReplyCode(t, from: after)
        ?? ReplyStructure.firstEnhancedCode(t, from: after)
    else { return }
    start = code
    var j = code
    while j + 7 < t.count {
      if t[j] == 0x3B, t[j + 1] == 0x20,
        ReplyStructure.match(t, j + 2, "from=<") != nil || ReplyStructure.match(t, j + 2, "proto=") != nil
      {
        end = j
        return
      }
      j += 1
    }
  }

  /// The step named by the words at `p`: `RCPT TO`, `MAIL FROM`, `end of data`, `DATA`...
  static func step(_ t: UnsafeRawBufferPointer, _ p: Int) -> SMTPStep {
    var p = p
    if let after = match(t, p, "pipelined ") { p = after }
    if match(t, p, "rcpt") != nil { return .rcptTo }
    if match(t, p, "mail") != nil { return .mailFrom }
    if match(t, p, "end of data") != nil || match(t, p, "data") != nil || match(t, p, "message") != nil
      || match(t, p, "end-of-message") != nil
      || match(t, p, "bdat") != nil
    {
      return .data
    }
    if match(t, p, "helo") != nil || match(t, p, "ehlo") != nil || match(t, p, "lhlo") != nil
      || match(t, p, "starttls") != nil || match(t, p, "auth") != nil || match(t, p, "xforward") != nil
    {
      return .helo
    }
    if match(t, p, "initial") != nil || match(t, p, "connect") != nil || match(t, p, "greeting") != nil
    {
      return .connect
    }
    return .unknown
  }

  /// Whether the peer named at `p` (`host[address]`) has an address that is a file path
  /// (`[/var/run/dovecot/lmtp]`): the host name ends at the first space, colon or `[`.
  static func isLocalSocket(_ t: UnsafeRawBufferPointer, _ p: Int) -> Bool {
    var k = p
    while k + 1 < t.count {
      let b = t[k]
      if b == 0x5B { return t[k + 1] == 0x2F }  // "[/"
      if b == 0x20 || b == 0x3A { return false }
      k += 1
    }
    return false
  }

  /// `550-'` or `550 '`: a reply code right before the quote at `q`.
  static func isQuoteOpener(_ t: UnsafeRawBufferPointer, _ q: Int) -> Bool {
    let sep = t[q - 1]
    guard sep == 0x2D || sep == 0x20 else { return false }
    return isDigit(t[q - 4]) && isDigit(t[q - 3]) && isDigit(t[q - 2])
      && (q == 4 || !isDigit(t[q - 5]))
  }

  /// Whether `t[from..<to]` holds a space: a quoted reply has words, a quoted address has none.
  static func hasSpace(_ t: UnsafeRawBufferPointer, from: Int, to: Int) -> Bool {
    var k = from
    while k < to {
      if t[k] == 0x20 { return true }
      k += 1
    }
    return false
  }

  /// The last `'` in `after..<before`, if any.
  static func lastQuote(_ t: UnsafeRawBufferPointer, after: Int, before: Int) -> Int? {
    var k = before - 1
    while k >= after {
      if t[k] == 0x27 { return k }
      k -= 1
    }
    return nil
  }

  /// The first reply code (`SMTPCodeParser.basic`) at or after `p` that starts a word after `: `.
  static func firstReplyCode(_ t: UnsafeRawBufferPointer, from p: Int) -> Int? {
    var k = p
    while k + 3 < t.count {
      if t[k] == 0x3A, t[k + 1] == 0x20 {
        let c = k + 2
        let after = c + SMTPCodeParser.basicLength
        if SMTPCodeParser.basic(t, at: c, end: t.count) != nil,
          after == t.count || t[after] == 0x20 || t[after] == 0x2D
        {
          return c
        }
      }
      k += 1
    }
    return nil
  }

  /// The first enhanced code (`4.7.1`) at or after `p` that starts a word after `: ` and is
  /// followed by a space, `;` or the end.
  static func firstEnhancedCode(_ t: UnsafeRawBufferPointer, from p: Int) -> Int? {
    var k = p
    while k + 3 < t.count {
      if t[k] == 0x3A, t[k + 1] == 0x20 {
        let c = k + 2
        if let (_, length) = SMTPCodeParser.enhanced(t, at: c, end: t.count) {
          let after = c + length
          if after == t.count || t[after] == 0x20 || t[after] == 0x3B { return c }
        }
      }
      k += 1
    }
    return nil
  }

  @inline(__always)
  static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

  /// If the ASCII-case-insensitive `literal` (lower case) is at `p`, the index after it.
  @inline(__always)
  static func match(_ t: UnsafeRawBufferPointer, _ p: Int, _ literal: StaticString) -> Int? {
    let count = literal.utf8CodeUnitCount
    guard p + count <= t.count else { return nil }
    let l = literal.utf8Start
    var k = 0
    while k < count {
      let b = t[p + k]
      let lower = (b &- 65) < 26 ? b | 0x20 : b
      if lower != l[k] { return nil }
      k += 1
    }
    return p + count
  }
}
