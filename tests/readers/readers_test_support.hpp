#pragma once
// Shared helpers of the readers tests: fixture loading and exact error assertions.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "parley/error.hpp"
#include "parley/readers.hpp"

namespace readers_test {

inline std::string fixture_path(const std::string& name) {
  return std::string(PARLEY_TEST_DATA_DIR) + "/readers/" + name;
}

inline std::string load_fixture(const std::string& name) {
  std::ifstream in(fixture_path(name), std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing fixture " << name);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Parses a fixture with its bare file name as the source, so messages do not depend on the checkout.
inline parley::Call parse_fixture(const std::string& name, parley::TranscriptFormat format,
                                  const parley::ReadOptions& options = {}) {
  return parley::parse_transcript(load_fixture(name), format, name, options);
}

// Runs `action`, which must throw parley::Error with exactly this code and message.
template <typename Action>
void check_error(Action&& action, parley::ErrorCode code, const std::string& message) {
  try {
    action();
    FAIL("expected parley::Error: " << message);
  } catch (const parley::Error& error) {
    CHECK(parley::error_code_name(error.code()) == parley::error_code_name(code));
    CHECK(error.message() == message);
  }
}

}  // namespace readers_test
