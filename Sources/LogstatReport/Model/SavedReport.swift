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
  public static var largestTotal: Int { CountsLimits.largestTotal }
}

/// A file that is not a logstat JSON report that can be merged.
public struct SavedReportError: Error, CustomStringConvertible, Equatable {
  public let description: String
  public init(_ path: String, _ what: String) { description = "logstat: \(path): \(what)" }
}

extension SavedReport {
  /// Reads a JSON report written by `logstat --format json` (schema `logstat/1` with a
  /// `counts` block, which decodes as `AggregateCounts`); throws naming the file and, for a
  /// bad value, its path in the document (`counts.domains[3].bounced: expected a
  /// non-negative integer`).
  public static func decode(_ data: Data, path: String) throws(SavedReportError) -> SavedReport {
    guard let header = try? JSONDecoder().decode(SavedHeader.self, from: data) else {
      throw SavedReportError(path, "not a JSON document. Give JSON reports written by `logstat --format json`.")
    }
    let schema = "logstat/\(ReportModel.schemaVersion)"
    guard header.schema == schema else {
      throw SavedReportError(
        path, "not a \(schema) JSON report (schema: \(header.schema ?? "none")). Give JSON reports written by this version of `logstat --format json`.")
    }
    guard header.hasCounts else {
      throw SavedReportError(
        path, "has no `counts` block (written by an older logstat?). Run logstat again with --format json to get a report that can be merged.")
    }
    guard let version = header.countsVersion, (1...AggregateCounts.version).contains(version) else {
      throw SavedReportError(
        path, "its `counts` block is of version \(header.countsVersion.map(String.init) ?? "none"), not one this logstat reads (1 to \(AggregateCounts.version)); merge reports made by this or an earlier logstat version.")
    }
    let tally = CountsTally()
    let doc: SavedDocument
    do {
      doc = try CountsTally.$current.withValue(tally) { try JSONDecoder().decode(SavedDocument.self, from: data) }
    } catch let e as DecodingError {
      throw SavedReportError(
        path, "\(SavedReport.describe(e)). Was the file edited? Write it again with `logstat --format json`.")
    } catch {
      throw SavedReportError(path, "not a JSON document. Give JSON reports written by `logstat --format json`.")
    }
    return SavedReport(
      path: path, aggregate: Aggregate(counts: doc.counts), timeZone: doc.timeZone ?? "UTC",
      window: doc.window, files: doc.files.map(\.row), problems: doc.problems, alerts: doc.alerts.map(\.row),
      countTotal: tally.total)
  }

  /// A decoding error as `PATH: what is wrong`, the path as in the document:
  /// `counts.domains[3].bounced`.
  public static func describe(_ error: DecodingError) -> String {
    switch error {
    case .typeMismatch(let type, let c):
      return "\(pathString(c.codingPath)): expected \(kind(type))"
    case .valueNotFound(let type, let c):
      return "\(pathString(c.codingPath)): expected \(kind(type)), found null"
    case .keyNotFound(let key, let c):
      return "\(pathString(c.codingPath + [key])): missing"
    case .dataCorrupted(let c):
      return c.codingPath.isEmpty ? "not valid JSON" : "\(pathString(c.codingPath)): \(c.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }

  /// `counts.domains[3].bounced` from a coding path.
  static func pathString(_ path: [any CodingKey]) -> String {
    var out = ""
    for key in path {
      if let i = key.intValue {
        out += "[\(i)]"
      } else {
        out += (out.isEmpty ? "" : ".") + key.stringValue
      }
    }
    return out.isEmpty ? "the document" : out
  }

  static func kind(_ type: Any.Type) -> String {
    switch type {
    case is Int.Type, is Int64.Type, is UInt32.Type, is UInt64.Type: "a non-negative integer"
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    case is [Any].Type: "a list"
    case is [String: Any].Type: "an object"
    default: "a value of type \(type)"
    }
  }
}

/// What is checked before the whole document is decoded: its schema and counts version.
private struct SavedHeader: Decodable {
  var schema: String?
  var hasCounts = false
  var countsVersion: Int?

  enum Keys: String, CodingKey { case schema, counts }
  enum CountsKeys: String, CodingKey { case version }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Keys.self)
    schema = try? c.decodeIfPresent(String.self, forKey: .schema)
    if let counts = try? c.nestedContainer(keyedBy: CountsKeys.self, forKey: .counts) {
      hasCounts = true
      countsVersion = try? counts.decodeIfPresent(Int.self, forKey: .version)
    }
  }
}

