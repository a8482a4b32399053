#include "parley/resources.hpp"

#include <cstdlib>
#include <filesystem>

namespace parley {

std::string default_data_dir() {
  if (const char* from_environment = std::getenv("PARLEY_DATA_DIR"); from_environment && *from_environment) {
    return from_environment;
  }
  std::error_code ignored;
  if (std::filesystem::is_directory(PARLEY_INSTALLED_DATA_DIR, ignored)) return PARLEY_INSTALLED_DATA_DIR;
  return PARLEY_SOURCE_DATA_DIR;
}

}  // namespace parley
