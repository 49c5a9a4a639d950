import ArgumentParser
import LogstatReport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ReportFormat: ExpressibleByArgument {}

/// `--color auto|always|never`.
enum ColorMode: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never
}

/// What the text report needs to know about where it is going.
enum Terminal {
  /// True when standard output is a terminal and the report goes there.
  static func isTerminal(output: String?) -> Bool {
    output == nil && isatty(STDOUT_FILENO) == 1
  }

  /// Colour for `mode`: `auto` colours only a terminal, and never with `NO_COLOR` set (to
  /// anything but the empty string) or `TERM=dumb`.
  static func color(_ mode: ColorMode, output: String?) -> Bool {
    switch mode {
    case .always: return true
    case .never: return false
    case .auto:
      guard isTerminal(output: output) else { return false }
      if let v = getenv("NO_COLOR"), v.pointee != 0 { return false }
      if let t = getenv("TERM"), String(cString: t) == "dumb" { return false }
      return true
    }
  }

  /// Columns of the terminal (TIOCGWINSZ) when the report goes to one, else 100.
  static func width(output: String?) -> Int {
    guard isTerminal(output: output) else { return 100 }
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return max(40, Int(size.ws_col))
    }
    return 100
  }
}
