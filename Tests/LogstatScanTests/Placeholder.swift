import Testing

@Test func LogstatScanTestsPlaceholder() {}
