/// How a delivery attempt ended, which decides the shape of the status text.
enum ReplyShape: UInt8, Sendable {
  /// The server answered a command: `host H[IP] said: TEXT (in reply to X command)`.
  case smtp
  /// The server refused at the greeting: `host H[IP] refused to talk to me: TEXT`.
  case greeting
  /// No connection: `connect to H[IP]:25: Connection timed out` (relay=none).
  case connectTimeout
  /// No connection: `connect to H[IP]:25: Connection refused` (relay=none).
  case connectRefused
  /// The domain does not exist (relay=none, dsn=5.4.4).
  case dnsNotFound
  /// A temporary DNS failure (relay=none, dsn=4.4.3).
  case dnsTemp
  /// The connection dropped mid-conversation (dsn=4.4.2).
  case lostConnection
  /// Our SIZE exceeds the server's limit (dsn=5.3.4).
  case sizeLimit
}

/// The SMTP command a reply answered.
enum SmtpStage: UInt8, Sendable {
  case rcpt, mail, data
}

/// One server reply: shape, stage, DSN and text with placeholders (see `ReplyPool.markers`).
struct Reply: Sendable {
  var shape: ReplyShape
  var stage: SmtpStage
  var dsn: BStr
  var text: BStr
  /// The reply is about the message size (only plausible for large messages).
  var aboutSize: Bool
}

/// All reply texts, grouped by provider family and outcome, with weights baked in by repetition.
struct ReplyPool: Sendable {
  var replies: [Reply] = []
  /// Per provider (index `Provider.rawValue`): weighted reply indices for each outcome.
  var sent: [[Int32]] = Array(repeating: [], count: 5)
  var deferred: [[Int32]] = Array(repeating: [], count: 5)
  var bounced: [[Int32]] = Array(repeating: [], count: 5)
  var greylist: Int32 = 0
  var connectTimeout: Int32 = 0
  var connectRefused: Int32 = 0
  var dnsNotFound: Int32 = 0

  /// Placeholder letters in the texts below and the marker byte each becomes.
  ///
  /// `%a` recipient as sent, `%d` recipient domain, `%i` our IP, `%t` a provider token,
  /// `%h` relay host, `%n` the current Unix time, `%s` sender address, `%S` sender domain
  /// upper-cased, `%T` the current UTC time as ISO 8601 with milliseconds, `%q` a queue ID,
  /// `%m` the message-id.
  static let markers: [Character: UInt8] = [
    "a": 1, "d": 2, "i": 3, "t": 4, "h": 5, "n": 6, "s": 7, "S": 8, "T": 9, "q": 14, "m": 15,
  ]

  /// The pool every run uses.
  static let shared: ReplyPool = {
    _ = DomainTable.shared  // the arena must hold the domain table first
    var pool = ReplyPool()
    pool.build()
    ByteArena.freeze()
    return pool
  }()

  /// Picks a reply index of an outcome for a provider, falling back to the generic family.
  @inline(__always)
  func pick(_ table: [[Int32]], _ provider: Provider, _ rng: inout Xoshiro256) -> Int {
    let list = table[Int(provider.rawValue)].isEmpty ? table[0] : table[Int(provider.rawValue)]
    return Int(list[rng.below(list.count)])
  }

  @discardableResult
  mutating func add(
    _ table: WritableKeyPath<ReplyPool, [[Int32]]>?, _ provider: Provider, _ shape: ReplyShape,
    _ stage: SmtpStage, _ dsn: String, _ text: String, w weight: Int = 1
  ) -> Int32 {
    var bytes: [UInt8] = []
    var pendingPercent = false
    for ch in text {
      if pendingPercent {
        pendingPercent = false
        if let m = ReplyPool.markers[ch] {
          bytes.append(m)
          continue
        }
        bytes.append(UInt8(ascii: "%"))
      }
      if ch == "%" {
        pendingPercent = true
      } else {
        bytes.append(contentsOf: Array(String(ch).utf8))
      }
    }
    if pendingPercent { bytes.append(UInt8(ascii: "%")) }
    replies.append(
      Reply(
        shape: shape, stage: stage, dsn: ByteArena.add(dsn), text: ByteArena.add(bytes),
        aboutSize: shape == .sizeLimit || dsn == "5.2.3" || dsn == "5.3.4"))
    let index = Int32(replies.count - 1)
    if let table {
      self[keyPath: table][Int(provider.rawValue)] += Array(repeating: index, count: weight)
    }
    return index
  }
}
