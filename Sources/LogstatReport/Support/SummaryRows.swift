/// The summary as rows for people (label, value, note), shared by the Markdown and HTML
/// writers; the window and event times are in their page header.
enum SummaryRows {
  static func rows(_ m: ReportModel) -> [[String]] {
    let s = m.summary
    var lines = "\(m.lines.recognised) recognised, \(m.lines.skipped) other mail, \(m.lines.notMail) not mail"
    if m.linesOutsideWindow > 0 { lines += ", \(m.linesOutsideWindow) outside the window" }
    var rows: [[String]] = [
      ["files", "\(m.filesRead) read", m.filesSkipped > 0 ? "\(m.filesSkipped) skipped (\(m.whySkipped))" : ""],
      ["lines", "\(m.lines.total + m.linesOutsideWindow) read", lines],
      ["messages received", "\(s.messagesReceived)", Format.bytes(s.bytesReceived)],
      ["bounce notifications sent", "\(s.notificationsSent)", ""],
      ["recipients", "\(s.recipients)", "final outcomes:"],
      ["delivered", "\(s.delivered)", Format.percent(s.deliveryRate) + " delivery rate"],
      ["bounced", "\(s.bounced)", Format.percent(s.bounceRate) + " bounce rate"],
      ["expired", "\(s.expired)", ""],
      ["still deferred", "\(s.stillDeferred)", ""],
      ["delivery attempts", "\(s.attempts)", ""],
      ["deferred attempts", "\(s.deferred)", Format.percent(s.deferralRate) + " deferral rate"],
      ["recipients deferred", "\(s.deferredRecipients)", "\(s.deferredThenDelivered) delivered later"],
      ["rejected inbound", "\(s.rejected)", "by our own server"],
      ["delivery delay", Format.seconds(s.delayMedianSeconds), "median; p95 \(Format.seconds(s.delayP95Seconds))"],
    ]
    if m.lines.probes > 0 { rows.insert(["address probes", "\(m.lines.probes)", "not counted as mail"], at: 4) }
    return rows
  }
}
