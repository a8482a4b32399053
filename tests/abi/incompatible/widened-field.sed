# A struct field made wider: every later field of parley_segment moves.
s/^  uint32_t speaker; \/\* participant index \*\//  uint64_t speaker; \/* participant index *\//
