#pragma once
// Compares a JSON document with a hand-written expected one: the same keys, array lengths, strings,
// booleans and nulls, and numbers within an absolute tolerance. Every difference is reported with
// its path ("timing.seller.talk_ms"), so one run shows all of them.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

namespace parley_test {

inline void check_json(const nlohmann::json& actual, const nlohmann::json& expected,
                       const std::string& path = "$", double tolerance = 1e-9) {
  if (expected.is_number()) {
    if (!actual.is_number()) {
      FAIL_CHECK(path << ": expected the number " << expected.dump() << ", got " << actual.dump());
      return;
    }
    const double want = expected.get<double>(), got = actual.get<double>();
    if (!(std::abs(want - got) <= tolerance)) {
      FAIL_CHECK(path << ": expected " << expected.dump() << ", got " << actual.dump());
    }
    return;
  }
  if (expected.type() != actual.type()) {
    FAIL_CHECK(path << ": expected " << expected.dump() << ", got " << actual.dump());
    return;
  }
  if (expected.is_object()) {
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key)) {
        FAIL_CHECK(path << ": missing field '" << key << "'");
        continue;
      }
      check_json(actual.at(key), value, path + "." + key, tolerance);
    }
    for (const auto& [key, value] : actual.items()) {
      if (!expected.contains(key))
        FAIL_CHECK(path << ": unexpected field '" << key << "' = " << value.dump());
    }
  } else if (expected.is_array()) {
    if (expected.size() != actual.size()) {
      FAIL_CHECK(path << ": expected " << expected.size() << " elements, got " << actual.size() << ": "
                      << actual.dump());
      return;
    }
    for (std::size_t i = 0; i < expected.size(); ++i) {
      check_json(actual[i], expected[i], path + "[" + std::to_string(i) + "]", tolerance);
    }
  } else if (expected != actual) {
    FAIL_CHECK(path << ": expected " << expected.dump() << ", got " << actual.dump());
  }
}

}  // namespace parley_test
