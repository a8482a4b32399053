#pragma once
// Internal interface of the C ABI (capi/src only): the readers of the options documents the C ABI
// takes as JSON. Field names are the C++ struct fields' (snake_case), nested structs are nested
// objects, enums are their names. Every reader starts from the struct's defaults, reads the members
// present and refuses unknown ones: shape errors are Error(parse) naming the document and the JSON
// path ("options_json: timing.turn_merge_gap_ms: expected an integer, found string \"x\"").
// The readers check shape only; ranges are the struct's validate(), which options_arg calls.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "json/json_input.hpp"
#include "parley/analysis.hpp"
#include "parley/model.hpp"
#include "parley/readers.hpp"
#include "parley/relationship.hpp"
#include "parley/sentiment.hpp"
#include "parley/signals.hpp"
#include "parley/terms.hpp"
#include "parley/timing.hpp"

namespace parley::capi {

TimingOptions timing_options_from_json(const JsonField& field);
SignalOptions signal_options_from_json(const JsonField& field);
SentimentOptions sentiment_options_from_json(const JsonField& field);
TermMatcherOptions term_matcher_options_from_json(const JsonField& field);
ModelLimits model_limits_from_json(const JsonField& field);
ReadOptions read_options_from_json(const JsonField& field);
// {"timing", "signals", "sentiment", "terms", "limits", "default_language", "data_dir"}.
AnalysisOptions analysis_options_from_json(const JsonField& field);
// {"by_name": {"<id or display name>": "<role>"}, "our_users": [...], "our_email_domains": [...],
//  "unmatched": "<role>"}.
RoleRules role_rules_from_json(const JsonField& field);
// RelationshipOptions' members ("business_hours": {"start_minute", "end_minute", "working_days":
// [7 booleans, Monday first]}, "time_spent": {...}) plus "health": HealthOptions' members.
struct RelationshipDocument {
  RelationshipOptions relationship;
  HealthOptions health;
  void validate(std::string_view where) const {
    relationship.validate(where);
    health.validate(std::string(where) + ".health");
  }
};
RelationshipDocument relationship_document_from_json(const JsonField& field);

// A JSON document argument (pointer and length, as text_arg): its parsed value, or std::nullopt
// for (NULL, 0) and "" (the caller's defaults). Syntax errors are Error(parse) naming `name`.
std::optional<nlohmann::json> json_document_arg(const char* text, std::size_t length, std::string_view name);

// An options document argument read by `read` and checked by the struct's validate(name) when it
// has one ("options_json.timing.turn_merge_gap_ms = -1: must be >= 0", Error(invalid_argument)).
// (NULL, 0) and "" give the defaults, validated the same way.
template <typename Options>
Options options_arg(const char* text, std::size_t length, std::string_view name,
                    Options (*read)(const JsonField&)) {
  Options options{};
  if (const std::optional<nlohmann::json> document = json_document_arg(text, length, name))
    options = read(JsonField(*document, std::string(name)));
  if constexpr (requires { options.validate(name); }) options.validate(name);
  return options;
}

}  // namespace parley::capi
