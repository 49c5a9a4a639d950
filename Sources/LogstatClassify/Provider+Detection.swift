import LogstatTables

extension Provider {
  /// The provider whose servers a relay host name belongs to (`mx.google.com[1.2.3.4]:25`).
  ///
  /// Accepts the whole Postfix `relay=` value or an Exim `H=` host: stops at `[`, `:` or space.
  /// Returns `.none` for `none`, IP literals, loopback and unknown hosts.
  /// - Complexity: O(suffix table size), no allocation.
  public static func forRelayHost(_ host: UnsafeRawBufferPointer) -> Provider {
    var end = 0
    while end < host.count {
      let b = host[end]
      if b == UInt8(ascii: "[") || b == UInt8(ascii: ":") || b == 0x20 { break }
      end += 1
    }
    return ProviderTables.lookup(host, end: end, in: ProviderTables.relayIndex)
  }

  /// The provider that hosts a well-known mailbox domain (gmail.com, hotmail.de, web.de...).
  ///
  /// Accepts a bare domain or a whole address (the part after the last `@` is used).
  /// - Complexity: O(length), no allocation.
  public static func forDomain(_ domain: UnsafeRawBufferPointer) -> Provider {
    var start = 0
    var end = domain.count
    while end > 0, domain[end - 1] == UInt8(ascii: ">") { end -= 1 }
    for i in 0..<end where domain[i] == UInt8(ascii: "@") { start = i + 1 }
    // Safe because: start <= end <= domain.count (start is one past an index below end).
    let name = UnsafeRawBufferPointer(rebasing: domain[start..<end])
    let found = ProviderTables.lookup(name, end: name.count, in: ProviderTables.domainIndex)
    if found != .none { return found }
    return ProviderTables.brand(name)
  }

  /// String convenience for tests and the command line.
  public static func forRelayHost(_ host: String) -> Provider {
    var host = host
    // Safe because: the host's bytes are read only inside the closure.
    return host.withUTF8 { forRelayHost(UnsafeRawBufferPointer($0)) }
  }

  /// String convenience for tests and the command line.
  public static func forDomain(_ domain: String) -> Provider {
    var domain = domain
    // Safe because: the domain's bytes are read only inside the closure.
    return domain.withUTF8 { forDomain(UnsafeRawBufferPointer($0)) }
  }
}

/// Host-name and domain tables for provider detection; one line per suffix.
enum ProviderTables {
  /// FNV-1a over ASCII-lower-cased bytes: the key of the suffix tables.
  @inline(__always)
  static func hash(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var i = start
    while i < end {
      let b = bytes[i]
      h = (h ^ UInt64((b &- 65) < 26 ? b | 0x20 : b)) &* 0x100_0000_01b3
      i &+= 1
    }
    return h
  }

  /// The provider of the longest listed suffix of `name[0..<end]` (up to three labels).
  static func lookup(_ name: UnsafeRawBufferPointer, end rawEnd: Int, in index: SuffixIndex)
    -> Provider
  {
    var end = rawEnd
    while end > 0, name[end - 1] == UInt8(ascii: ".") { end -= 1 }  // the root dot
    guard end > 0 else { return .none }
    // Start offsets of the last three labels, longest first.
    var starts = (0, 0, 0)
    var found = 0
    var i = end - 1
    while i >= 0, found < 3 {
      if name[i] == UInt8(ascii: ".") {
        if found == 0 { starts.0 = i + 1 } else if found == 1 { starts.1 = i + 1 } else { starts.2 = i + 1 }
        found += 1
      }
      i -= 1
    }
    // With fewer dots the whole name is the longest candidate.
    let candidates: (Int, Int) =
      switch found {
      case 0: (-1, -1)
      case 1: (0, -1)
      case 2: (0, starts.1)
      default: (starts.2, starts.1)
      }
    if candidates.0 >= 0 {
      let provider = index.find(hash(name, candidates.0, end))
      if provider != .none { return provider }
    }
    if candidates.1 >= 0 { return index.find(hash(name, candidates.1, end)) }
    return .none
  }

