#pragma once
// Internal interface of the model layer (any area may include it).
// Checks behind every options struct's validate(): one message shape for every field of every area,
// "<where>.<field> = <value>: <rule>" as Error(invalid_argument), where `where` is the struct's name or its
// path inside another options struct ("AnalysisOptions.timing").
#include <fmt/format.h>

#include <cmath>
#include <string>
#include <string_view>
#include <type_traits>

#include "parley/error.hpp"

namespace parley::option_checks {

template <typename Value>
[[noreturn]] void fail(std::string_view where, std::string_view field, const Value& value,
                       std::string_view rule) {
  if constexpr (std::is_convertible_v<const Value&, std::string_view>) {
    throw Error(ErrorCode::invalid_argument,
                fmt::format("{}.{} = '{}': {}", where, field, std::string_view(value), rule));
  } else if constexpr (std::is_enum_v<Value>) {
    throw Error(ErrorCode::invalid_argument,
                fmt::format("{}.{} = {}: {}", where, field, static_cast<long long>(value), rule));
  } else {
    throw Error(ErrorCode::invalid_argument, fmt::format("{}.{} = {}: {}", where, field, value, rule));
  }
}

template <typename Number>
void at_least(std::string_view where, std::string_view field, Number value, Number minimum) {
  if (value < minimum) fail(where, field, value, fmt::format("must be >= {}", minimum));
}

template <typename Number>
void at_most(std::string_view where, std::string_view field, Number value, Number maximum) {
  if (value > maximum) fail(where, field, value, fmt::format("must be <= {}", maximum));
}

template <typename Number>
void positive(std::string_view where, std::string_view field, Number value) {
  if (!(value > 0)) fail(where, field, value, "must be > 0");
}

// A finite number in [minimum, maximum].
inline void in_range(std::string_view where, std::string_view field, double value, double minimum,
                     double maximum) {
  if (!(value >= minimum && value <= maximum)) {
    fail(where, field, value, fmt::format("must be in [{}, {}]", minimum, maximum));
  }
}

inline void finite_at_least_zero(std::string_view where, std::string_view field, double value) {
  if (!(std::isfinite(value) && value >= 0)) fail(where, field, value, "must be finite and >= 0");
}

inline void finite_positive(std::string_view where, std::string_view field, double value) {
  if (!(std::isfinite(value) && value > 0)) fail(where, field, value, "must be finite and > 0");
}

// Valid UTF-8. `invalid_at` is find_invalid_utf8(value) (text.hpp: this layer sits below the text
// area), npos for valid text; the message names the first bad byte, since the value cannot be quoted.
inline void utf8(std::string_view where, std::string_view field, std::string_view value,
                 std::size_t invalid_at) {
  if (invalid_at != std::string_view::npos) {
    throw Error(ErrorCode::invalid_argument,
                fmt::format("{}.{}: must be valid UTF-8 (byte 0x{:02X} at offset {} is not)", where, field,
                            static_cast<unsigned char>(value[invalid_at]), invalid_at));
  }
}

// Valid UTF-8 and not empty.
inline void text(std::string_view where, std::string_view field, std::string_view value,
                 std::size_t invalid_at) {
  utf8(where, field, value, invalid_at);
  if (value.empty()) fail(where, field, value, "must not be empty");
}

// `known` is is_known_language_tag(value) (text.hpp). Tags are ASCII: other bytes are quoted as \xNN.
inline void language(std::string_view where, std::string_view field, std::string_view value, bool known) {
  if (known) return;
  std::string shown;
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F)
      shown.push_back(c);
    else
      shown += fmt::format("\\x{:02X}", byte);
  }
  throw Error(ErrorCode::invalid_argument,
              fmt::format("{}.{} = '{}': must be a BCP 47 tag of a known language, such as 'en' or 'pt-BR'",
                          where, field, shown));
}

}  // namespace parley::option_checks
