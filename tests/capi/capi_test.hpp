#pragma once
// What the C ABI tests share: owners of the handles and strings parley hands out, and checks of a
// status with the thread's message.
#include <doctest/doctest.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include "parley.h"

namespace capi_test {

template <auto Free>
struct Deleter {
  template <typename T>
  void operator()(T* handle) const noexcept {
    Free(handle);
  }
};
using CallPtr = std::unique_ptr<parley_call, Deleter<parley_call_free>>;
using AnalyzerPtr = std::unique_ptr<parley_analyzer, Deleter<parley_analyzer_free>>;
using AnalysisPtr = std::unique_ptr<parley_analysis, Deleter<parley_analysis_free>>;
using ScorerPtr = std::unique_ptr<parley_scorer, Deleter<parley_scorer_free>>;

// A string parley returned, freed at the end of the scope.
class OwnedString {
 public:
  OwnedString() = default;
  OwnedString(const OwnedString&) = delete;
  OwnedString& operator=(const OwnedString&) = delete;
  ~OwnedString() { parley_string_free(text_); }
  char** out() {
    parley_string_free(text_);
    text_ = nullptr;
    return &text_;
  }
  const char* get() const { return text_; }
  std::string str() const { return text_ == nullptr ? std::string() : std::string(text_); }

 private:
  char* text_ = nullptr;
};

// The thread's message, to show when a status is not the expected one.
inline std::string last_message() { return parley_last_error_message(); }

#define CAPI_REQUIRE_OK(expression)                         \
  do {                                                      \
    const parley_status capi_status_ = (expression);        \
    INFO(#expression << ": " << capi_test::last_message()); \
    REQUIRE(capi_status_ == PARLEY_OK);                     \
  } while (false)

// `status` is `expected`, the thread's last error says so, and its message names every part.
inline void check_error(parley_status status, parley_status expected,
                        std::initializer_list<std::string_view> parts) {
  const std::string message = parley_last_error_message();
  INFO("message: " << message);
  CHECK(parley_status_name(status) == std::string_view(parley_status_name(expected)));
  CHECK(parley_last_error_status() == expected);
  CHECK_FALSE(message.empty());
  for (const std::string_view part : parts) {
    INFO("expected in the message: " << part);
    CHECK(message.find(part) != std::string::npos);
  }
}

inline std::string source_path(std::string_view relative) {
  return std::string(PARLEY_SOURCE_DIR) + "/" + std::string(relative);
}

}  // namespace capi_test
