#pragma once
// Internal interface of the terms area (for the areas above it and the C ABI; never installed): JSON
// values of tracked terms and of the tracked-term results, which analysis assembles (public headers
// never expose nlohmann), and the readers of term objects, which accept exactly what
// to_json_value(const TrackedTerm&) writes.
#include <vector>

#include <nlohmann/json.hpp>

#include "json/json_input.hpp"
#include "parley/terms.hpp"

namespace parley {

nlohmann::json to_json_value(const TermHit& hit);
nlohmann::json to_json_value(const TermCount& count);
nlohmann::json to_json_value(const CallTermCounts& counts);
nlohmann::json to_json_value(const TrackedTerm& term);
nlohmann::json to_json_value(const TermScope& scope);

// {"level": "organisation"|"team", "team_id"}: level defaults to organisation; team_id is required
// for a team and refused for the organisation. Throws Error(parse) naming the JSON path.
TermScope term_scope_from_json(const JsonField& field);
// {"name", "kind", "variants", "scope", "match_related_forms", "said_by", "only_in_questions"}: name is
// required, the rest default as in TrackedTerm; unknown members are refused. Throws Error(parse).
// Names and variants are checked when a matcher compiles them (TrackedTermMatcher).
TrackedTerm tracked_term_from_json(const JsonField& field);
// A JSON array of term objects.
std::vector<TrackedTerm> tracked_terms_from_json(const JsonField& field);

}  // namespace parley
