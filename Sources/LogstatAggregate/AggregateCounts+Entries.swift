import LogstatClassify
import LogstatKinds

// The entries the counts encode as (see AggregateCounts+Codable): each a plain value with
// names, never IDs, so two encodings compare and merge by name.

/// One recipient domain: its counters, provider, hour cells and kept reply texts.
struct DomainEntry: CountsValue, Codable, Equatable {
  var name: String
  var provider: Provider
  /// The provider came from a relay host (absent in version 1: true).
  var providerResolved: Bool
  var counters: DomainCounters
  /// Delivery lines per (hour, status, reason), sorted.
  var hourCells: [HourCell]
  /// Kept reply texts per reason, by reason order.
  var replyExamples: [ReplyExamples]
  /// True when the domain's hour cells were folded into `other_hour_cells` (the cell table
  /// overflowed its bound); absent otherwise.
  var hourCellsFolded: Bool? = nil
  /// True when the domain's reply texts were dropped (the kept texts overflowed their byte
  /// bound, DomainHours+ExampleBound); absent otherwise.
  var replyExamplesDropped: Bool? = nil

  enum CodingKeys: String, CodingKey {
    case name, provider, providerResolved = "provider_resolved", hourCells = "hour_cells"
    case replyExamples = "reply_examples", hourCellsFolded = "hour_cells_folded"
    case replyExamplesDropped = "reply_examples_dropped"
  }

  /// Every key of the entry and of its counters, for encoding them in one object.
  private enum EncodingKeys: String, CodingKey {
    case name, provider, providerResolved = "provider_resolved", hourCells = "hour_cells"
    case replyExamples = "reply_examples", hourCellsFolded = "hour_cells_folded"
    case replyExamplesDropped = "reply_examples_dropped"
    case attempts, deferredAttempts = "deferred_attempts", recipients, delivered, bounced, expired
    case stillDeferred = "still_deferred", removed, deferredRecipients = "deferred_recipients"
    case deferredThenDelivered = "deferred_then_delivered", notifications, rejected
    case hardBounces = "hard_bounces", delayHistogram = "delay_histogram"
    case failedReasons = "failed_reasons", deferredReasons = "deferred_reasons"
  }

  /// The entry's keys and its counters' keys (`DomainCounters.encode`, the same values) in one
  /// object, written in sorted key order (UTF-8 bytes, `_` before letters): the sorted-key JSON
  /// encoder then writes them as they come instead of reordering every domain's entries.
  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: EncodingKeys.self)
    let k = counters
    try c.encode(k.attempts, forKey: .attempts)
    try c.encode(k.bounced, forKey: .bounced)
    try c.encode(k.deferredAttempts, forKey: .deferredAttempts)
    try c.encode(k.deferredReasons, forKey: .deferredReasons)
    try c.encode(k.deferredRecipients, forKey: .deferredRecipients)
    try c.encode(k.deferredThenDelivered, forKey: .deferredThenDelivered)
    try c.encode(k.delay, forKey: .delayHistogram)
    try c.encode(k.delivered, forKey: .delivered)
    try c.encode(k.expired, forKey: .expired)
    try c.encode(k.failedReasons, forKey: .failedReasons)
    try c.encode(k.hardBounces, forKey: .hardBounces)
    try c.encode(hourCells, forKey: .hourCells)
    try c.encodeIfPresent(hourCellsFolded, forKey: .hourCellsFolded)
    try c.encode(name, forKey: .name)
    try c.encode(k.notifications, forKey: .notifications)
    try c.encode(provider.rawValue, forKey: .provider)
    try c.encode(providerResolved, forKey: .providerResolved)
    try c.encode(k.recipients, forKey: .recipients)
    try c.encode(k.rejected, forKey: .rejected)
    try c.encode(k.removed, forKey: .removed)
    try c.encode(replyExamples, forKey: .replyExamples)
    try c.encodeIfPresent(replyExamplesDropped, forKey: .replyExamplesDropped)
    try c.encode(k.stillDeferred, forKey: .stillDeferred)
  }

  init(
    name: String, provider: Provider, providerResolved: Bool, counters: DomainCounters,
    hourCells: [HourCell], replyExamples: [ReplyExamples], hourCellsFolded: Bool? = nil,
    replyExamplesDropped: Bool? = nil
  ) {
    self.hourCellsFolded = hourCellsFolded
    self.replyExamplesDropped = replyExamplesDropped
    self.name = name
    self.provider = provider
    self.providerResolved = providerResolved
    self.counters = counters
    self.hourCells = hourCells
    self.replyExamples = replyExamples
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    provider = try c.named(.provider, "provider")
    providerResolved = try c.decodeIfPresent(Bool.self, forKey: .providerResolved) ?? true
    hourCells = try c.decodeIfPresent([HourCell].self, forKey: .hourCells) ?? []
    replyExamples = try c.decodeIfPresent([ReplyExamples].self, forKey: .replyExamples) ?? []
    hourCellsFolded = try c.decodeIfPresent(Bool.self, forKey: .hourCellsFolded)
    replyExamplesDropped = try c.decodeIfPresent(Bool.self, forKey: .replyExamplesDropped)
    counters = try DomainCounters(from: decoder)
  }
}

/// `[hour, status, reason or null, count]`: delivery lines of one domain in one UTC hour.
struct HourCell: Codable, Equatable, Comparable, Sendable {
  var hour: Int64
  var status: AttemptStatus
  var reason: Reason?
  var count: Int

  init(hour: Int64, status: AttemptStatus, reason: Reason?, count: Int) {
    self.hour = hour
    self.status = status
    self.reason = reason
    self.count = count
  }

