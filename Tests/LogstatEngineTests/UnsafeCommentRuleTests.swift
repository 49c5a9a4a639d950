import Foundation
import Testing

/// The house rule for unsafe code (as NIO writes it): every unsafe operation carries a
/// `// Safe because: ...` comment within the six lines above it (one comment may cover a tight
/// group) that states the invariant: why the pointer is valid that long, why the offset and
/// count stay inside the allocation, who frees it, why no other thread touches it.
///
/// The operations looked for are the ones whose misuse is undefined behaviour: allocating and
/// freeing, `withUnsafe*` scopes, rebinding memory, building pointers and buffers from a start
/// and a count, raw loads and stores, `rebasing:` slices, `initialize`, `unowned(unsafe)`,
/// `Unmanaged` and force-unwrapped base addresses. Comment lines are skipped.
enum UnsafeCommentRule {
  /// Text that marks an unsafe operation on a line of code.
  static let markers = [
    "withUnsafe", ".allocate(", "assumingMemoryBound", "bindMemory", "withMemoryRebound",
    "UnsafeRawBufferPointer(", "UnsafeMutableRawBufferPointer(", "UnsafeBufferPointer(",
    "UnsafeMutableBufferPointer(", "UnsafeRawPointer(", "UnsafeMutableRawPointer(",
    "UnsafeMutablePointer(", "UnsafePointer(", "loadUnaligned", ".load(", "storeBytes",
    ".deallocate(", "rebasing:", "initializeMemory", ".initialize(", "unowned(unsafe)",
    "Unmanaged", ".baseAddress!",
  ]

  /// How many lines above an operation its comment may be.
  static let reach = 6

  /// Files (relative to `Sources/`) not audited yet: their unsafe operations are not checked.
  /// Empty: every file is audited. Keep it so; the test below fails for a listed file that no
  /// longer needs to be on it, so the list can only shrink.
  static let pendingAudit: Set<String> = []

  /// The 1-based line numbers of the unsafe operations in `text`, and of those among them with
  /// no "Safe because" comment in reach.
  static func check(_ text: String) -> (sites: [Int], missing: [Int]) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var sites: [Int] = []
    var missing: [Int] = []
    for (i, line) in lines.enumerated() {
      if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
      guard markers.contains(where: { line.contains($0) }) else { continue }
      sites.append(i + 1)
      let explained = lines[max(0, i - reach)...i].contains { $0.lowercased().contains("safe because") }
      if !explained { missing.append(i + 1) }
    }
    return (sites, missing)
  }

  /// Every Swift file under `Sources/`, as (path relative to `Sources/`, text), sorted by path.
  static func sources() throws -> [(String, String)] {
    let root = Paths.packageRoot.appendingPathComponent("Sources")
    let walker = try #require(FileManager.default.enumerator(atPath: root.path))
    var files: [(String, String)] = []
    while let relative = walker.nextObject() as? String {
      guard relative.hasSuffix(".swift") else { continue }
      files.append((relative, try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)))
    }
    return files.sorted { $0.0 < $1.0 }
  }
}

@Suite struct UnsafeCommentRuleTests {
  @Test func everyUnsafeOperationSaysWhyItIsSafe() throws {
    var sites = 0
    var missing: [String] = []
    for (path, text) in try UnsafeCommentRule.sources() where !UnsafeCommentRule.pendingAudit.contains(path) {
      let found = UnsafeCommentRule.check(text)
      sites += found.sites.count
      missing += found.missing.map { "Sources/\(path):\($0)" }
    }
    // The walk found the code: there are well over a hundred unsafe operations.
    #expect(sites > 100)
    #expect(missing.isEmpty, "no `// Safe because: ...` in the \(UnsafeCommentRule.reach) lines above:\n\(missing.joined(separator: "\n"))")
  }

  @Test func pendingAuditHoldsOnlyFilesThatStillNeedIt() throws {
    let files = Dictionary(uniqueKeysWithValues: try UnsafeCommentRule.sources())
    for path in UnsafeCommentRule.pendingAudit.sorted() {
      let text = try #require(files[path], "Sources/\(path) is gone: take it off pendingAudit")
      #expect(!UnsafeCommentRule.check(text).missing.isEmpty, "Sources/\(path) is audited: take it off pendingAudit")
    }
  }

  /// The checker itself, on a small file: a site with its reason, one without, one whose
  /// reason is too far above, and comment lines that only mention the operations.
  @Test func checkerFindsOperationsWithoutAReason() {
    let text = """
      // Safe because: the first site is explained here.
      let a = UnsafeMutableRawPointer.allocate(byteCount: 8, alignment: 8)
      /// Docs may name withUnsafeBytes or .deallocate() freely.
      let x = 1
      let y = 2
      let z = 3
      let w = 4
      let b = bytes.withUnsafeBytes { $0.count }
      // SAFE BECAUSE upper case counts too.
      p.storeBytes(of: 1, as: UInt8.self)
      let v = 5
      let u = 6
      let t = 7
      let s = 8
      let r = 9
      let q = 10
      a.deallocate()
      """
    let found = UnsafeCommentRule.check(text)
    #expect(found.sites == [2, 8, 10, 17])
    #expect(found.missing == [8, 17])
  }
}
