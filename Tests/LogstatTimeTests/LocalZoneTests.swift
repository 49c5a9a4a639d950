import Foundation
import Testing

@testable import LogstatTime

/// Looks up a zone every test machine has; fails the test (not the run) if it is missing.
func zone(_ identifier: String) throws -> LocalZone {
  try #require(LocalZone(identifier: identifier), "time zone \(identifier) is not installed")
}

@Suite struct LocalZoneTests {
  @Test func utcIsArithmeticOnly() throws {
    let utc = try zone("UTC")
    #expect(
      utc.epoch(year: 2026, month: 11, day: 22, hour: 6, minute: 25, second: 1) == 1_795_328_701)
    #expect(
      utc.civil(1_795_328_701)
        == CivilTime(year: 2026, month: 11, day: 22, hour: 6, minute: 25, second: 1))
    #expect(utc.utcOffset(at: 1_795_328_701) == 0)
    #expect(LocalZone.utc.epoch(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0) == 0)
  }

  @Test func berlinOnAnOrdinaryDay() throws {
    let berlin = try zone("Europe/Berlin")
    #expect(
      berlin.epoch(year: 2026, month: 11, day: 22, hour: 6, minute: 0, second: 0) == 1_795_323_600)
    #expect(berlin.civil(1_795_323_600) == CivilTime(year: 2026, month: 11, day: 22, hour: 6))
    #expect(berlin.utcOffset(at: 1_795_323_600) == 3_600)
    #expect(berlin.startOfDay(1_795_323_600) == 1_795_302_000)
    #expect(berlin.startOfDay(1_795_323_600, addingDays: -1) == 1_795_215_600)
    #expect(berlin.timestamp(1_795_323_600) == "2026-11-22 06:00:00 +01:00")
  }

  @Test func gapTimesMoveForwardAndOverlapTimesTakeTheFirstOccurrence() throws {
    let berlin = try zone("Europe/Berlin")
    // 2026-03-29 02:30 does not exist in Berlin: read at +01:00 it is 03:30 CEST.
    let gap = berlin.epoch(year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0)
    #expect(gap == 1_774_747_800)
    #expect(berlin.civil(gap) == CivilTime(year: 2026, month: 3, day: 29, hour: 3, minute: 30))
    // 2026-10-25 02:30 happens twice: the first time (CEST, +02:00) is taken.
    let overlap = berlin.epoch(year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0)
    #expect(overlap == 1_792_888_200)
    #expect(berlin.utcOffset(at: overlap) == 7_200)
    #expect(
      berlin.civil(overlap + 3_600)
        == CivilTime(year: 2026, month: 10, day: 25, hour: 2, minute: 30))
    // The seconds either side of the changes.
    #expect(
      berlin.civil(1_774_745_999)
        == CivilTime(year: 2026, month: 3, day: 29, hour: 1, minute: 59, second: 59))
    #expect(berlin.civil(1_774_746_000) == CivilTime(year: 2026, month: 3, day: 29, hour: 3))
    #expect(berlin.timestamp(1_792_889_999) == "2026-10-25 02:59:59 +02:00")
    #expect(berlin.timestamp(1_792_890_000) == "2026-10-25 02:00:00 +01:00")
  }

  @Test func daysWithADSTChangeAreStillOneCalendarDay() throws {
    let berlin = try zone("Europe/Berlin")
    let springNoon = berlin.epoch(year: 2026, month: 3, day: 29, hour: 12, minute: 0, second: 0)
    #expect(berlin.startOfDay(springNoon) == 1_774_738_800)
    #expect(
      berlin.startOfDay(springNoon, addingDays: 1) - berlin.startOfDay(springNoon) == 23 * 3_600)
    let autumnNoon = berlin.epoch(year: 2026, month: 10, day: 25, hour: 12, minute: 0, second: 0)
    #expect(berlin.startOfDay(autumnNoon) == 1_792_879_200)
    #expect(
      berlin.startOfDay(autumnNoon, addingDays: 1) - berlin.startOfDay(autumnNoon) == 25 * 3_600)
  }

  @Test func unknownIdentifierIsNil() {
    #expect(LocalZone(identifier: "Mars/Olympus_Mons") == nil)
  }

  @Test func zonesCompareByTheirRules() throws {
    #expect(try zone("Europe/Berlin") == zone("Europe/Berlin"))
    #expect(try zone("Europe/Berlin") != zone("America/New_York"))
  }

  @Test(arguments: [
    ("Europe/Berlin", "Europe/Berlin"),
    (":Europe/Berlin", "Europe/Berlin"),
    ("/usr/share/zoneinfo/America/New_York", "America/New_York"),
    ("", nil),
    (":", nil),
  ])
  func tzVariableIsReducedToAnIdentifier(value: String, identifier: String?) {
    #expect(LocalZone.zoneIdentifier(fromTZ: value) == identifier)
  }

  @Test func currentZoneIsUsable() {
    let current = LocalZone.current()
    #expect(!current.identifier.isEmpty)
    #expect(current.epoch(current.civil(1_795_328_701)) == 1_795_328_701)
  }
}
