import ArgumentParser

/// The exit statuses logstat documents (README, "Exit status").
enum ExitStatus {
  /// A report was printed, but some input could not be read whole.
  static let partial = ExitCode(2)
  /// `--fail-on alerts` and at least one alert was raised (the report was written).
  static let alerts = ExitCode(3)
  /// `--fail-on empty` and the window held no mail event (the report was written).
  static let empty = ExitCode(4)
}
