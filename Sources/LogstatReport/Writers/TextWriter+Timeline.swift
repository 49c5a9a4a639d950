extension TextWriter {
  /// Sparklines of delivered, deferred, failed and rejected per hour (or per longer bucket
  /// when the span does not fit the width), then a table by hour or, over two days, by day.
  static func timeline(_ rows: [HourRow], _ o: ReportOptions) -> String {
    var out = TerminalStyle.bold.paint("Timeline", o.color)
    guard let first = rows.first, let last = rows.last else { return out + "\n  no events\n" }
    let labelWidth = 13
    let series = TimelineSeries(rows, maxBuckets: max(10, o.width - labelWidth - 2 - 16))
    out += "\n" + TerminalText.wrap(
      "\(first.hour) .. \(last.hour), one column = \(series.bucketName)", width: o.width, indent: "  ")
    let lines: [(String, TerminalStyle?, (TimelineSeries.Bucket) -> Int)] = [
      ("delivered", .green, { $0.delivered }), ("deferred", .yellow, { $0.deferred }),
      ("failed", .red, { $0.failed }), ("rejected", nil, { $0.rejected }),
    ]
    for (name, style, value) in lines {
      let values = series.buckets.map(value)
      let spark = TimelineSeries.sparkline(values)
      let pad = String(repeating: " ", count: labelWidth - 2 - name.count)
      out += "  \(name)\(pad)|" + (style?.paint(spark, o.color) ?? spark) + "|"
      out += "  max \(values.max() ?? 0)\n"
    }
    let byDay = rows.count > 1 && (last.start - first.start) >= 48 * 3600
    let grouped = byDay ? days(rows) : rows
    var t = TextTable([
      (byDay ? "day" : "hour", .left), ("delivered", .right), ("deferred", .right),
      ("bounced", .right), ("expired", .right), ("rejected", .right),
    ])
    t.droppable = [4, 5]
    let shown = o.top.map { grouped.suffix($0) } ?? grouped[...]
    for h in shown {
      t.add(
        ["\(h.hour)", "\(h.delivered)", "\(h.deferred)", "\(h.bounced)", "\(h.expired)", "\(h.rejected)"],
        styles: [nil, nil, .warning(h.deferred), .failure(h.bounced), .failure(h.expired)])
    }
    out += "\n"
    if shown.count < grouped.count {
      out += "  last \(shown.count) of \(grouped.count) \(byDay ? "days" : "hours")\n"
    }
    return out + t.rendered(width: o.width, color: o.color)
  }

  /// Hour rows added up per local day (`YYYY-MM-DD`).
  static func days(_ rows: [HourRow]) -> [HourRow] {
    var out: [HourRow] = []
    for r in rows {
      let day = String(r.hour.prefix(10))
      if out.last?.hour == day {
        out[out.count - 1].delivered += r.delivered
        out[out.count - 1].deferred += r.deferred
        out[out.count - 1].bounced += r.bounced
        out[out.count - 1].expired += r.expired
        out[out.count - 1].rejected += r.rejected
      } else {
        var d = r
        d.hour = day
        out.append(d)
      }
    }
    return out
  }
}
