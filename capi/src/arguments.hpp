#pragma once
// Internal interface of the C ABI (capi/src only): argument checks beyond capi_support.hpp's, shared
// by the entry points that take file paths and text kept in a call.
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include <fmt/format.h>

#include "capi_support.hpp"
#include "parley/utf8.hpp"

namespace parley::capi {

// A file path: not empty, without NUL bytes (the operating system would cut the path there).
inline std::string path_arg(const char* data, std::size_t length, std::string_view name = "path") {
  const std::string_view path = text_arg(data, length, name);
  if (path.empty()) argument_error(name, "is empty");
  if (path.find('\0') != std::string_view::npos) argument_error(name, "contains a NUL byte");
  return std::string(path);
}

// Text that is kept (in a call): a text argument that must also be UTF-8 (Error(invalid_utf8)).
inline std::string utf8_arg(const char* data, std::size_t length, std::string_view name) {
  const std::string_view text = text_arg(data, length, name);
  if (const std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    throw Error(ErrorCode::invalid_utf8, fmt::format("argument '{}': invalid UTF-8 at byte {} (0x{:02X})",
                                                     name, bad, static_cast<unsigned char>(text[bad])));
  }
  return std::string(text);
}

// The integer a caller passed as an enum. C lets any int through, and C++ may not load an enum
// value outside the enumerators' range, so the bytes are read as the underlying integer.
template <typename Enum>
std::underlying_type_t<Enum> enum_arg(const Enum& value) noexcept {
  std::underlying_type_t<Enum> raw;
  std::memcpy(&raw, &value, sizeof raw);
  return raw;
}

}  // namespace parley::capi
