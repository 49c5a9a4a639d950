import Testing

@Test func LogstatAggregateTestsPlaceholder() {}
