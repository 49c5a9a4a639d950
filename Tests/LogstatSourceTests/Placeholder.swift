import Testing

@Test func LogstatSourceTestsPlaceholder() {}
