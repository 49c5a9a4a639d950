import LogstatClassify
import LogstatKinds

extension LineCounters: Codable, CountsValue {
  enum CodingKeys: String, CodingKey { case total, byKind = "by_kind", probes, damaged }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(total, forKey: .total)
    try c.encode(byKind, forKey: .byKind)
    try c.encode(probes, forKey: .probes)
    try c.encode(damaged, forKey: .damaged)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    total = try c.count(.total)
    probes = try c.count(.probes)
    damaged = try c.optionalCount(.damaged)
    var kinds = try c.nestedUnkeyedContainer(forKey: .byKind)
    for k in byKind.indices where !kinds.isAtEnd { byKind[k] = try kinds.count() }
    try kinds.expectEnd(byKind.count, "one per line kind")
  }
}

/// `{reason: count}` for the reasons counted, written in key order (reason ids by their UTF-8
/// bytes), so sorted-key encoders need not reorder them.
extension ReasonCounts: Codable {
  /// Every reason, by its id's UTF-8 bytes.
  static let keyOrder: [Reason] = Reason.allCases.sorted {
    Array($0.rawValue.utf8).lexicographicallyPrecedes(Array($1.rawValue.utf8))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CountsNameKey.self)
    for r in Self.keyOrder where self[r] != 0 { try c.encode(self[r], forKey: CountsNameKey(r.rawValue)) }
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CountsNameKey.self)
    self.init()
    for key in c.allKeys {
      guard let r = Reason(rawValue: key.stringValue) else {
        throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "unknown reason `\(key.stringValue)`")
      }
      self[r] += try c.count(key)
    }
  }
}

/// Sparse `[[bucket, count], ...]` pairs, buckets ascending.
extension DelayHistogram: Codable {
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.unkeyedContainer()
    for b in nonEmptyBuckets { try c.encode([b.bucket, Int(b.count)]) }
  }

  public init(from decoder: any Decoder) throws {
    var c = try decoder.unkeyedContainer()
    self.init()
    while !c.isAtEnd {
      var pair = try c.nestedUnkeyedContainer()
      let bucket = try pair.number(in: 0...(DelayHistogram.bucketCount - 1), "a delay bucket")
      let n = try pair.count(max: Int(UInt32.max))
      try pair.expectEnd(2, "[bucket, count]")
      add(bucket: bucket, count: n)
    }
  }
}

extension DomainCounters: Codable {
  enum CodingKeys: String, CodingKey {
    case attempts, deferredAttempts = "deferred_attempts", recipients, delivered, bounced, expired
    case stillDeferred = "still_deferred", removed, deferredRecipients = "deferred_recipients"
    case deferredThenDelivered = "deferred_then_delivered", notifications, rejected
    case hardBounces = "hard_bounces", delayHistogram = "delay_histogram"
    case failedReasons = "failed_reasons", deferredReasons = "deferred_reasons"
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(attempts, forKey: .attempts)
    try c.encode(deferredAttempts, forKey: .deferredAttempts)
    try c.encode(recipients, forKey: .recipients)
    try c.encode(delivered, forKey: .delivered)
    try c.encode(bounced, forKey: .bounced)
    try c.encode(expired, forKey: .expired)
    try c.encode(stillDeferred, forKey: .stillDeferred)
    try c.encode(removed, forKey: .removed)
    try c.encode(deferredRecipients, forKey: .deferredRecipients)
    try c.encode(deferredThenDelivered, forKey: .deferredThenDelivered)
    try c.encode(notifications, forKey: .notifications)
    try c.encode(rejected, forKey: .rejected)
    try c.encode(hardBounces, forKey: .hardBounces)
    try c.encode(delay, forKey: .delayHistogram)
    try c.encode(failedReasons, forKey: .failedReasons)
    try c.encode(deferredReasons, forKey: .deferredReasons)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    attempts = try c.count(.attempts)
    deferredAttempts = try c.count(.deferredAttempts)
    recipients = try c.count(.recipients)
    delivered = try c.count(.delivered)
    bounced = try c.count(.bounced)
    expired = try c.count(.expired)
    stillDeferred = try c.count(.stillDeferred)
    removed = try c.optionalCount(.removed)
    deferredRecipients = try c.count(.deferredRecipients)
    deferredThenDelivered = try c.count(.deferredThenDelivered)
    notifications = try c.count(.notifications)
    rejected = try c.count(.rejected)
    hardBounces = try c.count(.hardBounces)
    delay = try c.decodeIfPresent(DelayHistogram.self, forKey: .delayHistogram) ?? DelayHistogram()
    failedReasons = try c.decodeIfPresent(ReasonCounts.self, forKey: .failedReasons) ?? ReasonCounts()
    deferredReasons = try c.decodeIfPresent(ReasonCounts.self, forKey: .deferredReasons) ?? ReasonCounts()
  }
}

extension SenderCounters: Codable {
  enum CodingKeys: String, CodingKey {
    case messages, bytes, recipients, delivered, bounced, expired, stillDeferred = "still_deferred"
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(messages, forKey: .messages)
    try c.encode(bytes, forKey: .bytes)
    try c.encode(recipients, forKey: .recipients)
    try c.encode(delivered, forKey: .delivered)
    try c.encode(bounced, forKey: .bounced)
    try c.encode(expired, forKey: .expired)
    try c.encode(stillDeferred, forKey: .stillDeferred)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    messages = try c.count(.messages)
    bytes = try c.count(.bytes)
    recipients = try c.count(.recipients)
    delivered = try c.count(.delivered)
    bounced = try c.count(.bounced)
    expired = try c.count(.expired)
    stillDeferred = try c.count(.stillDeferred)
  }
}

extension CodeCounters: Codable {
  enum CodingKeys: String, CodingKey {
    case sent, deferred, bounced, finalBounced = "final_bounced", finalExpired = "final_expired", rejected
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(sentAttempts, forKey: .sent)
    try c.encode(deferredAttempts, forKey: .deferred)
    try c.encode(bouncedAttempts, forKey: .bounced)
    try c.encode(finalBounced, forKey: .finalBounced)
    try c.encode(finalExpired, forKey: .finalExpired)
    try c.encode(rejected, forKey: .rejected)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    sentAttempts = try c.count(.sent)
    deferredAttempts = try c.count(.deferred)
    bouncedAttempts = try c.count(.bounced)
    finalBounced = try c.count(.finalBounced)
    finalExpired = try c.count(.finalExpired)
    rejected = try c.count(.rejected)
  }
}

extension HourCounters: Codable {
  enum CodingKeys: String, CodingKey { case delivered, deferred, bounced, expired, rejected, received }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(delivered, forKey: .delivered)
    try c.encode(deferred, forKey: .deferred)
    try c.encode(bounced, forKey: .bounced)
    try c.encode(expired, forKey: .expired)
    try c.encode(rejected, forKey: .rejected)
    try c.encode(received, forKey: .received)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    delivered = try c.count(.delivered)
    deferred = try c.count(.deferred)
    bounced = try c.count(.bounced)
    expired = try c.count(.expired)
    rejected = try c.count(.rejected)
    received = try c.optionalCount(.received)
  }
}
