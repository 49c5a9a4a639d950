/// A part of the report that `--report NAME` selects.
public enum ReportSection: String, CaseIterable, Sendable {
  case alerts, summary, domains, providers, codes, reasons, reputation, senders, timeline, inbound
  /// Security and health: auth failures, warnings by kind, TLS, postscreen, admin actions.
  case health
  /// pflogsumm's totals: bytes, held/discarded/forwarded, distinct and top addresses, per day.
  case traffic

  /// A heading for people.
  public var title: String {
    switch self {
    case .alerts: "Alerts"
    case .summary: "Summary"
    case .domains: "Recipient domains"
    case .providers: "Mailbox providers"
    case .codes: "Status codes"
    case .reasons: "Why mail failed"
    case .reputation: "Reputation"
    case .senders: "Sender domains"
    case .timeline: "Timeline"
    case .inbound: "Inbound rejects"
    case .health: "Security and health"
    case .traffic: "Traffic"
    }
  }
}

/// A report output format; one writer each, all fed from the same `ReportModel`.
public enum ReportFormat: String, CaseIterable, Sendable {
  case text, json, csv, markdown, html, prometheus

  /// The sections this format can show; the default selection.
  public var sections: [ReportSection] {
    switch self {
    case .prometheus:
      [.alerts, .summary, .domains, .providers, .codes, .reasons, .reputation, .inbound, .health, .traffic]
    default: ReportSection.allCases
    }
  }

  /// Rows per table when `--top` is not given: tables for people are cut, data formats are not,
  /// and Prometheus keeps label cardinality bounded.
  public var defaultTop: Int? {
    switch self {
    case .text, .markdown, .html, .prometheus: 20
    case .json, .csv: nil
    }
  }

  /// Renders `model` with this format's writer.
  public func render(_ model: ReportModel, options: ReportOptions) -> String {
    switch self {
    case .text: TextWriter.render(model, options: options)
    case .json: JSONWriter.render(model, options: options)
    case .csv: CSVWriter.render(model, options: options)
    case .markdown: MarkdownWriter.render(model, options: options)
    case .html: HTMLWriter.render(model, options: options)
    case .prometheus: PrometheusWriter.render(model, options: options)
    }
  }

  /// Writes `model` with this format's writer to `sink`: JSON as it is made (the document is
  /// never held whole), the other formats as their finished text.
  public func write(_ model: ReportModel, options: ReportOptions, to sink: JSONSink) throws {
    if self == .json { return try JSONWriter.write(model, options: options, to: sink) }
    var text = render(model, options: options)
    // Safe because: the UTF-8 buffer lives for the closure, and `sink.write` copies or writes
    // the bytes before it returns.
    try text.withUTF8 { try sink.write(UnsafeRawBufferPointer($0)) }
  }
}

/// What to show and how: sections, rows per table, and terminal settings for text.
public struct ReportOptions: Sendable, Equatable {
  /// Sections in the order to show them.
  public var sections: [ReportSection]
  /// Rows per table (and Prometheus domains before `other`); nil for all.
  public var top: Int?
  /// Text only: ANSI colour.
  public var color: Bool
  /// Text only: columns available.
  public var width: Int

  public init(
    sections: [ReportSection] = ReportSection.allCases, top: Int? = 20, color: Bool = false,
    width: Int = 100
  ) {
    self.sections = sections
    self.top = top
    self.color = color
    self.width = width
  }

  /// Whether `section` is selected.
  public func shows(_ section: ReportSection) -> Bool { sections.contains(section) }

  /// The first `top` rows of `rows`.
  func cut<T>(_ rows: [T]) -> ArraySlice<T> { top.map { rows.prefix($0) } ?? rows[...] }

  /// Parses `--report` values (repeated and/or comma-separated) for `format`; empty selects
  /// every section the format can show. Keeps the order given, drops repeats.
  public static func sections(
    _ values: [String], for format: ReportFormat
  ) throws(ReportOptionError) -> [ReportSection] {
    let names = values.flatMap { $0.split(separator: ",") }.map {
      $0.trimmingCharacters(in: " ").lowercased()
    }.filter { !$0.isEmpty }
    guard !names.isEmpty else { return format.sections }
    var out: [ReportSection] = []
    for name in names {
      guard let section = ReportSection(rawValue: name) else {
        throw ReportOptionError(
          "unknown report section '\(name)'. Choose from: \(ReportSection.allCases.map(\.rawValue).joined(separator: ", ")).")
      }
      guard format.sections.contains(section) else {
        throw ReportOptionError(
          "the \(format.rawValue) format has no '\(name)' section. It can show: \(format.sections.map(\.rawValue).joined(separator: ", ")).")
      }
      if !out.contains(section) { out.append(section) }
    }
    return out
  }
}

/// A `--report` value that names no section of the chosen format.
public struct ReportOptionError: Error, CustomStringConvertible, Equatable {
  public let description: String
  public init(_ message: String) { description = message }
}

extension Substring {
  /// The substring without leading and trailing `c`.
  fileprivate func trimmingCharacters(in c: Character) -> String {
    var s = self[...]
    while s.first == c { s = s.dropFirst() }
    while s.last == c { s = s.dropLast() }
    return String(s)
  }
}
