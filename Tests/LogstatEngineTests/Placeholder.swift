import Testing

@Test func LogstatEngineTestsPlaceholder() {}
