// The C ABI's shared conventions (parley.h, "Versions", "Status codes and errors", "Conventions"):
// versions, status names, the per-thread last error, and how the calls, terms, analysis and scorer
// entry points treat NULL handles and out-parameters, garbage lengths and free(NULL).
#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <thread>

#include "capi_test.hpp"
#include "parley/version.hpp"

using capi_test::check_error;
using capi_test::OwnedString;

TEST_CASE("the version at run time is the header's") {
  CHECK(std::string(parley_version()) == "1.0.0");
  CHECK(std::string(parley_version()) == parley::version());
  CHECK(parley_version_number() == PARLEY_VERSION_NUMBER);
  CHECK(PARLEY_VERSION_NUMBER == 10000);
  CHECK(PARLEY_VERSION_MAJOR * 10000 + PARLEY_VERSION_MINOR * 100 + PARLEY_VERSION_PATCH ==
        PARLEY_VERSION_NUMBER);
  CHECK(PARLEY_ABI_VERSION == 1);
}

TEST_CASE("every status has its stable lower-case name") {
  CHECK(std::string(parley_status_name(PARLEY_OK)) == "ok");
  CHECK(std::string(parley_status_name(PARLEY_E_INVALID_ARGUMENT)) == "invalid_argument");
  CHECK(std::string(parley_status_name(PARLEY_E_PARSE)) == "parse");
  CHECK(std::string(parley_status_name(PARLEY_E_INVALID_UTF8)) == "invalid_utf8");
  CHECK(std::string(parley_status_name(PARLEY_E_LIMIT_EXCEEDED)) == "limit_exceeded");
  CHECK(std::string(parley_status_name(PARLEY_E_NOT_FOUND)) == "not_found");
  CHECK(std::string(parley_status_name(PARLEY_E_NOT_PERMITTED)) == "not_permitted");
  CHECK(std::string(parley_status_name(PARLEY_E_IO)) == "io");
  CHECK(std::string(parley_status_name(PARLEY_E_STORAGE)) == "storage");
  CHECK(std::string(parley_status_name(PARLEY_E_INTERNAL)) == "internal");
  CHECK(std::string(parley_status_name(PARLEY_E_OUT_OF_MEMORY)) == "out_of_memory");
  CHECK(std::string(parley_status_name(static_cast<parley_status>(11))) == "unknown");
  CHECK(std::string(parley_status_name(static_cast<parley_status>(-1))) == "unknown");
}

TEST_CASE("the last error is the calling thread's: empty before any failure, kept until the next") {
  std::string fresh_message = "not set";
  parley_status fresh_status = PARLEY_E_INTERNAL;
  std::thread([&] {
    fresh_message = parley_last_error_message();
    fresh_status = parley_last_error_status();
  }).join();
  CHECK(fresh_message.empty());
  CHECK(fresh_status == PARLEY_OK);

  parley_call* call = nullptr;
  check_error(parley_call_create(nullptr, 3, &call), PARLEY_E_INVALID_ARGUMENT,
              {"'call_id' is NULL with length 3"});
  // Another thread's failure leaves this thread's message alone.
  std::string other_message;
  std::thread([&] {
    parley_scorer* scorer = nullptr;
    parley_scorer_create("", 0, nullptr, 0, nullptr, 0, &scorer);
    other_message = parley_last_error_message();
  }).join();
  CHECK(other_message.find("'language' is empty") != std::string::npos);
  CHECK(std::string(parley_last_error_message()).find("'call_id'") != std::string::npos);
  CHECK(parley_last_error_status() == PARLEY_E_INVALID_ARGUMENT);
  // A success does not clear it: the message is the last *failed* call's.
  CHECK(parley_call_create("x", 1, &call) == PARLEY_OK);
  parley_call_free(call);
  CHECK(std::string(parley_last_error_message()).find("'call_id'") != std::string::npos);
}

