import Foundation

/// A fresh directory under the system temp folder, removed when the value goes away.
final class TempDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("logstat-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    // Make everything removable again (permission tests take rights away).
    _ = chmod(url.path, 0o755)
    if let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) {
      for name in names { _ = chmod(url.appendingPathComponent(name).path, 0o755) }
    }
    try? FileManager.default.removeItem(at: url)
  }

  /// The URL of `name` inside the directory.
  func path(_ name: String) -> URL { url.appendingPathComponent(name) }

  /// Writes `bytes` to `name` and returns its URL.
  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) throws -> URL {
    let file = path(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file
  }

  /// Writes `text` as UTF-8 to `name` and returns its URL.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> URL {
    try write(name, Array(text.utf8))
  }
}
