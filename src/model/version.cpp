#include "parley/version.hpp"

#define PARLEY_STRINGIFY_(x) #x
#define PARLEY_STRINGIFY(x) PARLEY_STRINGIFY_(x)

namespace parley {
const char* version() noexcept {
  return PARLEY_STRINGIFY(PARLEY_VERSION_MAJOR) "." PARLEY_STRINGIFY(
      PARLEY_VERSION_MINOR) "." PARLEY_STRINGIFY(PARLEY_VERSION_PATCH);
}
}  // namespace parley
