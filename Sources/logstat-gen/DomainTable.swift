/// Which family of reply texts a receiving domain's servers answer with.
enum Provider: UInt8, Sendable {
  case generic, google, microsoft, yahoo, apple
}

/// How a domain's mail servers behave beyond the per-recipient outcome mix.
enum Personality: UInt8, Sendable {
  /// Ordinary: outcomes follow the global mix.
  case normal
  /// The domain does not exist: every recipient bounces with a DNS error.
  case nxdomain
  /// Its MX never answers: every recipient is deferred (connection timed out) until expiry.
  case dead
  /// Its MX refuses connections: deferred (connection refused) until expiry.
  case refusing
  /// Greylists: a recipient's first attempt is deferred, the retry goes through.
  case greylisting
}

/// One receiving mail server (MX host) as it appears in `relay=` and Exim `H=`.
struct Relay: Sendable {
  /// Host name, e.g. `gmail-smtp-in.l.google.com`.
  var host: BStr
  /// Address text, e.g. `142.250.102.27` or `2a00:1450:4013:c01::1a`.
  var ip: BStr
}

/// A recipient (or sender) domain with its servers and behaviour.
struct Domain: Sendable {
  /// Lower-case name, which is also the truth file key.
  var name: BStr
  /// First relay in `DomainTable.relays`, and how many follow (primary first).
  var relayStart: Int32
  var relayCount: Int32
  var provider: Provider
  var personality: Personality
  /// True for our own senders' domains that this host delivers locally (`relay=local`).
  var isLocal: Bool
}

/// Every domain the generator can write, with Zipf-like weights for picking recipients.
///
/// Index 0..<senderCount are our own sender domains (never picked as ordinary recipients);
/// the rest are recipient domains: the big providers first, then a long synthetic tail.
struct DomainTable: Sendable {
  var domains: [Domain] = []
  var relays: [Relay] = []
  /// Number of sender domains at the start of `domains`.
  var senderCount = 0
  /// Cumulative weights over recipient domains (`senderCount...`), for binary-search sampling.
  var cumulative: [Double] = []

  /// The tables every run uses (built once, deterministic, independent of the seed).
  static let shared: DomainTable = {
    var table = DomainTable()
    table.build(tailCount: 6000)
    return table
  }()

  /// Picks a recipient domain index from the Zipf-like distribution.
  @inline(__always)
  func pickRecipientDomain(_ rng: inout Xoshiro256) -> Int {
    let u = rng.unit() * cumulative[cumulative.count - 1]
    var lo = 0
    var hi = cumulative.count - 1
    while lo < hi {
      let mid = (lo + hi) >> 1
      if cumulative[mid] <= u { lo = mid + 1 } else { hi = mid }
    }
    return senderCount + lo
  }

  /// Picks one of a domain's relays, usually the primary MX.
  @inline(__always)
  func pickRelay(domain: Int, _ rng: inout Xoshiro256) -> Relay {
    let d = domains[domain]
    let i = d.relayCount > 1 && rng.chance(0.25) ? 1 + rng.below(Int(d.relayCount) - 1) : 0
    return relays[Int(d.relayStart) + i]
  }

  /// Adds a domain with its relays (`host ip` pairs) and returns its index.
  @discardableResult
  mutating func add(
    _ name: String, provider: Provider, personality: Personality = .normal,
    isLocal: Bool = false, relays hostIPs: [(String, String)]
  ) -> Int {
    let start = relays.count
    for (h, ip) in hostIPs {
      relays.append(Relay(host: ByteArena.add(h), ip: ByteArena.add(ip)))
    }
    domains.append(
      Domain(
        name: ByteArena.add(name), relayStart: Int32(start), relayCount: Int32(hostIPs.count),
        provider: provider, personality: personality, isLocal: isLocal))
    return domains.count - 1
  }

