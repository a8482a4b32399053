#include "json/json_input.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace parley {

using nlohmann::json;

namespace {

// The value as it appears in a message, cut short.
std::string excerpt(const json& value) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

}  // namespace

std::optional<json> parse_json_text(std::string_view content, JsonSyntaxError& problem) {
  try {
    return json::parse(content.begin(), content.end());
  } catch (const json::parse_error& error) {
    // nlohmann counts `byte` from 1 as the position of the character it stopped at.
    const std::size_t stop = std::min<std::size_t>(error.byte == 0 ? 0 : error.byte - 1, content.size());
    problem.line = 1 + static_cast<std::size_t>(std::count(content.begin(), content.begin() + stop, '\n'));
    const std::size_t line_start = content.rfind('\n', stop == 0 ? 0 : stop - 1);
    problem.column =
        stop == 0
            ? 1
            : stop - (line_start == std::string_view::npos || line_start >= stop ? 0 : line_start + 1) + 1;
    std::string_view what = error.what();
    // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 3, column 5: " prefix.
    if (const std::size_t at = what.find("column "); at != std::string_view::npos) {
      if (const std::size_t colon = what.find(": ", at); colon != std::string_view::npos)
        what.remove_prefix(colon + 2);
    }
    problem.what = std::string(what);
    return std::nullopt;
  }
}

json parse_json_text(std::string_view content, std::string_view source_name) {
  JsonSyntaxError problem;
  std::optional<json> document = parse_json_text(content, problem);
  if (!document)
    throw Error(ErrorCode::parse, fmt::format("{}:{}:{}: {}", source_name, problem.line, problem.column, problem.what));
  return std::move(*document);
}

std::string JsonField::where() const {
  return path_.empty() ? source_ : fmt::format("{}: {}", source_, path_);
}

void JsonField::fail(std::string_view what) const {
  throw Error(ErrorCode::parse, fmt::format("{}: {}", where(), what));
}

void JsonField::fail_type(std::string_view expected) const {
  if (value_->is_null()) fail(fmt::format("expected {}, found null", expected));
  fail(fmt::format("expected {}, found {} {}", expected, value_->type_name(), excerpt(*value_)));
}

JsonObject JsonField::object() const {
  if (!value_->is_object()) fail_type("an object");
  return JsonObject(*this);
}

std::vector<JsonField> JsonField::array() const {
  if (!value_->is_array()) fail_type("an array");
  std::vector<JsonField> out;
  out.reserve(value_->size());
  for (std::size_t i = 0; i < value_->size(); ++i) out.push_back(element((*value_)[i], i));
  return out;
}

std::string JsonField::string() const {
  if (!value_->is_string()) fail_type("a string");
  return value_->get<std::string>();
}

bool JsonField::boolean() const {
  if (!value_->is_boolean()) fail_type("true or false");
  return value_->get<bool>();
}

double JsonField::number() const {
  if (!value_->is_number()) fail_type("a number");
  const double value = value_->get<double>();
  if (!std::isfinite(value)) fail(fmt::format("number {} is not finite", excerpt(*value_)));
  return value;
}

std::int64_t JsonField::int64() const {
  if (value_->is_number_integer()) {
    if (value_->is_number_unsigned() &&
        value_->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      fail(fmt::format("integer {} is too large", excerpt(*value_)));
    }
    return value_->get<std::int64_t>();
  }
  if (value_->is_number_float()) {
    const double value = value_->get<double>();
    // 1e3 or 5.0 are integers written as floating point; 2^63 itself does not fit.
    if (std::isfinite(value) && value == std::trunc(value) && value >= -9.2233720368547758e18 &&
        value < 9.2233720368547758e18) {
      return static_cast<std::int64_t>(value);
    }
    fail(fmt::format("expected an integer, found number {}", excerpt(*value_)));
  }
  fail_type("an integer");
}

std::vector<std::string> JsonField::strings() const {
  std::vector<std::string> out;
  for (const JsonField& item : array()) out.push_back(item.string());
  return out;
}

JsonField JsonField::member(const json& value, std::string_view name) const {
  return JsonField(value, source_, path_.empty() ? std::string(name) : fmt::format("{}.{}", path_, name));
}

JsonField JsonField::element(const json& value, std::size_t index) const {
  return JsonField(value, source_, fmt::format("{}[{}]", path_, index));
}

std::optional<JsonField> JsonObject::find(std::string_view name) {
  known_.emplace_back(name);
  const json& object = field_.value();
  const auto it = object.find(name);
  if (it == object.end()) return std::nullopt;
  return field_.member(*it, name);
}

JsonField JsonObject::require(std::string_view name) {
  std::optional<JsonField> member = find(name);
  if (!member) field_.fail(fmt::format("missing member '{}'", name));
  return *member;
}

void JsonObject::finish() const {
  for (const auto& [key, value] : field_.value().items()) {
    if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
    std::vector<std::string> names = known_;
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    field_.fail(fmt::format("unknown member '{}' (known: {})", key, fmt::join(names, ", ")));
  }
}

}  // namespace parley
