import Foundation
import LogstatClassify
import LogstatScan
import Testing

/// Counts and reasons come from the same parse of a reply's codes: on every line whose reply
/// text the classifier reads, the basic and enhanced codes the classifier finds in the text are
/// the ones the scanner found and the counts key on. Lines: the real MTA logs of RealCorpus
/// (sources in its README), the fuzz seeds of Fuzz/corpus, samples/, and the real-MTA sample
/// beside the checkout when present.
@Suite struct CodeAgreementTests {
  static func files() throws -> [URL] {
    let fm = FileManager.default
    var dirs = [
      RealCorpusTests.corpus, Paths.packageRoot.appendingPathComponent("Fuzz/corpus/FuzzPostfix"),
      Paths.packageRoot.appendingPathComponent("Fuzz/corpus/FuzzExim"),
      Paths.samples.appendingPathComponent("postfix"), Paths.samples.appendingPathComponent("exim"),
      Paths.samples.appendingPathComponent("postfix-rfc3339"),
    ]
    if Paths.hasRealMTA { dirs.append(Paths.realMTA) }
    var out: [URL] = []
    for dir in dirs {
      for name in try fm.contentsOfDirectory(atPath: dir.path).sorted()
      where !name.hasSuffix(".gz") && !name.hasSuffix(".md") && !name.hasSuffix(".tsv") && !name.hasSuffix(".rejectlog") {
        var isDir: ObjCBool = false
        let url = dir.appendingPathComponent(name)
        if fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue { out.append(url) }
      }
    }
    return out
  }

  @Test func scannerAndClassifierReadTheSameCodes() throws {
    let classifier = ReplyClassifier()
    var compared = 0
    var disagreements: [String] = []
    var quoted = 0
    var qmail = 0
    let files = try Self.files()
    #expect(files.count >= 60)
    for file in files {
      let name = file.lastPathComponent
      guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
      for shown in text.split(separator: "\n").map(String.init) {
        var raw = shown
        raw.withUTF8 { u in
          let b = UnsafeRawBufferPointer(u)
          var line = ScannedLine()
          LineScanner.scan(b, into: &line)
          guard line.kind == .delivery || line.kind == .inboundReject, !line.replyText.isEmpty else { return }
          // The text the classifier reads for a line, as the engine gives it.
          let span = line.replyContext.isEmpty ? line.replyText : line.replyContext
          let c = classifier.classify(
            text: UnsafeRawBufferPointer(rebasing: b[span.start..<span.end]),
            dsn: EnhancedCode(packed: line.fieldDSN), relayHost: nil, recipientDomain: nil)
          compared += 1
          let basic = Int(c.basicCode ?? 0)
          let scannedText =
            EnhancedCode(bytes: UnsafeRawBufferPointer(rebasing: b[line.textDSN.start..<line.textDSN.end]))?.packed ?? 0
          let classified = c.enhancedCode?.packed ?? 0
          guard basic != line.replyCode || classified != scannedText else { return }
          // Two known shapes where the two still look in different places (left for the
          // classifier's owners; see the closing note): a gateway quoting the remote reply
          // (`550 5.1.0 ... 550-'MAILBOX NOT FOUND'`: the classifier reads inside the quotes),
          // and qmail's code at the end (`550 Sorry, ... (#5.1.2)`: the scanner looks only
          // right after the basic code).
          if basic == line.replyCode, classified == 0, scannedText != 0, shown.contains("-'") {
            quoted += 1
          } else if basic == line.replyCode, scannedText == 0, classified != 0, shown.contains("(#") {
            qmail += 1
          } else {
            disagreements.append(
              "\(name): scanner \(line.replyCode) \(scannedText), classifier \(basic) \(classified): \(shown)")
          }
        }
      }
    }
    print("CodeAgreementTests: \(compared) lines compared in \(files.count) files; known: \(quoted) quoted, \(qmail) qmail")
    #expect(compared > 100)
    #expect(disagreements.isEmpty, "\(disagreements.count) of \(compared):\n\(disagreements.prefix(20).joined(separator: "\n"))")
  }
}
