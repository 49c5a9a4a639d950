import Foundation

/// Paths of the package and its samples, found from this file's location.
enum Paths {
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let samples = packageRoot.appendingPathComponent("samples")
  /// The real-MTA sample beside the checkout (`../shared/realmta-sample`), if present.
  static let realMTA = packageRoot.deletingLastPathComponent()
    .appendingPathComponent("shared/realmta-sample")
  static var hasRealMTA: Bool { FileManager.default.fileExists(atPath: realMTA.path) }
}
