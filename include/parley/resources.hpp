#pragma once
// Where parley's bundled data files (lexicons, pattern lists, filler words) are found. Hosts may
// always pass their own paths to the loaders instead.
#include <string>

namespace parley {

// The directory of bundled data: $PARLEY_DATA_DIR if set, else the installed share/parley if it
// exists, else the source tree's data/ (for builds run in place).
std::string default_data_dir();

}  // namespace parley
