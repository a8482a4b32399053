#pragma once
// parley::Error: the one exception type the core throws. A code from ErrorCode (the C ABI maps it to
// a PARLEY_E_* status) and a message naming what was wrong and where (file, line, field).
#include <exception>
#include <string>
#include <string_view>

namespace parley {

enum class ErrorCode : int {
  invalid_argument = 1,  // a caller-supplied value breaks a documented precondition
  parse = 2,             // malformed input file or document
  invalid_utf8 = 3,      // text is not valid UTF-8
  limit_exceeded = 4,    // input larger than a documented limit
  not_found = 5,         // a named object does not exist
  not_permitted = 6,     // the viewer may not see or change this
  io = 7,                // a file could not be read or written
  storage = 8,           // the database reported an error
  internal = 9,          // a bug in parley
};

// Stable lower-case name of a code ("parse", "not_permitted").
std::string_view error_code_name(ErrorCode code) noexcept;

class Error : public std::exception {
 public:
  Error(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}
  ErrorCode code() const noexcept { return code_; }
  const std::string& message() const noexcept { return message_; }
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  ErrorCode code_;
  std::string message_;
};

}  // namespace parley
