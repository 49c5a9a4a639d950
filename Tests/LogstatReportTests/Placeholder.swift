import Testing

@Test func LogstatReportTestsPlaceholder() {}
