/// Fixed names: the big mailbox providers with their real MX hosts, our senders' domains,
/// and the syllables the synthetic long tail of domains is made of.
extension DomainTable {
  /// A big provider: name, share of all recipients in percent, reply family, MX hosts.
  struct ProviderSpec {
    var name: String
    var weight: Double
    var provider: Provider
    var relays: [(String, String)]
  }

  static let gmailMX: [(String, String)] = [
    ("gmail-smtp-in.l.google.com", "142.250.102.27"),
    ("gmail-smtp-in.l.google.com", "2a00:1450:4013:c01::1a"),
    ("alt1.gmail-smtp-in.l.google.com", "142.250.153.26"),
    ("alt2.gmail-smtp-in.l.google.com", "64.233.184.27"),
  ]
  static let yahooMX: [(String, String)] = [
    ("mta5.am0.yahoodns.net", "67.195.204.77"),
    ("mta6.am0.yahoodns.net", "98.136.96.75"),
    ("mta7.am0.yahoodns.net", "67.195.228.110"),
  ]
  static let aolMX: [(String, String)] = [
    ("mx-aol.mail.gm0.yahoodns.net", "67.195.204.79"),
    ("mx-aol.mail.gm0.yahoodns.net", "98.136.96.92"),
  ]
  static let appleMX: [(String, String)] = [
    ("mx01.mail.icloud.com", "17.57.154.33"),
    ("mx02.mail.icloud.com", "17.57.155.35"),
  ]
  static let gmxMX: [(String, String)] = [
    ("mx00.emig.gmx.net", "212.227.15.9"), ("mx01.emig.gmx.net", "212.227.17.5"),
  ]
  static let webdeMX: [(String, String)] = [
    ("mx-ha02.web.de", "212.227.17.8"), ("mx-ha03.web.de", "212.227.15.41"),
  ]

  static func microsoftConsumer(_ dashed: String, _ last: Int) -> [(String, String)] {
    [("\(dashed).olc.protection.outlook.com", "52.101.68.\(last)"),
     ("\(dashed).olc.protection.outlook.com", "52.101.73.\(last + 1)")]
  }

  static let providers: [ProviderSpec] = [
    ProviderSpec(name: "gmail.com", weight: 26, provider: .google, relays: gmailMX),
    ProviderSpec(name: "googlemail.com", weight: 0.6, provider: .google, relays: gmailMX),
    ProviderSpec(name: "hotmail.com", weight: 6, provider: .microsoft, relays: microsoftConsumer("hotmail-com", 14)),
    ProviderSpec(name: "outlook.com", weight: 4, provider: .microsoft, relays: microsoftConsumer("outlook-com", 20)),
    ProviderSpec(name: "live.com", weight: 1.5, provider: .microsoft, relays: microsoftConsumer("live-com", 31)),
    ProviderSpec(name: "msn.com", weight: 0.6, provider: .microsoft, relays: microsoftConsumer("msn-com", 40)),
    ProviderSpec(name: "hotmail.co.uk", weight: 0.5, provider: .microsoft, relays: microsoftConsumer("hotmail-co-uk", 50)),
    ProviderSpec(name: "hotmail.fr", weight: 0.4, provider: .microsoft, relays: microsoftConsumer("hotmail-fr", 60)),
    ProviderSpec(name: "yahoo.com", weight: 6, provider: .yahoo, relays: yahooMX),
    ProviderSpec(name: "ymail.com", weight: 0.4, provider: .yahoo, relays: yahooMX),
    ProviderSpec(name: "rocketmail.com", weight: 0.1, provider: .yahoo, relays: yahooMX),
    ProviderSpec(name: "yahoo.co.uk", weight: 0.5, provider: .yahoo, relays: yahooMX),
    ProviderSpec(name: "yahoo.fr", weight: 0.3, provider: .yahoo, relays: yahooMX),
    ProviderSpec(name: "aol.com", weight: 1.5, provider: .yahoo, relays: aolMX),
    ProviderSpec(name: "icloud.com", weight: 3, provider: .apple, relays: appleMX),
    ProviderSpec(name: "me.com", weight: 0.6, provider: .apple, relays: appleMX),
    ProviderSpec(name: "mac.com", weight: 0.3, provider: .apple, relays: appleMX),
    ProviderSpec(name: "gmx.de", weight: 1.2, provider: .generic, relays: gmxMX),
    ProviderSpec(name: "gmx.net", weight: 0.5, provider: .generic, relays: gmxMX),
    ProviderSpec(name: "web.de", weight: 1.2, provider: .generic, relays: webdeMX),
    ProviderSpec(name: "t-online.de", weight: 0.8, provider: .generic, relays: [("mx00.t-online.de", "194.25.134.8"), ("mx01.t-online.de", "194.25.134.9")]),
    ProviderSpec(name: "comcast.net", weight: 1, provider: .generic, relays: [("mx1a1.comcast.net", "96.114.157.80"), ("mx2c1.comcast.net", "96.102.18.146")]),
    ProviderSpec(name: "att.net", weight: 0.6, provider: .generic, relays: [("ff-ip4-mx-vip1.prodigy.net", "144.160.159.21"), ("ff-ip4-mx-vip2.prodigy.net", "144.160.235.143")]),
    ProviderSpec(name: "sbcglobal.net", weight: 0.4, provider: .generic, relays: [("ff-ip4-mx-vip1.prodigy.net", "144.160.159.21")]),
    ProviderSpec(name: "verizon.net", weight: 0.4, provider: .yahoo, relays: aolMX),
    ProviderSpec(name: "cox.net", weight: 0.3, provider: .generic, relays: [("cxr.mx.a.cloudfilter.net", "35.162.106.154")]),
    ProviderSpec(name: "charter.net", weight: 0.2, provider: .generic, relays: [("mx.charter.net", "47.43.26.7")]),
    ProviderSpec(name: "orange.fr", weight: 0.8, provider: .generic, relays: [("smtp-in.orange.fr", "80.12.242.8")]),
    ProviderSpec(name: "wanadoo.fr", weight: 0.3, provider: .generic, relays: [("smtp-in.orange.fr", "80.12.242.8")]),
    ProviderSpec(name: "free.fr", weight: 0.5, provider: .generic, relays: [("mx1.free.fr", "212.27.48.6"), ("mx2.free.fr", "212.27.42.56")]),
    ProviderSpec(name: "laposte.net", weight: 0.3, provider: .generic, relays: [("smtp-in.laposte.net", "160.92.124.66")]),
    ProviderSpec(name: "btinternet.com", weight: 0.4, provider: .yahoo, relays: [("mx-bt.mail.am0.yahoodns.net", "67.195.204.72")]),
    ProviderSpec(name: "libero.it", weight: 0.3, provider: .generic, relays: [("smtp-in.libero.it", "213.209.1.129")]),
    ProviderSpec(name: "mail.ru", weight: 0.5, provider: .generic, relays: [("mxs.mail.ru", "217.69.139.150")]),
    ProviderSpec(name: "yandex.ru", weight: 0.5, provider: .generic, relays: [("mx.yandex.ru", "77.88.21.249")]),
    ProviderSpec(name: "seznam.cz", weight: 0.2, provider: .generic, relays: [("mx1.seznam.cz", "77.75.78.2")]),
    ProviderSpec(name: "protonmail.com", weight: 0.4, provider: .generic, relays: [("mail.protonmail.ch", "185.70.42.128"), ("mailsec.protonmail.ch", "185.70.42.129")]),
    ProviderSpec(name: "proton.me", weight: 0.3, provider: .generic, relays: [("mail.protonmail.ch", "185.70.42.128")]),
    ProviderSpec(name: "qq.com", weight: 0.3, provider: .generic, relays: [("mx3.qq.com", "203.205.219.57")]),
    ProviderSpec(name: "shaw.ca", weight: 0.2, provider: .generic, relays: [("mx.shaw.ca", "64.59.128.135")]),
  ]

