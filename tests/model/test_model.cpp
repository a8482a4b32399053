#include <doctest/doctest.h>

#include "parley/error.hpp"
#include "parley/model.hpp"

TEST_CASE("validate_call rejects a reversed segment, naming it") {
  parley::Call call;
  call.id = "c1";
  call.participant_index("spk_0");
  call.segments.push_back({0, 5000, 4000, "hello", {}, {}});
  try {
    parley::validate_call(call);
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::invalid_argument);
    CHECK(error.message() == "call 'c1': segment 0: end time 4000 ms is before start time 5000 ms");
  }
}
