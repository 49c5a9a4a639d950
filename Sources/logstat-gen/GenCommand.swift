import ArgumentParser
import Foundation

extension LogFormat: ExpressibleByArgument {}
extension StampStyle: ExpressibleByArgument {}

/// `logstat-gen`: writes a realistic, deterministic Postfix or Exim log of a given size,
/// and optionally the truth (per-domain outcomes) to check an analyser against.
@main
struct GenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "logstat-gen",
    abstract: "Generate a realistic, deterministic Postfix or Exim mail log of any size.",
    discussion: """
      The same options and seed always produce the same bytes. The log ends shortly after \
      --size bytes: the deliveries already under way are finished, retries are not.
      Example: logstat-gen --format postfix --size 200M --seed 7 --output mail.log --truth truth.tsv
      """)

  @Option(help: "Log dialect.")
  var format: LogFormat = .postfix

  @Option(help: "Approximate size of the log: bytes, or with K, M, G (powers of 1024).")
  var size: String = "100M"

  @Option(help: "Seed of the random generator.")
  var seed: UInt64 = 1

  @Option(help: "Time stamp style.")
  var stamps: StampStyle = .classic

  @Option(help: "Local time of the first line (YYYY-MM-DDTHH:MM:SS).")
  var start: String = "2026-11-20T00:00:00"

  @Option(help: "Local time's offset from UTC shown in the stamps (+01:00, -0500, Z).")
  var utcOffset: String = "+00:00"

  @Option(help: "Average log lines per second of simulated time (approximate).")
  var rate: Double = 20

  @Option(help: "Queue lifetime before deferred mail expires: 5d, 12h, 90m, 600s.")
  var queueLifetime: String = "5d"

  @Flag(help: "Postfix long queue IDs (enable_long_queue_ids = yes).")
  var longQueueIds = false

  @Option(help: "Syslog host name field (1 to 255 bytes, no spaces).")
  var hostname: String = "mx1"

  @Option(help: "Output file (default: standard output). With --rotate, the newest file's name.")
  var output: String?

  @Option(help: "Write the per-domain truth TSV to this file.")
  var truth: String?

  @Option(help: "Split the log into N files, oldest = highest number (mail.log.N-1 ... mail.log).")
  var rotate: Int = 1

  @Flag(help: "Gzip rotated files numbered 2 and up (or the single output file).")
  var gzip = false

  @Flag(help: "Do not print the summary line on standard error.")
  var quiet = false

  func validate() throws {
    guard GenCommand.parseSize(size) != nil else {
      throw ValidationError("--size '\(size)' is not a size; use e.g. 500000, 200M or 1G")
    }
    guard StampWriter.parseStart(start) != nil else {
      throw ValidationError("--start '\(start)' is not a time; use YYYY-MM-DDTHH:MM:SS")
    }
    guard StampWriter.parseOffset(utcOffset) != nil else {
      throw ValidationError("--utc-offset '\(utcOffset)' is not an offset; use e.g. +01:00, -0500 or Z")
    }
    guard GenCommand.parseDuration(queueLifetime) != nil else {
      throw ValidationError("--queue-lifetime '\(queueLifetime)' is not a duration; use e.g. 5d, 12h, 90m")
    }
    guard rate > 0 else { throw ValidationError("--rate must be positive") }
    guard (1...GeneratorConfig.maxHostnameLength).contains(hostname.utf8.count),
      hostname.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F })
    else {
      throw ValidationError(
        "--hostname must be 1 to \(GeneratorConfig.maxHostnameLength) bytes without spaces or control characters")
    }
    guard rotate >= 1 && rotate <= 1000 else { throw ValidationError("--rotate must be 1...1000") }
    if (rotate > 1 || gzip) && output == nil {
      throw ValidationError("--rotate and --gzip need --output FILE")
    }
  }

  func run() throws {
    var config = GeneratorConfig()
    config.format = format
    config.targetBytes = GenCommand.parseSize(size)!
    config.seed = seed
    config.stamps = stamps
    config.utcOffset = StampWriter.parseOffset(utcOffset)!
    config.start = StampWriter.parseStart(start)! - Int64(config.utcOffset)
    config.rate = rate
    config.queueLifetime = GenCommand.parseDuration(queueLifetime)!
    config.longQueueIDs = longQueueIds
    config.hostname = hostname
    let sink: OutputSink =
      if let output {
        try OutputSink.files(
          base: output, rotate: rotate, gzip: gzip, totalBytes: config.targetBytes)
      } else {
        OutputSink.standardOutput()
      }
    let started = Date()
    let generator = LogGenerator(config: config, sink: sink)
    try generator.run()
    let seconds = Date().timeIntervalSince(started)
    if let truth {
      let text = TruthTable.tsv(generator.truth, domains: generator.domains)
      do {
        try text.write(toFile: truth, atomically: true, encoding: .utf8)
      } catch {
        throw OutputError(description: "cannot write truth file \(truth): \(error.localizedDescription)")
      }
    }
    if !quiet {
      let mb = Double(sink.written) / 1e6
      let line = String(
        format: "logstat-gen: %.1f MB in %.2f s (%.0f MB/s), %d messages\n", mb, seconds,
        mb / max(seconds, 1e-9), Int(generator.serial))
      FileHandle.standardError.write(Data(line.utf8))
    }
  }

  /// `1G`, `200M`, `64K`, `12345` -> bytes (powers of 1024).
  static func parseSize(_ text: String) -> Int64? {
    let t = text.trimmingCharacters(in: .whitespaces).uppercased()
    guard let last = t.last else { return nil }
    let units: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
    let (digits, unit): (Substring, Int64) =
      if let u = units[last] { (t.dropLast(), u) } else if last == "B", let u = units[t.dropLast().last ?? " "] {
        (t.dropLast(2), u)
      } else { (Substring(t), 1) }
    guard let v = Double(digits), v > 0 else { return nil }
    return Int64(v * Double(unit))
  }

  /// `5d`, `12h`, `90m`, `600s`, `600` -> seconds.
  static func parseDuration(_ text: String) -> Int64? {
    guard let last = text.last else { return nil }
    let units: [Character: Int64] = ["d": 86_400, "h": 3600, "m": 60, "s": 1]
    if let u = units[last], let v = Double(text.dropLast()), v > 0 { return Int64(v * Double(u)) }
    if let v = Int64(text), v > 0 { return v }
    return nil
  }
}
