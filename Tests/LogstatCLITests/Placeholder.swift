import Testing

@Test func LogstatCLITestsPlaceholder() {}
