import Testing

@testable import LogstatTime

@Suite struct TimeWindowTests {
  let day = TimeWindow(since: 1_795_302_000, until: 1_795_388_400)  // 2026-11-22 in Berlin

  @Test func containsIsHalfOpen() {
    #expect(!day.contains(1_795_301_999))
    #expect(day.contains(1_795_302_000))
    #expect(day.contains(1_795_388_399))
    #expect(!day.contains(1_795_388_400))
  }

  @Test func openBoundsAcceptEverythingOnThatSide() {
    #expect(TimeWindow.all.contains(Int64.min) && TimeWindow.all.contains(Int64.max))
    #expect(TimeWindow.all.isUnbounded && !day.isUnbounded)
    let from = TimeWindow(since: 100)
    #expect(!from.contains(99) && from.contains(100) && from.contains(Int64.max))
    let upTo = TimeWindow(until: 100)
    #expect(upTo.contains(Int64.min) && upTo.contains(99) && !upTo.contains(100))
  }

  @Test func overlapsDecidesWhetherAFileCanBeSkipped() {
    #expect(!day.overlaps(first: 1_795_200_000, last: 1_795_301_999))  // ends just before
    #expect(day.overlaps(first: 1_795_200_000, last: 1_795_302_000))
    #expect(day.overlaps(first: 1_795_388_399, last: 1_795_400_000))
    #expect(!day.overlaps(first: 1_795_388_400, last: 1_795_400_000))  // starts at until
    #expect(day.overlaps(first: 1_795_000_000, last: 1_796_000_000))  // spans the window
  }

  @Test func descriptions() throws {
    let berlin = try #require(LocalZone(identifier: "Europe/Berlin"))
    #expect(day.description == "2026-11-21T23:00:00Z ..< 2026-11-22T23:00:00Z")
    #expect(TimeWindow(since: 0).description == "1970-01-01T00:00:00Z ..< open")
    #expect(
      day.description(in: berlin)
        == "from 2026-11-22 00:00:00 +01:00 until 2026-11-23 00:00:00 +01:00")
    #expect(TimeWindow.all.description(in: berlin) == "all lines")
    #expect(
      TimeWindow(until: 1_795_302_000).description(in: berlin) == "until 2026-11-22 00:00:00 +01:00"
    )
  }
}
