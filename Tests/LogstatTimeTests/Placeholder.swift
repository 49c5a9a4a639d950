import Testing

@Test func LogstatTimeTestsPlaceholder() {}
