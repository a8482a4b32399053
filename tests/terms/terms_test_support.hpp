#pragma once
// Shared fixtures of the term tests: a tracked term and a call from (role, text) turns.
#include <string>
#include <utility>
#include <vector>

#include "parley/model.hpp"
#include "parley/terms.hpp"

namespace terms_test {

inline parley::TrackedTerm make_term(std::string name, std::vector<std::string> variants = {},
                                     parley::TermKind kind = parley::TermKind::keyword) {
  parley::TrackedTerm term;
  term.name = std::move(name);
  term.variants = std::move(variants);
  term.kind = kind;
  return term;
}

// Speakers: 0 our rep (seller), 1 the buyer (customer), 2 a notetaker (other); 5 s per turn.
inline parley::Call make_call(const std::vector<std::pair<parley::Role, std::string>>& turns,
                              std::string language = "en-US") {
  parley::Call call;
  call.id = "call-1";
  call.language = std::move(language);
  call.participants.push_back({"rep", "Rep", parley::Role::seller, {}});
  call.participants.push_back({"buyer", "Buyer", parley::Role::customer, {}});
  call.participants.push_back({"bot", "Notetaker", parley::Role::other, {}});
  parley::Milliseconds start = 0;
  for (const auto& [role, text] : turns) {
    parley::Segment segment;
    segment.speaker = role == parley::Role::seller ? 0 : role == parley::Role::customer ? 1 : 2;
    segment.start_ms = start;
    segment.end_ms = start + 5000;
    segment.text = text;
    call.segments.push_back(std::move(segment));
    start += 5000;
  }
  return call;
}

}  // namespace terms_test