TEST_CASE("NULL handles of calls, analyses and scorers are named; free functions accept NULL") {
  parley_call_free(nullptr);
  parley_analyzer_free(nullptr);
  parley_analysis_free(nullptr);
  parley_scorer_free(nullptr);
  parley_string_free(nullptr);

  const parley_participant participant{sizeof(parley_participant), "a", 1, "", 0, PARLEY_ROLE_OTHER, "", 0};
  const parley_segment segment{sizeof(parley_segment), 0, 0, 1, "x", 1, 0.5};
  const parley_word word{sizeof(parley_word), 0, 1, "x", 1, 0.5};
  check_error(parley_call_set_field(nullptr, PARLEY_CALL_ID, "x", 1), PARLEY_E_INVALID_ARGUMENT,
              {"'call' is NULL"});
  check_error(parley_call_set_times(nullptr, 0, 0), PARLEY_E_INVALID_ARGUMENT, {"'call' is NULL"});
  check_error(parley_call_add_participant(nullptr, &participant, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'call' is NULL"});
  check_error(parley_call_set_role(nullptr, "a", 1, PARLEY_ROLE_SELLER), PARLEY_E_INVALID_ARGUMENT,
              {"'call' is NULL"});
  check_error(parley_call_add_segments(nullptr, &segment, 1), PARLEY_E_INVALID_ARGUMENT, {"'call' is NULL"});
  check_error(parley_call_set_words(nullptr, 0, &word, 1), PARLEY_E_INVALID_ARGUMENT, {"'call' is NULL"});
  parley_call_info info{};
  info.struct_size = sizeof info;
  check_error(parley_call_get_info(nullptr, &info), PARLEY_E_INVALID_ARGUMENT, {"'call' is NULL"});
  OwnedString json;
  check_error(parley_call_to_json(nullptr, json.out()), PARLEY_E_INVALID_ARGUMENT, {"'call' is NULL"});
  check_error(parley_call_warnings_json(nullptr, json.out()), PARLEY_E_INVALID_ARGUMENT, {"'call' is NULL"});
  check_error(parley_scorer_score(nullptr, "x", 1, nullptr), PARLEY_E_INVALID_ARGUMENT, {"'scorer' is NULL"});
}

TEST_CASE("NULL out-parameters are named, and out-parameters are cleared when a call fails") {
  parley_call* call = nullptr;
  REQUIRE(parley_call_create("x", 1, &call) == PARLEY_OK);
  capi_test::CallPtr owned(call);
  check_error(parley_call_create("x", 1, nullptr), PARLEY_E_INVALID_ARGUMENT, {"'out_call' is NULL"});
  check_error(parley_call_parse("", 0, "webvtt", 6, "x", 1, nullptr, 0, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'out_call' is NULL"});
  check_error(parley_call_get_info(call, nullptr), PARLEY_E_INVALID_ARGUMENT, {"'out_info' is NULL"});
  parley_call_info info{};
  check_error(parley_call_get_info(call, &info), PARLEY_E_INVALID_ARGUMENT, {"'out_info'", "struct_size 0"});
  check_error(parley_call_to_json(call, nullptr), PARLEY_E_INVALID_ARGUMENT, {"'out_json' is NULL"});
  check_error(parley_call_warnings_json(call, nullptr), PARLEY_E_INVALID_ARGUMENT, {"'out_json' is NULL"});
  check_error(parley_terms_read_file("x.tsv", 5, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'out_terms_json' is NULL"});

  // A string out-parameter holding garbage before a failed call holds NULL after it.
  char* text = reinterpret_cast<char*>(0x1);
  check_error(parley_call_to_json(nullptr, &text), PARLEY_E_INVALID_ARGUMENT, {"'call' is NULL"});
  CHECK(text == nullptr);
  text = reinterpret_cast<char*>(0x1);
  check_error(parley_terms_parse("kind\n", 5, "t.tsv", 5, &text), PARLEY_E_PARSE, {"t.tsv:1:"});
  CHECK(text == nullptr);
  text = reinterpret_cast<char*>(0x1);
  check_error(parley_call_assign_roles(call, "{", 1, &text), PARLEY_E_PARSE, {"role_rules_json:1:"});
  CHECK(text == nullptr);
  uint32_t index = 7;
  check_error(parley_call_add_participant(call, nullptr, &index), PARLEY_E_INVALID_ARGUMENT,
              {"'participant' is NULL"});
  CHECK(index == 0);
}

TEST_CASE("lengths above PARLEY_MAX_INPUT_BYTES are refused as garbage, NUL_TERMINATED reads to the NUL") {
  parley_call* call = nullptr;
  check_error(parley_call_create("x", PARLEY_MAX_INPUT_BYTES + 1, &call), PARLEY_E_LIMIT_EXCEEDED,
              {"'call_id'", "PARLEY_MAX_INPUT_BYTES"});
  check_error(parley_call_create("x", PARLEY_NUL_TERMINATED - 1, &call), PARLEY_E_LIMIT_EXCEEDED,
              {"'call_id'"});
  check_error(parley_call_create(nullptr, PARLEY_NUL_TERMINATED, &call), PARLEY_E_INVALID_ARGUMENT,
              {"'call_id' is NULL"});
  CHECK(call == nullptr);
  REQUIRE(parley_call_create("abc\0def", PARLEY_NUL_TERMINATED, &call) == PARLEY_OK);
  capi_test::CallPtr owned(call);
  parley_call_info info{};
  info.struct_size = sizeof info;
  REQUIRE(parley_call_get_info(call, &info) == PARLEY_OK);
  CHECK(std::string(info.id) == "abc");
  // (NULL, 0) is the empty text.
  REQUIRE(parley_call_set_field(call, PARLEY_CALL_LANGUAGE, nullptr, 0) == PARLEY_OK);
  REQUIRE(parley_call_get_info(call, &info) == PARLEY_OK);
  CHECK(std::string(info.language).empty());

  check_error(parley_call_set_field(call, PARLEY_CALL_ACCOUNT_ID, "x", PARLEY_MAX_INPUT_BYTES + 1),
              PARLEY_E_LIMIT_EXCEEDED, {"'value'"});
  check_error(parley_call_set_role(call, "x", PARLEY_MAX_INPUT_BYTES + 1, PARLEY_ROLE_SELLER),
              PARLEY_E_LIMIT_EXCEEDED, {"'participant_id'"});
  check_error(parley_call_assign_roles(call, "{}", PARLEY_MAX_INPUT_BYTES + 1, nullptr),
              PARLEY_E_LIMIT_EXCEEDED, {"'role_rules_json'"});
  char* text = nullptr;
  check_error(parley_terms_parse("x", PARLEY_MAX_INPUT_BYTES + 1, "t", 1, &text), PARLEY_E_LIMIT_EXCEEDED,
              {"'text'"});
  check_error(parley_terms_parse("", 0, "t", PARLEY_MAX_INPUT_BYTES + 1, &text), PARLEY_E_LIMIT_EXCEEDED,
              {"'source_name'"});
  check_error(parley_terms_read_file("x", PARLEY_MAX_INPUT_BYTES + 1, &text), PARLEY_E_LIMIT_EXCEEDED,
              {"'path'"});
  check_error(parley_call_read_file("x.vtt", 5, "vtt", PARLEY_MAX_INPUT_BYTES + 1, nullptr, 0, &call),
              PARLEY_E_LIMIT_EXCEEDED, {"'format'"});
  check_error(parley_call_read_file("x.vtt", 5, "", 0, "{}", PARLEY_MAX_INPUT_BYTES + 1, &call),
              PARLEY_E_LIMIT_EXCEEDED, {"'read_options_json'"});
  check_error(parley_analyzer_create("{}", PARLEY_MAX_INPUT_BYTES + 1, nullptr, 0, nullptr),
              PARLEY_E_INVALID_ARGUMENT, {"'out_analyzer' is NULL"});  // out-parameters are checked first
  parley_analyzer* analyzer = nullptr;
  check_error(parley_analyzer_create("{}", PARLEY_MAX_INPUT_BYTES + 1, nullptr, 0, &analyzer),
              PARLEY_E_LIMIT_EXCEEDED, {"'options_json'"});
  CHECK(text == nullptr);
  CHECK(analyzer == nullptr);
}
