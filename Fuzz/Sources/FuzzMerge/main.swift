import Foundation
import LogstatReport

/// `logstat merge`'s reader on arbitrary bytes, and on a real report with the input spliced
/// into its numbers: it must refuse (throw) or read, never trap on a count, key or time.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMerge(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  if let report = try? SavedReport.decode(data, path: "fuzz.json") {
    // A report that was read must also build and render.
    let model = ReportModel.merged([report, report], now: 0)
    _ = ReportFormat.text.render(model, options: ReportOptions(top: 5))
  }
  // The input's text as one number of a valid report: huge, negative, fractional, garbage.
  let text = String(decoding: data.prefix(64), as: UTF8.self).filter { !"\"\\".contains($0) }
  for key in ["\"attempts\": 1", "\"hours_since_epoch\": 491000", "\"key\": 5"] {
    let spliced = template.replacingOccurrences(of: key, with: key.split(separator: ":")[0] + ": " + text)
    if let report = try? SavedReport.decode(Data(spliced.utf8), path: "fuzz.json") {
      _ = ReportModel.merged([report], now: 0)
    }
  }
  return 0
}

/// The smallest counts block of one domain, one hour and one code.
let template = """
  {"schema": "logstat/1", "counts": {"version": 1,
  "lines": {"total": 3, "by_kind": [0, 0, 1, 0, 1, 0, 1, 0, 0], "probes": 0},
  "messages_received": 1, "notifications_sent": 0, "bytes_received": 100,
  "first_epoch": 1767600000, "last_epoch": 1767600001,
  "domains": [{"name": "a.example", "provider": "none", "attempts": 1, "deferred_attempts": 0,
    "recipients": 1, "delivered": 1, "bounced": 0, "expired": 0, "still_deferred": 0,
    "deferred_recipients": 0, "deferred_then_delivered": 0, "notifications": 0, "rejected": 0,
    "hard_bounces": 0, "delay_histogram": [[5, 1]], "failed_reasons": {}, "deferred_reasons": {}}],
  "senders": [], "dsn_codes": [{"key": 5, "sent": 1, "deferred": 0, "bounced": 0,
    "final_bounced": 0, "final_expired": 0, "rejected": 0}], "reply_codes": [],
  "inbound": {"total": 0, "by_code": [], "client_reasons": [], "reasons": {}},
  "hours": [{"hours_since_epoch": 491000, "delivered": 1, "deferred": 0, "bounced": 0,
    "expired": 0, "rejected": 0}],
  "blocklists": [], "listings": [], "examples": []}}
  """