  /// Our own customers' domains, the senders of the outbound mail (and recipients of DSNs).
  static let senderDomainNames = [
    "acme-shop.com", "northwind-traders.com", "contoso-mail.net", "fabrikam.org",
    "tailspin-travel.com", "wingtip-toys.com", "adventure-works.com", "litware.net",
    "proseware.io", "blue-yonder-air.com", "alpine-ski-house.de", "coho-winery.fr",
  ]

  private static let syllables = [
    "al", "ber", "can", "dor", "el", "fin", "gar", "hol", "in", "jun", "kel", "lor", "mar",
    "nor", "ol", "pen", "quin", "ros", "sal", "tor", "ul", "ver", "wes", "xan", "yor", "zen",
    "bri", "cla", "dra", "fro", "gle", "ste", "tra", "vi", "mo", "lu", "ka", "ri", "sa", "te",
  ]
  private static let words = [
    "tech", "net", "mail", "group", "media", "labs", "soft", "data", "home", "law", "health",
    "bank", "shop", "travel", "consult", "design", "systems", "energy", "foods", "logistics",
  ]
  private static let tlds: [(String, Int)] = [
    ("com", 46), ("net", 8), ("org", 7), ("de", 8), ("co.uk", 6), ("fr", 4), ("nl", 3),
    ("it", 3), ("es", 2), ("io", 3), ("com.au", 2), ("ca", 2), ("ch", 1), ("se", 1),
    ("pl", 1), ("be", 1), ("at", 1), ("edu", 1),
  ]

  /// A deterministic synthetic domain name for tail position `index` (may repeat; caller dedups).
  static func tailName(_ index: UInt64) -> String {
    var h = Xoshiro256.hash(index)
    func take(_ n: Int) -> Int {
      let v = Int(h % UInt64(n))
      h /= UInt64(n)
      return v
    }
    var name = syllables[take(syllables.count)] + syllables[take(syllables.count)]
    if take(3) == 0 { name += syllables[take(syllables.count)] }
    switch take(4) {
    case 0: name += words[take(words.count)]
    case 1: name += "-" + words[take(words.count)]
    default: break
    }
    var pick = take(100)
    for (tld, w) in tlds {
      if pick < w { return name + "." + tld }
      pick -= w
    }
    return name + ".com"
  }
}
