#pragma once
#define PARLEY_VERSION_MAJOR 1
#define PARLEY_VERSION_MINOR 0
#define PARLEY_VERSION_PATCH 0

namespace parley {
// The library's version at run time, "MAJOR.MINOR.PATCH".
const char* version() noexcept;
}  // namespace parley
