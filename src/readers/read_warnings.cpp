// ReadWarning as a line of text and as JSON.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "parley/readers.hpp"

namespace parley {

std::string to_string(const ReadWarning& warning) {
  if (warning.line > 0)
    return fmt::format("{}:{}: warning: {}", warning.source, warning.line, warning.message);
  if (!warning.json_path.empty()) {
    return fmt::format("{}: {}: warning: {}", warning.source, warning.json_path, warning.message);
  }
  return fmt::format("{}: warning: {}", warning.source, warning.message);
}

std::string to_json(std::span<const ReadWarning> warnings) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const ReadWarning& warning : warnings) {
    nlohmann::ordered_json entry;
    entry["source"] = warning.source;
    entry["line"] = warning.line > 0 ? nlohmann::ordered_json(warning.line) : nlohmann::ordered_json();
    entry["json_path"] =
        warning.json_path.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(warning.json_path);
    entry["message"] = warning.message;
    array.push_back(std::move(entry));
  }
  // A source named by a path that is not UTF-8 still gives valid JSON.
  return array.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace parley
