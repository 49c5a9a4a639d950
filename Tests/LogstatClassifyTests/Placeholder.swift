import Testing

@Test func LogstatClassifyTestsPlaceholder() {}
