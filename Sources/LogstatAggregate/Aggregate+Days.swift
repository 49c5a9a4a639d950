import LogstatClassify
import LogstatEvents

extension Aggregate {
  /// Counts one delivery line in `domainHours`: by UTC hour, domain, status and reason, by
  /// code, and by blocklist named; keeps the first reply text per domain and reason.
  ///
  /// Hours, not days, because the aggregate knows no time zone: history turns hours into local
  /// calendar days, and alerts use the hours to say when a block began.
  /// - Complexity: O(1) amortised: one or two dictionary updates per line.
  mutating func noteHour(_ domain: Int32, _ line: inout LineEvent, dsn: UInt32, epoch: Int64) {
    let verdict = line.verdict
    let status: AttemptStatus
    switch line.status {
    case .sent: status = .sent
    case .deferred: status = .deferred
    case .bounced: status = .bounced
    case .expired: status = .expired
    default: return
    }
    let hour = Swift.max(0, epoch / 3600)
    let reason = status == .sent ? nil : (verdict?.reason ?? .other)
    domainHours.add(DomainHourKey(hour: hour, domain: domain, status: status, reason: reason))
    if domainHours.needsFolding { counts.boundHourCells() }
    if dsn != 0 {
      domainHours.add(CodeHourKey(hour: hour, status: status, enhanced: true, value: dsn))
    }
    if line.replyCode > 0, line.replyCode < 1000 {
      domainHours.add(
        CodeHourKey(hour: hour, status: status, enhanced: false, value: UInt32(line.replyCode)))
    }
    guard let reason else { return }
    if let list = verdict?.blocklist { domainHours.add(blocklist: list, hour: hour) }
    if !line.reply.isEmpty {
      domainHours.noteExample(
        domain: domain, reason: reason, shape: line.replyShape,
        text: line.reply.string(cappedAt: ReasonExample.maximumBytes))
      if domainHours.needsExampleBound { counts.boundExamples() }
    }
  }
}
