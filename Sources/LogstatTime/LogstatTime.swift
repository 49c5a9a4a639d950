// LogstatTime: when did a line happen, and does it count?
//
// Overview (no dependencies; Foundation only to read the time-zone database once):
// - `Civil`: proleptic Gregorian day arithmetic, used for UTC and fixed-offset stamps.
// - `LocalZone`: the local zone as a `Sendable` table of UTC-offset changes; local civil time
//   <-> epoch seconds by integer arithmetic and a binary search, safe to share across workers.
//   Gap and overlap times are read with the offset in force before the change.
// - `TimeExpression.resolveWindow`: `--since` / `--until` text -> `TimeWindow`, a half-open
//   interval of epoch seconds. `--since yesterday` is local midnight to midnight.
// - `YearResolver`: the year of classic syslog stamps, per file, anchored on the file's
//   modification time and rolling over Dec -> Jan going forward.
//
// Typical per-file use in a worker:
//
//     var years = YearResolver(lastLineMonthDay: last, firstLineMonthDay: first,
//                              modificationTime: mtime, zone: zone, yearOverride: plan.year)
//     // per syslog line:
//     let t = zone.epoch(year: years.year(month: m, day: d), month: m, day: d,
//                        hour: hh, minute: mm, second: ss)
//     guard window.contains(t) else { continue }
