import Foundation
import LogstatClassify
import Testing

@testable import LogstatAggregate

/// The refused clients of inbound rejects are a bounded table: exact while they fit, then the
/// busiest stay listed with error bounds, their reasons never add up to more than their count,
/// and the counts encoding carries the bound through `logstat merge`.
@Suite struct InboundClientBoundTests {
  /// 40 clients seen once (reverse DNS) around one client refused 30 times (20 blocklisted,
  /// 10 spam), in a fixed interleaved order.
  static func counts(capacity: Int) -> AggregateCounts {
    var c = AggregateCounts()
    c.clients = NamedCounts(capacity: capacity, prunedByOwner: true)
    func reject(_ name: String, _ r: Reason) {
      let id = c.clients.add(name, 1)
      c.noteInboundClient(id, r)
    }
    for k in 0..<40 {
      reject("198.51.100.\(k)", .reverseDNS)
      if k < 30 { reject("203.0.113.9", k % 3 == 2 ? .spamContent : .blocklisted) }
    }
    c.boundClients(final: true)
    return c
  }

  @Test func exactWhileTheClientsFit() {
    let c = Self.counts(capacity: 64)
    #expect(c.clients.isExact)
    #expect(c.clients.count == 41)
    let heavy = c.inboundClientTotalsForTest.first { $0.client == "203.0.113.9" }
    #expect(heavy?.count == 30)
    #expect(heavy?.countError == 0)
    #expect(heavy?.topReason == .blocklisted)
  }

  @Test func boundedWithErrorBoundsPastTheCapacity() {
    let c = Self.counts(capacity: 8)
    #expect(!c.clients.isExact)
    #expect(c.clients.count <= 8)
    let totals = c.inboundClientTotalsForTest
    let heavy = totals.first { $0.client == "203.0.113.9" }
    #expect(heavy != nil)
    if let heavy {
      #expect(heavy.count >= 30)
      #expect(heavy.count - heavy.countError <= 30)
      #expect(heavy.topReason == .blocklisted)
    }
    // Per listed client, its reasons add up to at most its count.
    var reasons: [Int32: Int] = [:]
    c.clientReasonCounts.forEach { key, n in reasons[Int32(key >> 8), default: 0] += n }
    for (id, n) in reasons { #expect(n <= c.clients.counts[Int(id)]) }
    #expect(c.clients.totalCount == 70)
  }

  @Test func theBoundSurvivesTheCountsEncoding() throws {
    let c = Self.counts(capacity: 8)
    let data = try JSONEncoder().encode(c)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"by_client_bound\""))
    #expect(text.contains("\"count_error\""))
    let back = try JSONDecoder().decode(AggregateCounts.self, from: data)
    #expect(back == c)
    #expect(!back.clients.isExact)
  }
}

extension AggregateCounts {
  /// `Aggregate.inboundClientTotals` of these counts alone.
  var inboundClientTotalsForTest: [(client: String, count: Int, countError: Int, topReason: Reason)] {
    Aggregate(counts: self).inboundClientTotals
  }
}
