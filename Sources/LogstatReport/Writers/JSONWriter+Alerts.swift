extension JSONWriter {
  /// One alert object (see docs/json-schema.md, `alerts`).
  static func alert(_ a: AlertRow) -> JSON {
    .object([
      ("kind", .string(a.kind)), ("subject_kind", .string(a.subjectKind)),
      ("subject", .string(a.subject)), ("metric", .optional(a.metric)),
      ("reason", .optional(a.reason)), ("baseline_rate", .optional(a.baselineRate)),
      ("rate", .optional(a.rate)), ("baseline_events", .int(a.baselineEvents)),
      ("baseline_attempts", .int(a.baselineAttempts)), ("events", .int(a.events)),
      ("attempts", .int(a.attempts)), ("baseline", .string(a.baseline)),
      ("since", .optional(a.since)), ("p_value", .optional(a.pValue)),
      ("example", .optional(a.example)), ("advice", .optional(a.advice)),
      ("message", .string(a.message)),
    ])
  }
}