  static func < (a: HourCell, b: HourCell) -> Bool {
    (a.hour, a.status.rawValue, a.reason.map { $0.ordinal + 1 } ?? 0)
      < (b.hour, b.status.rawValue, b.reason.map { $0.ordinal + 1 } ?? 0)
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.unkeyedContainer()
    try c.encode(hour)
    try c.encode(status.name)
    try c.encode(reason?.rawValue)
    try c.encode(count)
  }

  init(from decoder: any Decoder) throws {
    var c = try decoder.unkeyedContainer()
    hour = try c.number(in: 0...CountsLimits.hourRange.upperBound, "hours since the epoch")
    status = try c.status()
    reason = try c.optionalReason()
    count = try c.count()
    try c.expectEnd(4, "[hour, status, reason, count]")
  }
}

/// `[hour, provider, status, reason or null, count]`: delivery lines of the domains whose hour
/// cells were folded (DomainHours+Bound), per provider, in one UTC hour.
struct OtherHourCell: CountsValue, Codable, Equatable, Comparable, Sendable {
  var hour: Int64
  var provider: Provider
  var status: AttemptStatus
  var reason: Reason?
  var count: Int

  init(hour: Int64, provider: Provider, status: AttemptStatus, reason: Reason?, count: Int) {
    self.hour = hour
    self.provider = provider
    self.status = status
    self.reason = reason
    self.count = count
  }

  static func < (a: OtherHourCell, b: OtherHourCell) -> Bool {
    (a.hour, a.provider.rawValue, a.status.rawValue, a.reason.map { $0.ordinal + 1 } ?? 0)
      < (b.hour, b.provider.rawValue, b.status.rawValue, b.reason.map { $0.ordinal + 1 } ?? 0)
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.unkeyedContainer()
    try c.encode(hour)
    try c.encode(provider.rawValue)
    try c.encode(status.name)
    try c.encode(reason?.rawValue)
    try c.encode(count)
  }

  init(from decoder: any Decoder) throws {
    var c = try decoder.unkeyedContainer()
    hour = try c.number(in: 0...CountsLimits.hourRange.upperBound, "hours since the epoch")
    provider = try c.named("provider")
    status = try c.status()
    reason = try c.optionalReason()
    count = try c.count()
    try c.expectEnd(5, "[hour, provider, status, reason, count]")
  }
}

extension UnkeyedDecodingContainer {
  /// The next element as an `AttemptStatus` name.
  mutating func status() throws -> AttemptStatus {
    let path = codingPath + [CountsIndexKey(currentIndex)]
    let name = try decode(String.self)
    guard let s = AttemptStatus(name: name) else {
      throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "unknown status `\(name)`"))
    }
    return s
  }

  /// The next element as a reason id, or nil for `null` (a cell of lines without a reason).
  mutating func optionalReason() throws -> Reason? {
    try decodeNil() ? nil : named("reason")
  }
}

/// The reply texts kept for one domain and reason, and the lines per reply shape.
struct ReplyExamples: Codable, Equatable, Sendable {
  struct Text: Codable, Equatable, Sendable {
    /// `replyShape` of the text, 16 hex digits.
    var shape: UInt64
    var text: String

    enum CodingKeys: String, CodingKey { case shape, text }

    init(shape: UInt64, text: String) {
      self.shape = shape
      self.text = text
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(ReplyExamples.hex(shape), forKey: .shape)
      try c.encode(text, forKey: .text)
    }

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      shape = try ReplyExamples.shape(c, .shape)
      text = try c.decode(String.self, forKey: .text)
    }
  }

  var reason: Reason
  /// In the order first seen (the most frequent is shown; ties go to the first).
  var texts: [Text]
  /// `[shape, lines]`, sorted by shape.
  var shapeCounts: [ShapeCount]

  struct ShapeCount: Codable, Equatable, Sendable {
    var shape: UInt64
    var count: Int

    init(shape: UInt64, count: Int) {
      self.shape = shape
      self.count = count
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.unkeyedContainer()
      try c.encode(ReplyExamples.hex(shape))
      try c.encode(count)
    }

    init(from decoder: any Decoder) throws {
      var c = try decoder.unkeyedContainer()
      let path = c.codingPath + [CountsIndexKey(c.currentIndex)]
      let s = try c.decode(String.self)
      guard s.utf8.count == 16, let v = UInt64(s, radix: 16) else {
        throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "expected 16 hex digits"))
      }
      shape = v
      count = try c.count()
      try c.expectEnd(2, "[shape, count]")
    }
  }

  enum CodingKeys: String, CodingKey { case reason, texts, shapeCounts = "shape_counts" }

  init(reason: Reason, texts: [Text], shapeCounts: [ShapeCount]) {
    self.reason = reason
    self.texts = texts
    self.shapeCounts = shapeCounts
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    // In key order (`shape_counts` before `texts`), so sorted-key encoders need not reorder.
    try c.encode(reason.rawValue, forKey: .reason)
    try c.encode(shapeCounts, forKey: .shapeCounts)
    try c.encode(texts, forKey: .texts)
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    reason = try c.named(.reason, "reason")
    texts = try c.decode([Text].self, forKey: .texts)
    shapeCounts = try c.decode([ShapeCount].self, forKey: .shapeCounts)
  }

  static func hex(_ v: UInt64) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: 16 - s.utf8.count) + s
  }

  static func shape<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> UInt64 {
    let s = try c.decode(String.self, forKey: key)
    guard s.utf8.count == 16, let v = UInt64(s, radix: 16) else {
      throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "expected 16 hex digits")
    }
    return v
  }
}
