#include "parley/error.hpp"

namespace parley {

std::string_view error_code_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::parse: return "parse";
    case ErrorCode::invalid_utf8: return "invalid_utf8";
    case ErrorCode::limit_exceeded: return "limit_exceeded";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::not_permitted: return "not_permitted";
    case ErrorCode::io: return "io";
    case ErrorCode::storage: return "storage";
    case ErrorCode::internal: return "internal";
  }
  return "unknown";
}

}  // namespace parley
