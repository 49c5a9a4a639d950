import ArgumentParser

/// The exit statuses logstat documents (README, "Exit status").
enum ExitStatus {
  /// A report was printed, but some input could not be read whole.
  static let partial = ExitCode(2)
}