  /// `brand.tld` or `brand.co.tld` for the brands below (hotmail.co.uk, yahoo.fr...).
  static func brand(_ name: UnsafeRawBufferPointer) -> Provider {
    var end = name.count
    while end > 0, name[end - 1] == UInt8(ascii: ".") { end -= 1 }
    var firstDot = -1
    var dots = 0
    for i in 0..<end where name[i] == UInt8(ascii: ".") {
      if firstDot < 0 { firstDot = i }
      dots += 1
    }
    guard firstDot > 0, dots <= 2, end - firstDot - 1 <= 8 else { return .none }
    return brandIndex.find(hash(name, 0, firstDot))
  }

  static func index(_ table: [(String, Provider)]) -> SuffixIndex {
    SuffixIndex(
      table.map { name, provider in
        let bytes = Array(name.utf8)
        // Safe because: the hash reads `0..<count` of the array's bytes, inside the closure.
        return (bytes.withUnsafeBytes { hash($0, 0, $0.count) }, provider)
      })
  }

  static let relayIndex = index(relaySuffixes)
  static let domainIndex = index(domainSuffixes)
  static let brandIndex = index(domainBrands)

  static let relaySuffixes: [(String, Provider)] = [
    ("google.com", Provider.google), ("googlemail.com", .google), ("gmail.com", .google),
    ("psmtp.com", .google),
    ("protection.outlook.com", .microsoft), ("outlook.com", .microsoft), ("hotmail.com", .microsoft),
    ("office365.com", .microsoft), ("messaging.microsoft.com", .microsoft), ("outlook.office.com", .microsoft),
    ("live.com", .microsoft),
    ("yahoodns.net", .yahoo), ("yahoo.com", .yahoo), ("yahoo.net", .yahoo), ("aol.com", .yahoo),
    ("icloud.com", .apple), ("me.com", .apple), ("mac.com", .apple), ("apple.com", .apple),
    ("gmx.net", .gmx), ("gmx.com", .gmx), ("gmx.de", .gmx), ("web.de", .gmx), ("mail.com", .gmx),
    ("1and1.com", .gmx), ("1and1.co.uk", .gmx), ("ionos.com", .gmx), ("ionos.de", .gmx),
    ("ionos.co.uk", .gmx), ("kundenserver.de", .gmx), ("1und1.de", .gmx),
    ("mail.ru", .mailru), ("yandex.ru", .yandex), ("yandex.net", .yandex), ("yandex.com", .yandex),
    ("zoho.com", .zoho), ("zoho.eu", .zoho), ("zoho.in", .zoho), ("zohomail.com", .zoho),
    ("protonmail.ch", .proton), ("proton.me", .proton), ("protonmail.com", .proton),
    ("messagingengine.com", .fastmail), ("fastmail.com", .fastmail), ("fastmail.fm", .fastmail),
    ("comcast.net", .comcast), ("att.net", .att), ("sbcglobal.net", .att), ("bellsouth.net", .att),
    ("prodigy.net", .att), ("cox.net", .cox), ("charter.net", .charter), ("spectrum.net", .charter),
    ("rr.com", .charter), ("twc.com", .charter),
    ("orange.fr", .orange), ("wanadoo.fr", .orange), ("free.fr", .free), ("t-online.de", .tOnline),
    ("libero.it", .libero), ("qq.com", .tencent), ("foxmail.com", .tencent),
    ("163.com", .netease), ("126.com", .netease), ("netease.com", .netease), ("naver.com", .naver),
    ("mimecast.com", .mimecast), ("mimecast.co.za", .mimecast), ("mimecast-offshore.com", .mimecast),
    ("pphosted.com", .proofpoint), ("ppe-hosted.com", .proofpoint), ("proofpoint.com", .proofpoint),
    ("barracudanetworks.com", .barracuda), ("iphmx.com", .cisco),
  ]

