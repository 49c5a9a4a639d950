import LogstatEvents
import LogstatKinds

/// Counting `.event` lines and Exim special deliveries (see `EventCounters`).
extension Aggregate {
  mutating func event(_ line: inout LineEvent, epoch: Int64?) {
    events[line.event] += 1
    switch line.event {
    case .adminRemoved:
      if line.hasQueue { adminRemoved(line.queue, counted: true, epoch: epoch) }
    case .authFailure:
      if !line.client.isEmpty { events.authByClient.add(line.client) }
      if !line.user.isEmpty { events.authByUser.add(line.user) }
    case .warning, .error, .fatal, .panic:
      // Grouped by `severity daemon: template` (LogstatEvents' `LogTemplate`).
      line.withLogGroup { group, example in _ = events.logGroups.add(group, example: example) }
    case .connect:
      if !line.client.isEmpty { events.connectsByClient.add(line.client) }
    case .tlsOutbound:
      if !line.relay.isEmpty { events.tlsByRelay.add(line.relay) }
    default:
      break
    }
  }

  /// The admin removed the message: its recipients still deferred end as `removed`, and the
  /// message is over (Postfix logs no `removed` of its own after `postsuper -d`).
  mutating func adminRemoved(_ key: QueueKey, counted: Bool, epoch: Int64?) {
    let i = open.findOrInsert(key)
    open.touch(i, epoch)
    for k in open[i].recipients.indices where open[i].recipients[k].last == .deferred {
      open[i].recipients[k].last = .removed
      open[i].recipients[k].lastCounted = counted
    }
    open[i].removedHere = true
    open[i].removalCounted = counted
    removed(key)
  }

  /// Exim pipe, file, `:blackhole:` ... deliveries: counted by kind, never under a domain,
  /// never a hard bounce for the suppression list.
  mutating func special(_ line: inout LineEvent) {
    let outcome: Int
    switch line.status {
    case .sent, .suppressed: outcome = 0
    case .deferred: outcome = 1
    default: outcome = 2
    }
    events.special[Int(line.special.rawValue) * 3 + outcome] += 1
  }
}
