import Foundation
import LogstatEngine
import LogstatReport
import LogstatRun
import LogstatSource
import LogstatTime

/// A fixed "now" for reproducible reports: 2026-11-23 00:00:00 UTC.
let fixedNow: Int64 = 1_795_392_000

/// The parallel knobs of one run.
struct Knobs: CustomStringConvertible, Sendable {
  var jobs = 1
  var chunkSize = 4 << 20
  /// Range size for cutting files (nil: the default); files of any size are cut when set.
  var rangeSize: Int64?
  /// Inflated bytes per gzip segment with several jobs (nil: the default).
  var segmentSize: Int?

  var description: String {
    "jobs \(jobs), chunk \(chunkSize), range \(rangeSize.map(String.init) ?? "default")"
      + ", segment \(segmentSize.map(String.init) ?? "default")"
  }
}

/// Runs the engine on `paths` and returns the run and its JSON report.
func runJSON(
  _ paths: [String], _ knobs: Knobs, yearOverride: Int? = 2026, window: TimeWindow = .all
) -> (RunResult, String) {
  let (inputs, errors) = InputDiscovery.expand(paths)
  var plan = RunPlan(
    inputs: inputs, jobs: knobs.jobs, chunkSize: knobs.chunkSize, zone: .utc,
    yearOverride: yearOverride, now: fixedNow, window: window)
  plan.segmentSize = knobs.segmentSize
  if let range = knobs.rangeSize {
    plan.rangeSize = range
    plan.splitMinimum = 1
  }
  let result = Engine.run(plan, inputErrors: errors)
  let model = ReportModel.build(from: result, now: fixedNow, zone: .utc, window: window)
  return (result, JSONWriter.render(model))
}

/// The JSON report without its `files` section (for runs over differently cut files).
func withoutFiles(_ json: String) -> String {
  guard let data = json.data(using: .utf8),
    var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
  else { return json }
  object["files"] = nil
  let out = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
  return out.map { String(decoding: $0, as: UTF8.self) } ?? json
}

/// A scratch directory removed when the value is dropped.
final class ScratchDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("logstat-engine-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes `bytes` to `name` inside the directory and returns its path.
  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let path = url.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// gzips `path` with the system's gzip into `path.gz`; nil when there is no gzip tool.
  func gzip(_ path: String) throws -> String? {
    guard let tool = ["/usr/bin/gzip", "/bin/gzip"].first(where: FileManager.default.isExecutableFile)
    else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["-k", "-f", path]
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? path + ".gz" : nil
  }
}
