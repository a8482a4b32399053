#include "capi_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <limits>

#include <fmt/format.h>

#include "arguments.hpp"
#include "parley/version.hpp"

static_assert(PARLEY_VERSION_MAJOR == 1 && PARLEY_VERSION_NUMBER == PARLEY_VERSION_MAJOR * 10000 +
                                                                      PARLEY_VERSION_MINOR * 100 +
                                                                      PARLEY_VERSION_PATCH,
              "parley.h: PARLEY_VERSION_NUMBER disagrees with its parts");

namespace parley::capi {

namespace {

struct LastError {
  parley_status status = PARLEY_OK;
  std::string message;
};

LastError& last_error() noexcept {
  thread_local LastError error;
  return error;
}

}  // namespace

parley_status fail(parley_status status, std::string message) noexcept {
  LastError& error = last_error();
  error.status = status;
  try {
    error.message = std::move(message);
  } catch (...) {
    error.message.clear();  // out of memory while reporting: the status still says what happened
  }
  return status;
}

parley_status status_of(ErrorCode code) noexcept {
  static_assert(static_cast<int>(ErrorCode::invalid_argument) == PARLEY_E_INVALID_ARGUMENT &&
                static_cast<int>(ErrorCode::parse) == PARLEY_E_PARSE &&
                static_cast<int>(ErrorCode::invalid_utf8) == PARLEY_E_INVALID_UTF8 &&
                static_cast<int>(ErrorCode::limit_exceeded) == PARLEY_E_LIMIT_EXCEEDED &&
                static_cast<int>(ErrorCode::not_found) == PARLEY_E_NOT_FOUND &&
                static_cast<int>(ErrorCode::not_permitted) == PARLEY_E_NOT_PERMITTED &&
                static_cast<int>(ErrorCode::io) == PARLEY_E_IO &&
                static_cast<int>(ErrorCode::storage) == PARLEY_E_STORAGE &&
                static_cast<int>(ErrorCode::internal) == PARLEY_E_INTERNAL);
  const int value = static_cast<int>(code);
  return value >= PARLEY_E_INVALID_ARGUMENT && value <= PARLEY_E_INTERNAL ? static_cast<parley_status>(value)
                                                                          : PARLEY_E_INTERNAL;
}

void argument_error(std::string_view name, std::string_view what) {
  throw Error(ErrorCode::invalid_argument, fmt::format("argument '{}' {}", name, what));
}

std::string_view text_arg(const char* data, std::size_t length, std::string_view name) {
  if (length == PARLEY_NUL_TERMINATED) {
    if (data == nullptr) argument_error(name, "is NULL");
    length = std::strlen(data);
    if (length > PARLEY_MAX_INPUT_BYTES)
      throw Error(ErrorCode::limit_exceeded, fmt::format("argument '{}' is longer than 1 GiB", name));
    return {data, length};
  }
  if (length > PARLEY_MAX_INPUT_BYTES) {
    throw Error(ErrorCode::limit_exceeded,
                fmt::format("argument '{}': length {} is above PARLEY_MAX_INPUT_BYTES (1 GiB)", name, length));
  }
  if (data == nullptr) {
    if (length != 0) argument_error(name, fmt::format("is NULL with length {}", length));
    return {};
  }
  return {data, length};
}

void array_arg(const void* data, std::size_t count, std::string_view name) {
  if (count > PARLEY_MAX_INPUT_BYTES) {
    throw Error(ErrorCode::limit_exceeded,
                fmt::format("argument '{}': count {} is above PARLEY_MAX_INPUT_BYTES", name, count));
  }
  if (data == nullptr && count != 0) argument_error(name, fmt::format("is NULL with count {}", count));
}

char* copy_string(std::string_view text) {
  char* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (out == nullptr) throw std::bad_alloc();
  std::memcpy(out, text.data(), text.size());
  out[text.size()] = '\0';
  return out;
}

void check_struct_size(std::size_t struct_size, std::size_t first_version_size, std::string_view name) {
  if (struct_size < first_version_size) {
    argument_error(name, fmt::format("has struct_size {}, smaller than its first version ({} bytes): set it "
                                     "to sizeof the struct",
                                     struct_size, first_version_size));
  }
  if (struct_size > 65536) argument_error(name, fmt::format("has struct_size {}: not a struct size", struct_size));
}

Viewer viewer_arg(const parley_viewer* viewer) {
  const parley_viewer in = read_struct(viewer, "viewer");
  Viewer out;
  out.user_id = std::string(text_arg(in.user_id, in.user_id_length, "viewer.user_id"));
  const auto kind = enum_arg(in.kind);
  switch (kind) {
    case PARLEY_VIEWER_SELLER: out.kind = ViewerKind::seller; break;
    case PARLEY_VIEWER_MANAGER: out.kind = ViewerKind::manager; break;
    case PARLEY_VIEWER_ADMINISTRATOR: out.kind = ViewerKind::administrator; break;
    default: argument_error("viewer.kind", fmt::format("is {}: not a parley_viewer_kind", kind));
  }
  out.hierarchy_depth = in.hierarchy_depth;
  return out;
}

double or_nan(const std::optional<double>& value) noexcept {
  return value ? *value : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace parley::capi

using namespace parley;

extern "C" {

const char* parley_version(void) { return parley::version(); }

int32_t parley_version_number(void) {
  return PARLEY_VERSION_MAJOR * 10000 + PARLEY_VERSION_MINOR * 100 + PARLEY_VERSION_PATCH;
}

const char* parley_status_name(parley_status status) {
  switch (status) {
    case PARLEY_OK: return "ok";
    case PARLEY_E_OUT_OF_MEMORY: return "out_of_memory";
    default: break;
  }
  const int value = static_cast<int>(status);
  if (value >= PARLEY_E_INVALID_ARGUMENT && value <= PARLEY_E_INTERNAL)
    return error_code_name(static_cast<ErrorCode>(value)).data();
  return "unknown";
}

const char* parley_last_error_message(void) { return capi::last_error().message.c_str(); }

parley_status parley_last_error_status(void) { return capi::last_error().status; }

void parley_string_free(char* string) { std::free(string); }

}  // extern "C"
