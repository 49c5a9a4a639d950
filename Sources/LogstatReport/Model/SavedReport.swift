import Foundation
import LogstatAggregate
import LogstatClassify

/// A JSON report read back (`logstat merge`): the aggregate rebuilt from its `counts` block,
/// and what it says about its inputs.
public struct SavedReport: Sendable {
  /// The file it was read from, for messages.
  public var path: String
  public var aggregate: Aggregate
  public var timeZone: String
  public var window: String?
  public var files: [FileRow]
  public var problems: [String]
  public var alerts: [AlertRow]
  /// The sum of every count in the file (each at most 2^48): `logstat merge` refuses a set of
  /// reports whose totals add up to more than `SavedReport.largestTotal`.
  public var countTotal = 0
  /// The largest sum of the counts of all reports merged in one run (2^60): far below
  /// `Int.max`, so no sum in the merged report can overflow.
  public static var largestTotal: Int { SavedReportReader.largestTotal }
}

/// A file that is not a logstat JSON report that can be merged.
public struct SavedReportError: Error, CustomStringConvertible, Equatable {
  public let description: String
  public init(_ path: String, _ what: String) { description = "logstat: \(path): \(what)" }
}

extension SavedReport {
  /// Reads a JSON report written by `logstat --format json` (schema `logstat/1` with a
  /// `counts` block); throws naming the file and what is wrong.
  public static func decode(_ data: Data, path: String) throws(SavedReportError) -> SavedReport {
    guard let any = try? JSONSerialization.jsonObject(with: data), let doc = any as? [String: Any] else {
      throw SavedReportError(path, "not a JSON document. Give JSON reports written by `logstat --format json`.")
    }
    let schema = "logstat/\(ReportModel.schemaVersion)"
    guard doc["schema"] as? String == schema else {
      throw SavedReportError(
        path, "not a \(schema) JSON report (schema: \(doc["schema"] as? String ?? "none")). Give JSON reports written by this version of `logstat --format json`.")
    }
    guard let counts = doc["counts"] as? [String: Any] else {
      throw SavedReportError(
        path, "has no `counts` block (written by an older logstat?). Run logstat again with --format json to get a report that can be merged.")
    }
    guard counts["version"].flatMap(int) == ReportCounts.version else {
      throw SavedReportError(path, "its `counts` block is of another version than \(ReportCounts.version); merge reports made by the same logstat version.")
    }
    let r = SavedReportReader(path: path)
    let aggregate = try r.aggregate(counts)
    var files: [FileRow] = []
    for f in doc["files"] as? [[String: Any]] ?? [] { files.append(try r.file(f)) }
    return SavedReport(
      path: path, aggregate: aggregate, timeZone: doc["time_zone"] as? String ?? "UTC",
      window: doc["window"] as? String, files: files,
      problems: doc["problems"] as? [String] ?? [],
      alerts: (doc["alerts"] as? [[String: Any]] ?? []).map(SavedReportReader.alert),
      countTotal: r.total)
  }
}

/// An integer from a JSONSerialization number, or nil (also for fractions and numbers out of
/// `Int`'s range, which `intValue` would wrap or trap on).
func int(_ any: Any) -> Int? {
  guard let n = any as? NSNumber else { return nil }
  let d = n.doubleValue
  // Beyond ±2^62 (or not finite) is never a count, key or time logstat wrote.
  guard d.isFinite, d.magnitude < 4.6e18, d == d.rounded(.towardZero) else { return nil }
  return Int(exactly: n) ?? Int(exactly: d)
}
