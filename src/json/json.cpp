#include "parley/json.hpp"

#include <nlohmann/json.hpp>

namespace parley {

std::string json_string(std::string_view text) { return nlohmann::json(text).dump(); }

}  // namespace parley
