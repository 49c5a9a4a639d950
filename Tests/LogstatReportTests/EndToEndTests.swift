import Foundation
import Testing

/// Runs the built `logstat` binary on `samples/` in every format.
@Suite("End to end: logstat on samples/")
struct EndToEndTests {
  /// Output, error output and exit status of `logstat arguments`.
  func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (String, String, Int32) {
    let binary = try #require(Paths.binary, "build logstat first (swift build)")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = Paths.packageRoot
    var env = ProcessInfo.processInfo.environment
    env["LOGSTAT_NOW"] = "1795392000"
    env["TZ"] = "UTC"
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), String(decoding: errors, as: UTF8.self), process.terminationStatus)
  }

  @Test(arguments: ["text", "json", "csv", "markdown", "html", "prometheus"])
  func everyFormatOnSamples(_ format: String) throws {
    let (out, err, status) = try run(["--format", format, "samples/"])
    #expect(status == 0, "stderr: \(err)")
    #expect(err.isEmpty)
    switch format {
    case "json":
      let doc = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
      let summary = doc?["summary"] as? [String: Any]
      #expect(summary?["delivered"] as? Int == 19)
      let rep = doc?["reputation"] as? [String: Any]
      let listings = rep?["listings"] as? [[String: Any]]
      #expect(listings?.first?["address"] as? String == "192.0.2.25")
    case "csv":
      let tables = out.components(separatedBy: "\r\n").filter { $0.hasPrefix("# ") }
      #expect(tables.count == 12)  // every section, health and traffic included
    case "html":
      #expect(tagProblems(out) == [])
      #expect(out.contains("<svg"))
    case "prometheus":
      let (samples, problems) = parseExposition(out)
      #expect(problems == [])
      #expect(samples.contains { $0.name == "logstat_recipients" && $0.labels["status"] == "delivered" && $0.value == 19 })
    case "markdown":
      #expect(out.hasPrefix("# Mail delivery report"))
    default:
      #expect(out.contains("Reputation: do receivers trust this server?"))
      #expect(!out.contains("\u{1B}"))
    }
  }

  @Test func outputFileAndSuppressionList() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logstat-e2e-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = dir.appendingPathComponent("logstat.prom")
    let list = dir.appendingPathComponent("suppress.txt")
    let (out, err, status) = try run([
      "--format", "prometheus", "--top", "2", "--output", report.path, "--suppression-list", list.path, "samples/",
    ])
    #expect(status == 0, "stderr: \(err)")
    #expect(out.isEmpty)
    let metrics = try String(contentsOf: report, encoding: .utf8)
    #expect(Set(parseExposition(metrics).samples.compactMap { $0.labels["domain"] }).count == 3)
    let addresses = try String(contentsOf: list, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(!addresses.isEmpty)
    #expect(addresses == addresses.sorted())
    #expect(Set(addresses).count == addresses.count)
    #expect(addresses.allSatisfy { $0.contains("@") })
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty)
  }

  /// `promtool check metrics` (Debian's `prometheus` package; CI installs it) accepts the
  /// output on samples/ and on the real-MTA logs beside the checkout, with and without `--top`.
  @Test(.enabled(if: Self.promtool != nil, "needs promtool (apt-get install prometheus)"))
  func promtoolAcceptsTheOutput() throws {
    let shared = Paths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/realmta-sample")
    var inputs = ["samples/", "samples/postfix", "samples/exim"]
    for name in ["postfix.log", "exim-mainlog"] where FileManager.default.fileExists(atPath: shared.appendingPathComponent(name).path) {
      inputs.append(shared.appendingPathComponent(name).path)
    }
    for input in inputs {
      for extra in [[], ["--top", "2"]] {
        let (out, err, status) = try run(["--format", "prometheus"] + extra + [input])
        #expect(status == 0, "\(input): \(err)")
        let (checkOut, checkStatus) = try Self.check(out)
        #expect(checkStatus == 0, "promtool on \(input) \(extra): \(checkOut)")
        #expect(!checkOut.contains("quantile"), "\(input): \(checkOut)")
      }
    }
  }

  static var promtool: URL? {
    ["/usr/bin/promtool", "/usr/local/bin/promtool"].map(URL.init(fileURLWithPath:))
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// `promtool check metrics` on `text`: its output (warnings included) and exit status.
  static func check(_ text: String) throws -> (String, Int32) {
    let process = Process()
    process.executableURL = try #require(promtool)
    process.arguments = ["check", "metrics"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = output
    try process.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
  }

  @Test func colourOnlyWhenAsked() throws {
    let (plain, _, _) = try run(["--report", "summary", "samples/"])
    #expect(!plain.contains("\u{1B}"))
    let (forced, _, _) = try run(["--report", "summary", "--color", "always", "samples/"], environment: ["NO_COLOR": "1"])
    #expect(forced.contains("\u{1B}[1m"))
  }

  @Test func badSectionIsAUsageError() throws {
    let (_, err, status) = try run(["--format", "prometheus", "--report", "timeline", "samples/"])
    #expect(status == 64)
    #expect(err.contains("has no 'timeline' section"))
  }
}
