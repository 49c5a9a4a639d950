import LogstatClassify

/// The refused clients of inbound rejects, bounded like the address tables: `clients` is a
/// `NamedCounts` of 8,192 names (each client's rejects, exact while the clients fit, else an
/// upper bound with its error), and `clientReasonCounts` splits a listed client's rejects by
/// reason. When `clients` drops its least counted names, their reason counts go with them; a
/// client listed again counts its reasons from then on (so a client's reason counts add up to
/// at most its count, and to exactly it while the table is exact).
extension AggregateCounts {
  /// Counts `count` rejects of client `id` (already counted in `clients`) for `reason`, and
  /// prunes the table when it holds more clients than its bound.
  @inline(__always)
  mutating func noteInboundClient(_ id: Int32, _ reason: Reason, count: Int = 1) {
    clientReasonCounts.add(UInt64(UInt32(bitPattern: id)) << 8 | UInt64(reason.ordinal), count)
    if clients.needsPruning { boundClients() }
  }

  /// Prunes `clients` back to its bound (with `final`, whenever it holds more than its
  /// capacity) and moves the reason counts of the clients kept to their new IDs.
  /// - Complexity: O(n log n) in the clients held; runs once per 4,096 new clients.
  mutating func boundClients(final: Bool = false) {
    guard clients.needsPruning || (final && clients.count > (clients.capacity ?? Int.max)) else { return }
    let map = clients.prune(keeping: nil)
    // Room first: keys copied in a table's slot order into a smaller table pile into long runs.
    var kept = CountTable()
    kept.reserveCapacity(clientReasonCounts.count)
    clientReasonCounts.forEach { key, n in
      let mine = map[Int(key >> 8)]
      if mine >= 0 { kept.add(UInt64(UInt32(bitPattern: mine)) << 8 | (key & 0xFF), n) }
    }
    clientReasonCounts = kept
  }

  /// Adds `later`'s clients (the input that follows) and their reasons.
  mutating func mergeClients(_ later: AggregateCounts) {
    let map = clients.merge(later.clients)
    clientReasonCounts.reserveCapacity(clientReasonCounts.count + later.clientReasonCounts.count)
    later.clientReasonCounts.forEach { key, n in
      let mine = UInt64(UInt32(bitPattern: map[Int(key >> 8)]))
      clientReasonCounts.add(mine << 8 | (key & 0xFF), n)
    }
    boundClients()
  }
}
