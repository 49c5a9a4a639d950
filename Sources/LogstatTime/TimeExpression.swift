/// Turns `--since` / `--until` text into a `TimeWindow` of epoch seconds.
///
/// Each expression names one instant:
/// - `now`; `today` and `yesterday` are local midnight starting that day (a DST day is still
///   one calendar day, 23 or 25 hours long);
/// - a duration (`30s`, `90m`, `24h`, `7d`, `2w`, `1h30m`) is that much elapsed time before
///   now, so `7d` is exactly 604,800 seconds even across a DST change;
/// - a date (`2026-11-22`) is local midnight starting that day, so `--until 2026-11-22` ends
///   just before that day (the window is half-open) and `--since D --until D+1` is day D;
/// - a date-time (`2026-11-22T06:00`, `2026-11-22 06:00`, optional `:ss`, optional `.fff` which
///   is dropped) is local time unless it carries `Z`, `±HH:MM`, `±HHMM` or `±HH`;
/// - `@1795330800` is epoch seconds.
///
/// Defaults: with neither option the window is open on both sides. With `--since` alone,
/// `--until` defaults to `now`, except for `--since yesterday`, where it defaults to today's
/// local midnight so the nightly cron report covers exactly yesterday. With `--until` alone the
/// window has no lower bound. `since` must be strictly before `until`.
///
/// The default `until = now` is exclusive like every upper bound: lines appended while the
/// run reads (stamped at or after `now`) stay out, so a report is reproducible for its `now`.
public enum TimeExpression {
  /// Resolves both options against `now` (epoch seconds) and the local `zone`.
  ///
  /// - Throws: `TimeExpressionError.Code.invalidExpression` with the accepted forms, or
  ///   `.emptyWindow` when `since` is not before `until`.
  public static func resolveWindow(
    since: String?, until: String?, now: Int64, zone: LocalZone
  ) throws(TimeExpressionError) -> TimeWindow {
    var sinceEpoch: Int64?
    var sincePoint: TimePoint?
    if let since {
      let point = try parse(since, option: "--since", zone: zone)
      sincePoint = point
      sinceEpoch = resolve(point, now: now, zone: zone)
    }
    var untilEpoch: Int64?
    var untilLabel = "--until \(until.map { "'\($0)'" } ?? "")"
    if let until {
      untilEpoch = resolve(try parse(until, option: "--until", zone: zone), now: now, zone: zone)
    } else if sincePoint == .yesterday {
      untilEpoch = zone.startOfDay(now)
      untilLabel = "the default --until (today's midnight)"
    } else if sincePoint != nil {
      untilEpoch = now
      untilLabel = "the default --until (now)"
    }
    if let sinceEpoch, let untilEpoch, sinceEpoch >= untilEpoch {
      throw TimeExpressionError(
        code: .emptyWindow,
        message: "--since '\(since ?? "")' (\(zone.timestamp(sinceEpoch))) is not before "
          + "\(untilLabel) (\(zone.timestamp(untilEpoch))), so no line could match. "
          + "Give an earlier --since or a later --until.")
    }
    return TimeWindow(since: sinceEpoch, until: untilEpoch)
  }

  /// The instant one expression names (see the type's documentation); `option` names the
  /// option in error messages.
  public static func instant(
    _ text: String, option: String, now: Int64, zone: LocalZone
  ) throws(TimeExpressionError) -> Int64 {
    resolve(try parse(text, option: option, zone: zone), now: now, zone: zone)
  }

  static func parse(_ text: String, option: String, zone: LocalZone)
    throws(TimeExpressionError) -> TimePoint
  {
    do {
      return try TimePointParser.parse(text)
    } catch {
      throw .invalid(option: option, text: text, reason: error.reason, zone: zone)
    }
  }

  static func resolve(_ point: TimePoint, now: Int64, zone: LocalZone) -> Int64 {
    switch point {
    case .now: return now
    case .today: return zone.startOfDay(now)
    case .yesterday: return zone.startOfDay(now, addingDays: -1)
    case .ago(let seconds): return now - seconds
    case .date(let year, let month, let day):
      return zone.epoch(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
    case .local(let civil): return zone.epoch(civil)
    case .instant(let epoch): return epoch
    }
  }
}
