/// Month number (1-12) of a three-letter English month name at `i`, or 0.
@inlinable @inline(__always) func monthNumber(_ b: UnsafeRawBufferPointer, _ i: Int) -> Int {
  guard i + 3 <= b.count else { return 0 }
  // Pack the three letters, lower-cased, into one integer and compare.
  let key = (UInt32(b[i] | 0x20) << 16) | (UInt32(b[i + 1] | 0x20) << 8) | UInt32(b[i + 2] | 0x20)
  switch key {
  case 0x6a_616e: return 1  // jan
  case 0x66_6562: return 2  // feb
  case 0x6d_6172: return 3  // mar
  case 0x61_7072: return 4  // apr
  case 0x6d_6179: return 5  // may
  case 0x6a_756e: return 6  // jun
  case 0x6a_756c: return 7  // jul
  case 0x61_7567: return 8  // aug
  case 0x73_6570: return 9  // sep
  case 0x6f_6374: return 10  // oct
  case 0x6e_6f76: return 11  // nov
  case 0x64_6563: return 12  // dec
  default: return 0
  }
}
