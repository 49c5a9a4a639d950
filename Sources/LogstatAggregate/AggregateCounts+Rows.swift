import LogstatClassify
import LogstatKinds

// Sender, code, hour, blocklist, example and hour-cell entries of the counts encoding (see
// AggregateCounts+Codable): plain values with names, never IDs.

/// One sender domain: its counters and hard bounces.
struct SenderEntry: CountsValue, Codable, Equatable {
  var name: String
  var counters: SenderCounters
  var hardBounces: Int

  enum CodingKeys: String, CodingKey { case name, hardBounces = "hard_bounces" }

  init(name: String, counters: SenderCounters, hardBounces: Int) {
    self.name = name
    self.counters = counters
    self.hardBounces = hardBounces
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(hardBounces, forKey: .hardBounces)
    try counters.encode(to: encoder)
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    hardBounces = try c.count(.hardBounces)
    counters = try SenderCounters(from: decoder)
  }
}

/// One status code: `key` (packed enhanced code, or the reply code) and its counters.
struct CodeEntry: CountsValue, Codable, Equatable {
  var key: Int
  var counters: CodeCounters

  enum CodingKeys: String, CodingKey { case key }

  init(key: Int, counters: CodeCounters) {
    self.key = key
    self.counters = counters
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(key, forKey: .key)
    try counters.encode(to: encoder)
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    key = Int(try c.number(.key, in: 0...UInt32.max, "a code"))
    counters = try CodeCounters(from: decoder)
  }
}

/// One hour: `hours_since_epoch` and what happened in it.
struct HourEntry: CountsValue, Codable, Equatable {
  var hour: Int64
  var counters: HourCounters

  enum CodingKeys: String, CodingKey { case hour = "hours_since_epoch" }

  init(hour: Int64, counters: HourCounters) {
    self.hour = hour
    self.counters = counters
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(hour, forKey: .hour)
    try counters.encode(to: encoder)
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    hour = try c.number(.hour, in: CountsLimits.hourRange, "hours since the epoch")
    counters = try HourCounters(from: decoder)
  }
}

/// A blocklist named in replies (or, with `address`, one listing of ours on it).
struct StatsEntry: CountsValue, Codable, Equatable {
  var blocklist: Blocklist
  var address: String?
  var stats: BlocklistStats
  /// The recipient domains, sorted.
  var domains: [String]

  enum CodingKeys: String, CodingKey {
    case blocklist, address, count, firstEpoch = "first_epoch", lastEpoch = "last_epoch", domains
  }

  init(blocklist: Blocklist, address: String?, stats: BlocklistStats, domains: [String]) {
    self.blocklist = blocklist
    self.address = address
    self.stats = stats
    self.stats.domainIDs = []
    self.domains = domains
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(blocklist.rawValue, forKey: .blocklist)
    try c.encodeIfPresent(address, forKey: .address)
    try c.encode(stats.count, forKey: .count)
    try c.encode(stats.first, forKey: .firstEpoch)
    try c.encode(stats.last, forKey: .lastEpoch)
    try c.encode(domains, forKey: .domains)
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    blocklist = try c.named(.blocklist, "blocklist")
    address = try c.decodeIfPresent(String.self, forKey: .address)
    stats = BlocklistStats()
    stats.count = try c.count(.count)
    stats.first = try c.epoch(.firstEpoch)
    stats.last = try c.epoch(.lastEpoch)
    domains = try c.decodeIfPresent([String].self, forKey: .domains) ?? []
  }
}

/// The example reply kept for a reason.
struct ExampleEntry: CountsValue, Codable, Equatable {
  var reason: Reason
  var text: String
  var domain: String

  enum CodingKeys: String, CodingKey { case reason, text, domain }

  init(reason: Reason, text: String, domain: String) {
    self.reason = reason
    self.text = text
    self.domain = domain
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(reason.rawValue, forKey: .reason)
    try c.encode(text, forKey: .text)
    try c.encode(domain, forKey: .domain)
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    reason = try c.named(.reason, "reason")
    text = try c.decode(String.self, forKey: .text)
    domain = try c.decode(String.self, forKey: .domain)
  }
}

/// `[hour, status, code, count]`: delivery lines with one code (`5.7.1` or `550`) in one hour.
struct CodeHourCell: CountsValue, Codable, Equatable, Comparable {
  var key: CodeHourKey
  var count: Int

  init(hour: Int64, status: AttemptStatus, code: String, count: Int) {
    let enhanced = code.contains(".")
    key = CodeHourKey(
      hour: hour, status: status, enhanced: enhanced, value: enhanced ? DSNCode.pack(code) : UInt32(code) ?? 0)
    self.count = count
  }

  static func < (a: CodeHourCell, b: CodeHourCell) -> Bool { a.key.packed < b.key.packed }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.unkeyedContainer()
    try c.encode(key.hour)
    try c.encode(key.status.name)
    try c.encode(key.code)
    try c.encode(count)
  }

  init(from decoder: any Decoder) throws {
    var c = try decoder.unkeyedContainer()
    let hour = try c.number(in: 0...CountsLimits.hourRange.upperBound, "hours since the epoch")
    let status = try c.status()
    let path = c.codingPath + [CountsIndexKey(c.currentIndex)]
    let code = try c.decode(String.self)
    let enhanced = code.contains(".")
    let value = enhanced ? DSNCode.pack(code) : UInt32(code) ?? 0
    guard value != 0, enhanced || value < 1000 else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: path, debugDescription: "expected a reply code (`550`) or an enhanced code (`5.7.1`)"))
    }
    key = CodeHourKey(hour: hour, status: status, enhanced: enhanced, value: value)
    count = try c.count()
    try c.expectEnd(4, "[hour, status, code, count]")
  }
}

/// `[hour, blocklist, count]`: outbound replies naming a blocklist in one hour.
struct BlocklistHourCell: CountsValue, Codable, Equatable, Comparable {
  var hour: Int64
  var blocklist: Blocklist
  var count: Int

  init(hour: Int64, blocklist: Blocklist, count: Int) {
    self.hour = hour
    self.blocklist = blocklist
    self.count = count
  }

  static func < (a: BlocklistHourCell, b: BlocklistHourCell) -> Bool {
    (a.hour, a.blocklist.rawValue) < (b.hour, b.blocklist.rawValue)
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.unkeyedContainer()
    try c.encode(hour)
    try c.encode(blocklist.rawValue)
    try c.encode(count)
  }

  init(from decoder: any Decoder) throws {
    var c = try decoder.unkeyedContainer()
    hour = try c.number(in: 0...(Int64.max >> 8), "hours since the epoch")
    blocklist = try c.named("blocklist")
    count = try c.count()
    try c.expectEnd(3, "[hour, blocklist, count]")
  }
}
