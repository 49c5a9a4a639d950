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
    while end > 0, host[end - 1] == UInt8(ascii: ".") { end -= 1 }  // trailing root dot
    let name = UnsafeRawBufferPointer(rebasing: host[0..<end])
    for (suffix, provider) in ProviderTables.relaySuffixes where hasLabelSuffix(name, suffix) {
      return provider
    }
    return .none
  }

  /// The provider that hosts a well-known mailbox domain (gmail.com, hotmail.de, web.de...).
  /// - Complexity: O(table size), no allocation.
  public static func forDomain(_ domain: UnsafeRawBufferPointer) -> Provider {
    var end = domain.count
    while end > 0, domain[end - 1] == UInt8(ascii: ".") || domain[end - 1] == UInt8(ascii: ">") {
      end -= 1
    }
    var start = 0
    if let at = domain[0..<end].lastIndex(of: UInt8(ascii: "@")) { start = at + 1 }
    let name = UnsafeRawBufferPointer(rebasing: domain[start..<end])
    for (suffix, provider) in ProviderTables.domainSuffixes where hasLabelSuffix(name, suffix) {
      return provider
    }
    for (prefix, provider) in ProviderTables.domainBrands where isBrand(name, prefix) {
      return provider
    }
    return .none
  }

  /// String convenience for tests and the command line.
  public static func forRelayHost(_ host: String) -> Provider {
    var host = host
    return host.withUTF8 { forRelayHost(UnsafeRawBufferPointer($0)) }
  }

  /// String convenience for tests and the command line.
  public static func forDomain(_ domain: String) -> Provider {
    var domain = domain
    return domain.withUTF8 { forDomain(UnsafeRawBufferPointer($0)) }
  }

  /// `name` equals `suffix` or ends with "." + suffix, ignoring ASCII case.
  static func hasLabelSuffix(_ name: UnsafeRawBufferPointer, _ suffix: [UInt8]) -> Bool {
    let n = name.count
    let s = suffix.count
    guard n >= s else { return false }
    var i = 0
    while i < s {
      let b = name[n - s + i]
      let lower = (b &- 65) < 26 ? b | 0x20 : b
      if lower != suffix[i] { return false }
      i += 1
    }
    return n == s || name[n - s - 1] == UInt8(ascii: ".")
  }

  /// `name` is `brand.tld` or `brand.co.tld` (e.g. hotmail.co.uk), ignoring ASCII case.
  static func isBrand(_ name: UnsafeRawBufferPointer, _ brand: [UInt8]) -> Bool {
    let n = name.count
    let s = brand.count
    guard n > s + 1 else { return false }
    for i in 0..<s {
      let b = name[i]
      if ((b &- 65) < 26 ? b | 0x20 : b) != brand[i] { return false }
    }
    guard name[s] == UInt8(ascii: ".") else { return false }
    var dots = 0
    for i in (s + 1)..<n where name[i] == UInt8(ascii: ".") { dots += 1 }
    return dots <= 1 && n - s - 1 <= 8
  }
}

/// Host-name and domain tables for provider detection; one line per suffix.
enum ProviderTables {
  static let relaySuffixes: [([UInt8], Provider)] = [
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
  ].map { (Array($0.0.utf8), $0.1) }

  static let domainSuffixes: [([UInt8], Provider)] = [
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
  ].map { (Array($0.0.utf8), $0.1) }

  /// Brands whose every country domain belongs to one provider: `hotmail.*`, `yahoo.co.*`...
  static let domainBrands: [([UInt8], Provider)] = [
    ("hotmail", Provider.microsoft), ("outlook", .microsoft), ("live", .microsoft),
    ("yahoo", .yahoo), ("aol", .yahoo), ("gmx", .gmx), ("yandex", .yandex), ("zoho", .zoho),
  ].map { (Array($0.0.utf8), $0.1) }
}
