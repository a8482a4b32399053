#pragma once
// Builders shared by the timing tests: a fixture reader for tests/data/timing/*.json, a compact call
// builder, and a random call generator for the property tests.
#include <algorithm>
#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/model.hpp"
#include "parley/timing.hpp"

namespace timing_test {

// Reads a small transcript fixture: {id, duration_ms, participants:[{id, role}], segments:[{speaker,
// start_ms, end_ms, text, confidence?}]} with speakers named by participant id.
inline parley::Call load_fixture(const std::string& name) {
  std::ifstream in(std::string(PARLEY_TEST_DATA_DIR) + "/timing/" + name);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const nlohmann::json doc = nlohmann::json::parse(buffer.str());
  parley::Call call;
  call.id = doc.at("id").get<std::string>();
  call.duration_ms = doc.value("duration_ms", std::int64_t{0});
  call.language = doc.value("language", std::string("en-US"));
  for (const auto& p : doc.at("participants")) {
    parley::Participant participant;
    participant.id = p.at("id").get<std::string>();
    participant.display_name = p.value("display_name", participant.id);
    participant.role = parley::parse_role(p.at("role").get<std::string>()).value();
    call.participants.push_back(participant);
  }
  for (const auto& s : doc.at("segments")) {
    parley::Segment segment;
    segment.speaker = call.find_participant(s.at("speaker").get<std::string>()).value();
    segment.start_ms = s.at("start_ms").get<std::int64_t>();
    segment.end_ms = s.at("end_ms").get<std::int64_t>();
    segment.text = s.at("text").get<std::string>();
    if (s.contains("confidence")) segment.confidence = s.at("confidence").get<double>();
    call.segments.push_back(std::move(segment));
  }
  return call;
}

// A call with the given roles (participant ids "p0", "p1", ...).
inline parley::Call make_call(std::vector<parley::Role> roles, parley::Milliseconds duration_ms = 0) {
  parley::Call call;
  call.id = "test";
  call.duration_ms = duration_ms;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    // Appending, not "p" + std::to_string(i): g++ 12 -O3 gives a false -Wrestrict on the latter.
    call.participants.push_back({std::string("p").append(std::to_string(i)),
                                 std::string("P").append(std::to_string(i)),
                                 roles[i],
                                 {}});
  }
  return call;
}

inline void add(parley::Call& call, std::uint32_t speaker, parley::Milliseconds start,
                parley::Milliseconds end, std::string text = "so") {
  parley::Segment segment;
  segment.speaker = speaker;
  segment.start_ms = start;
  segment.end_ms = end;
  segment.text = std::move(text);
  call.segments.push_back(std::move(segment));
}

// A messy two- or three-party call: gaps, cross-talk, backchannels, zero-length and duplicated
// segments, some segment confidences; segments shuffled. Times are whole multiples of 10 ms.
inline parley::Call random_call(std::uint32_t seed, std::size_t segment_count, bool with_other = false) {
  static const char* const kWords[] = {"the",   "pricing",  "renewal", "seats", "we",   "could", "maybe",
                                       "right", "uh-huh",   "budget",  "team",  "next", "week",  "demo",
                                       "okay",  "contract", "sure",    "why",   "when", "cost"};
  std::mt19937 rng(seed);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  std::vector<parley::Role> roles = {parley::Role::seller, parley::Role::customer};
  if (with_other) roles.push_back(parley::Role::other);
  parley::Call call = make_call(roles, 0);
  parley::Milliseconds cursor = 0;
  for (std::size_t i = 0; i < segment_count; ++i) {
    if (i > 0 && uniform(0, 19) == 0) {  // a duplicate of an earlier segment, as diarizers emit
      call.segments.push_back(call.segments[static_cast<std::size_t>(uniform(0, static_cast<int>(i) - 1))]);
      continue;
    }
    const auto speaker = static_cast<std::uint32_t>(uniform(0, static_cast<int>(roles.size()) - 1));
    const int kind = uniform(0, 9);
    parley::Milliseconds length = 10 * uniform(150, 1500);  // 1.5 s .. 15 s
    if (kind == 0) length = 0;                              // zero-length
    if (kind == 1) length = 10 * uniform(20, 150);          // backchannel-sized
    const parley::Milliseconds start = std::max<parley::Milliseconds>(0, cursor + 10 * uniform(-300, 400));
    std::string text;
    const int words = uniform(1, 12);
    for (int w = 0; w < words; ++w) {
      if (w > 0) text += ' ';
      text += kWords[uniform(0, 19)];
      if (uniform(0, 9) == 0) text += "?";
    }
    parley::Segment segment;
    segment.speaker = speaker;
    segment.start_ms = start;
    segment.end_ms = start + length;
    segment.text = std::move(text);
    if (uniform(0, 3) == 0) segment.confidence = uniform(0, 100) / 100.0;
    call.segments.push_back(std::move(segment));
    cursor = std::max(cursor, start + length);
  }
  std::shuffle(call.segments.begin(), call.segments.end(), rng);
  return call;
}

}  // namespace timing_test