  private mutating func build(tailCount: Int) {
    addSenderDomains()
    senderCount = domains.count
    var weights: [Double] = []
    for p in DomainTable.providers {
      add(p.name, provider: p.provider, relays: p.relays)
      weights.append(p.weight)
    }
    let providerWeight = weights.reduce(0, +)
    var names = Set(DomainTable.providers.map(\.name))
    var tailWeights: [Double] = []
    var index: UInt64 = 0
    while tailWeights.count < tailCount {
      index += 1
      let name = DomainTable.tailName(index)
      guard names.insert(name).inserted else { continue }
      addTail(name, hash: Xoshiro256.hash(index &* 0x51ED_2701))
      // Zipf with exponent 1 over the tail, offset so the head of the tail is not too heavy.
      tailWeights.append(1.0 / Double(tailWeights.count + 8))
    }
    let tailTotal = tailWeights.reduce(0, +)
    let tailShare = 100 - providerWeight
    weights += tailWeights.map { $0 / tailTotal * tailShare }
    var running = 0.0
    cumulative = weights.map {
      running += $0
      return running
    }
  }

  private mutating func addSenderDomains() {
    for (i, name) in DomainTable.senderDomainNames.enumerated() {
      let local = i % 3 == 0
      let h = Xoshiro256.hash(UInt64(i) &+ 77)
      add(
        name, provider: .generic, isLocal: local,
        relays: [("mx.\(name)", "198.51.100.\(10 + Int(h % 200))")])
    }
  }

  private mutating func addTail(_ name: String, hash h: UInt64) {
    let kind = h % 1000
    let personality: Personality =
      switch (h >> 12) % 1000 {
      case 0..<8: .nxdomain
      case 8..<14: .dead
      case 14..<17: .refusing
      case 17..<40: .greylisting
      default: .normal
      }
    let a = Int(h >> 20 & 0xFF)
    let b = Int(h >> 28 & 0xFF)
    let c = 1 + Int(h >> 36 % 250)
    let dashed = name.replacingDots()
    switch kind {
    case 0..<300:
      add(
        name, provider: .google, personality: personality,
        relays: [
          ("aspmx.l.google.com", "142.250.\(a % 160).27"),
          ("alt1.aspmx.l.google.com", "142.251.\(b % 160).26"),
          ("alt2.aspmx.l.google.com", "64.233.\(a % 200).27"),
        ])
    case 300..<550:
      add(
        name, provider: .microsoft, personality: personality,
        relays: [("\(dashed).mail.protection.outlook.com", "52.101.\(a % 200).\(c)")])
    case 550..<600:
      let n = 100_000 + Int(h >> 40 % 900_000)
      add(
        name, provider: .generic, personality: personality,
        relays: [
          ("mx0a-00\(n).pphosted.com", "148.163.\(128 + a % 30).\(c)"),
          ("mx0b-00\(n).pphosted.com", "148.163.\(128 + b % 30).\(c)"),
        ])
    case 600..<650:
      let region = h & 1 == 0 ? "eu" : "us"
      add(
        name, provider: .generic, personality: personality,
        relays: [
          ("\(region)-smtp-inbound-1.mimecast.com", "205.139.110.\(c)"),
          ("\(region)-smtp-inbound-2.mimecast.com", "207.211.30.\(c)"),
        ])
    case 650..<680:
      add(
        name, provider: .generic, personality: personality,
        relays: [("d\(100_000 + a * 991 + b)a.ess.barracudanetworks.com", "209.222.82.\(c)")])
    default:
      let v6 = h >> 50 & 7 == 0
      add(
        name, provider: .generic, personality: personality,
        relays: [
          ("mx1.\(name)", v6 ? "2001:db8:\(a):\(b)::25" : "\(50 + a % 150).\(b).\(c % 250).\(a % 250)"),
          ("mx2.\(name)", "\(50 + b % 150).\(a).\(c % 250).\(b % 250)"),
        ])
    }
  }
}

extension String {
  /// `shop.example.co.uk` -> `shop-example-co-uk`, as Microsoft 365 MX names spell a domain.
  fileprivate func replacingDots() -> String {
    String(map { $0 == "." ? "-" : $0 })
  }
}
