/// The rows of one report table, in order: either held (tests, small tables) or made from the
/// aggregate when read, so a table with a row per recipient domain or address costs a small
/// key per row until a writer asks for it (text shows 20; JSON writes each as it is made).
///
/// Reads make the row each time; writing a row (tests) first makes and holds them all.
public struct ReportRows<Row: Sendable & Equatable>: RandomAccessCollection, MutableCollection,
  ExpressibleByArrayLiteral, Sendable, Equatable
{
  private var held: [Row]
  private var madeCount = 0
  private var make: (@Sendable (Int) -> Row)?

  /// Rows held as they are.
  public init(_ rows: [Row]) { held = rows }

  public init(arrayLiteral rows: Row...) { held = rows }

  /// `count` rows, row `k` made by `make(k)` whenever it is read.
  public init(count: Int, _ make: @escaping @Sendable (Int) -> Row) {
    held = []
    madeCount = count
    self.make = make
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { make == nil ? held.count : madeCount }

  public subscript(k: Int) -> Row {
    get { make.map { $0(k) } ?? held[k] }
    set {
      if let make {
        held = (0..<madeCount).map(make)
        self.make = nil
      }
      held[k] = newValue
    }
  }

  public static func == (a: ReportRows, b: ReportRows) -> Bool { a.elementsEqual(b) }
}

extension ReportOptions {
  /// The first `top` rows (all without a limit).
  func cut<T>(_ rows: ReportRows<T>) -> Slice<ReportRows<T>> { top.map { rows.prefix($0) } ?? rows[...] }
}
