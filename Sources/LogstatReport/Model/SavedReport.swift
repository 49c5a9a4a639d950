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
    var r = SavedReportReader(path: path)
    let aggregate = try r.aggregate(counts)
    return SavedReport(
      path: path, aggregate: aggregate, timeZone: doc["time_zone"] as? String ?? "UTC",
      window: doc["window"] as? String,
      files: (doc["files"] as? [[String: Any]] ?? []).map(SavedReportReader.file),
      problems: doc["problems"] as? [String] ?? [],
      alerts: (doc["alerts"] as? [[String: Any]] ?? []).map(SavedReportReader.alert))
  }
}

/// An integer from a JSONSerialization number, or nil.
func int(_ any: Any) -> Int? {
  (any as? NSNumber)?.intValue
}