  static let domainSuffixes: [(String, Provider)] = [
    ("gmail.com", Provider.google), ("googlemail.com", .google),
    ("msn.com", .microsoft), ("windowslive.com", .microsoft),
    ("ymail.com", .yahoo), ("rocketmail.com", .yahoo), ("aim.com", .yahoo), ("verizon.net", .yahoo),
    ("icloud.com", .apple), ("me.com", .apple), ("mac.com", .apple),
    ("web.de", .gmx), ("mail.com", .gmx), ("email.de", .gmx), ("1und1.de", .gmx), ("online.de", .gmx),
    ("mail.ru", .mailru), ("inbox.ru", .mailru), ("list.ru", .mailru), ("bk.ru", .mailru),
    ("internet.ru", .mailru), ("ya.ru", .yandex), ("narod.ru", .yandex),
    ("zohomail.com", .zoho), ("protonmail.com", .proton), ("protonmail.ch", .proton),
    ("proton.me", .proton), ("pm.me", .proton),
    ("fastmail.com", .fastmail), ("fastmail.fm", .fastmail),
    ("comcast.net", .comcast), ("att.net", .att), ("sbcglobal.net", .att), ("bellsouth.net", .att),
    ("pacbell.net", .att), ("swbell.net", .att), ("prodigy.net", .att), ("flash.net", .att),
    ("cox.net", .cox), ("charter.net", .charter), ("spectrum.net", .charter), ("rr.com", .charter),
    ("twc.com", .charter), ("orange.fr", .orange), ("wanadoo.fr", .orange), ("free.fr", .free),
    ("t-online.de", .tOnline), ("libero.it", .libero), ("qq.com", .tencent), ("foxmail.com", .tencent),
    ("163.com", .netease), ("126.com", .netease), ("yeah.net", .netease), ("naver.com", .naver),
  ]

  /// Brands whose every country domain belongs to one provider: `hotmail.*`, `yahoo.co.*`...
  static let domainBrands: [(String, Provider)] = [
    ("hotmail", Provider.microsoft), ("outlook", .microsoft), ("live", .microsoft),
    ("yahoo", .yahoo), ("aol", .yahoo), ("gmx", .gmx), ("yandex", .yandex), ("zoho", .zoho),
  ]
}

/// Suffix hashes -> provider on the shared hash-table core, probed without hashing again.
///
/// The key is the name's 64-bit FNV-1a hash (two listed names never share it: checked when the
/// index is built); the slot holds it and the provider.
struct SuffixIndex: Sendable {
  private var index: HashIndex<SuffixKeys>

  init(_ entries: [(UInt64, Provider)]) {
    // Sized so the index stays at most a quarter full: lookups that miss (most) end early.
    index = HashIndex(capacity: entries.count * 4)
    for (key, provider) in entries {
      precondition(key != 0, "a provider suffix hashes to 0")
      let (p, found) = index.find(key, hash: key)
      precondition(!found, "duplicate provider suffix")
      index.insert(SuffixKeys.Slot(key: key, provider: provider), at: p)
    }
  }

  /// The provider stored for `key`, or `.none`.
  @inline(__always)
  func find(_ key: UInt64) -> Provider {
    let (p, found) = index.find(key, hash: key)
    return found ? index[p].provider : .none
  }

  /// Traps unless the index is sound (tests).
  func checkInvariants() { index._checkInvariants() }
}

/// `SuffixIndex`'s slots: a suffix hash (0 = empty) and its provider.
enum SuffixKeys: HashTableKeys {
  struct Slot: HashTableSlot, Sendable {
    var key: UInt64
    var provider: Provider
    static var empty: Slot { Slot(key: 0, provider: .none) }
    var isEmpty: Bool { key == 0 }
  }

  @inline(__always) static func hash(slot: Slot, in storage: Void) -> UInt64 { slot.key }
  @inline(__always) static func slot(_ slot: Slot, holds key: UInt64, in storage: Void) -> Bool {
    slot.key == key
  }
}