/// The parts of a JSON report that `logstat merge` reads.
private struct SavedDocument: Decodable {
  var timeZone: String?
  var window: String?
  var files: [SavedFile]
  var problems: [String]
  var alerts: [SavedAlert]
  var counts: AggregateCounts

  enum CodingKeys: String, CodingKey {
    case timeZone = "time_zone", window, files, problems, alerts, counts
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    timeZone = try c.decodeIfPresent(String.self, forKey: .timeZone)
    window = try c.decodeIfPresent(String.self, forKey: .window)
    files = try c.decodeIfPresent([SavedFile].self, forKey: .files) ?? []
    problems = try c.decodeIfPresent([String].self, forKey: .problems) ?? []
    alerts = try c.decodeIfPresent([SavedAlert].self, forKey: .alerts) ?? []
    counts = try c.decode(AggregateCounts.self, forKey: .counts)
  }
}

/// A file row; its numbers are counts too (summed over the files of a merged report).
private struct SavedFile: Decodable {
  var row: FileRow

  enum CodingKeys: String, CodingKey {
    case path, gzip, bytes, lines, notMail = "not_mail", skipped, truncatedLines = "truncated_lines"
    case outsideWindow = "outside_window", error, skipReason = "skip_reason"
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    row = FileRow(
      path: try c.decodeIfPresent(String.self, forKey: .path) ?? "",
      gzip: try c.decodeIfPresent(Bool.self, forKey: .gzip) ?? false,
      bytes: Int64(try c.decodeCountIfPresent(.bytes)), lines: try c.decodeCountIfPresent(.lines),
      notMail: try c.decodeCountIfPresent(.notMail), skipped: try c.decodeCountIfPresent(.skipped),
      truncatedLines: try c.decodeCountIfPresent(.truncatedLines),
      outsideWindow: try c.decodeCountIfPresent(.outsideWindow),
      error: try c.decodeIfPresent(String.self, forKey: .error),
      skipReason: try c.decodeIfPresent(String.self, forKey: .skipReason))
  }
}

/// An alert as the JSON report writes it (JSONWriter+Alerts).
private struct SavedAlert: Decodable {
  var row: AlertRow

  enum CodingKeys: String, CodingKey {
    case kind, subjectKind = "subject_kind", subject, metric, reason, baselineRate = "baseline_rate", rate
    case baselineEvents = "baseline_events", baselineAttempts = "baseline_attempts", events, attempts
    case baseline, since, pValue = "p_value", example, advice, message
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    func s(_ k: CodingKeys) throws -> String? { try c.decodeIfPresent(String.self, forKey: k) }
    func d(_ k: CodingKeys) throws -> Double? { try c.decodeIfPresent(Double.self, forKey: k) }
    func n(_ k: CodingKeys) throws -> Int { try c.decodeIfPresent(Int.self, forKey: k) ?? 0 }
    row = AlertRow(
      kind: try s(.kind) ?? "", subjectKind: try s(.subjectKind) ?? "", subject: try s(.subject) ?? "",
      metric: try s(.metric), reason: try s(.reason), baselineRate: try d(.baselineRate), rate: try d(.rate),
      baselineEvents: try n(.baselineEvents), baselineAttempts: try n(.baselineAttempts),
      events: try n(.events), attempts: try n(.attempts), baseline: try s(.baseline) ?? "",
      since: try s(.since), pValue: try d(.pValue), example: try s(.example), advice: try s(.advice),
      message: try s(.message) ?? "")
  }
}
