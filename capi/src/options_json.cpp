// The readers of the options documents the C ABI takes (options_json.hpp).
#include "options_json.hpp"

#include <fmt/format.h>

#include "capi_support.hpp"
#include "model/enum_names.hpp"
#include "relationship/relationship_json.hpp"
#include "timing/timing_json.hpp"

namespace parley::capi {
namespace {

// Names of the readers' option values, which only these documents spell (docs/c-api.md and the
// fields' comments name them).
constexpr detail::EnumName<InvalidUtf8> invalid_utf8_names[] = {
    {InvalidUtf8::error, "error"},
    {InvalidUtf8::replace, "replace"},
};
constexpr detail::EnumName<MissingSpeaker> missing_speaker_names[] = {
    {MissingSpeaker::unknown_participant, "unknown_participant"},
    {MissingSpeaker::error, "error"},
};

Role role_from_json(const JsonField& field) {
  const std::string name = field.string();
  if (const std::optional<Role> role = parse_role(name)) return *role;
  field.fail(fmt::format("unknown role \"{}\" (expected seller, customer or other)", name));
}

GazetteerEntry gazetteer_entry_from_json(const JsonField& field) {
  JsonObject object = field.object();
  GazetteerEntry entry;
  object.require("name").read_into(entry.name);
  object.read("variants", entry.variants);
  object.finish();
  return entry;
}

}  // namespace

TimingOptions timing_options_from_json(const JsonField& field) {
  JsonObject object = field.object();
  TimingOptions options;
  object.read("turn_merge_gap_ms", options.turn_merge_gap_ms);
  object.read("backchannel_max_ms", options.backchannel_max_ms);
  object.read("monologue_max_silence_ms", options.monologue_max_silence_ms);
  object.read("backchannels_count_as_switches", options.backchannels_count_as_switches);
  object.read_name("talk_ratio_denominator", options.talk_ratio_denominator, talk_ratio_denominator_names);
  object.read("low_confidence_threshold", options.low_confidence_threshold);
  object.read("interactivity_full_scale_switches_per_minute",
              options.interactivity_full_scale_switches_per_minute);
  object.finish();
  return options;
}

SignalOptions signal_options_from_json(const JsonField& field) {
  JsonObject object = field.object();
  SignalOptions options;
  object.read("fallback_language", options.fallback_language);
  if (const std::optional<JsonField> gazetteer = object.find("gazetteer")) {
    for (const JsonField& entry : gazetteer->array())
      options.gazetteer.push_back(gazetteer_entry_from_json(entry));
  }
  object.read("brand_exclusions", options.brand_exclusions);
  object.read("our_names", options.our_names);
  object.read("dictionary_dir", options.dictionary_dir);
  object.read("min_name_words", options.min_name_words);
  object.read("max_name_words", options.max_name_words);
  object.read("detect_prices", options.detect_prices);
  object.read("detect_brands", options.detect_brands);
  object.read("detect_action_items", options.detect_action_items);
  object.read("detect_questions", options.detect_questions);
  object.read("detect_fillers", options.detect_fillers);
  object.finish();
  return options;
}

SentimentOptions sentiment_options_from_json(const JsonField& field) {
  JsonObject object = field.object();
  SentimentOptions options;
  object.read("positive_threshold", options.positive_threshold);
  object.read("negative_threshold", options.negative_threshold);
  object.read("negation_window", options.negation_window);
  object.read("booster_window", options.booster_window);
  object.read("caps_increment", options.caps_increment);
  object.read("exclamation_increment", options.exclamation_increment);
  object.read("max_exclamations", options.max_exclamations);
  object.read("question_increment", options.question_increment);
  object.read("contrast_before_weight", options.contrast_before_weight);
  object.read("normalization_alpha", options.normalization_alpha);
  object.read("replace_invalid_utf8", options.replace_invalid_utf8);
  object.finish();
  return options;
}

TermMatcherOptions term_matcher_options_from_json(const JsonField& field) {
  JsonObject object = field.object();
  TermMatcherOptions options;
  object.read("languages", options.languages);
  object.read("strip_accents", options.strip_accents);
  object.read("dictionary_boundaries_for_unspaced_scripts",
              options.dictionary_boundaries_for_unspaced_scripts);
  object.read("max_terms", options.max_terms);
  object.finish();
  return options;
}

ModelLimits model_limits_from_json(const JsonField& field) {
  JsonObject object = field.object();
  ModelLimits limits;
  object.read("max_segments", limits.max_segments);
  object.read("max_participants", limits.max_participants);
  object.read("max_segment_text_bytes", limits.max_segment_text_bytes);
  object.read("max_words_per_segment", limits.max_words_per_segment);
  object.read("max_call_duration_ms", limits.max_call_duration_ms);
  object.finish();
  return limits;
}

ReadOptions read_options_from_json(const JsonField& field) {
  JsonObject object = field.object();
  ReadOptions options;
  if (const std::optional<JsonField> limits = object.find("limits"))
    options.limits = model_limits_from_json(*limits);
  object.read("max_input_bytes", options.max_input_bytes);
  object.read_name("invalid_utf8", options.invalid_utf8, invalid_utf8_names);
  object.read("call_id", options.call_id);
  object.read("default_language", options.default_language);
  object.read_name("missing_speaker", options.missing_speaker, missing_speaker_names);
  object.read("unknown_speaker_id", options.unknown_speaker_id);
  object.read("speaker_name_prefixes", options.speaker_name_prefixes);
  object.read("split_segments_at_sentence_end", options.split_segments_at_sentence_end);
  object.read("split_segments_at_gap_ms", options.split_segments_at_gap_ms);
  object.read("max_warnings", options.max_warnings);
  object.finish();
  return options;
}

AnalysisOptions analysis_options_from_json(const JsonField& field) {
  JsonObject object = field.object();
  AnalysisOptions options;
  if (const std::optional<JsonField> timing = object.find("timing"))
    options.timing = timing_options_from_json(*timing);
  if (const std::optional<JsonField> signals = object.find("signals"))
    options.signals = signal_options_from_json(*signals);
  if (const std::optional<JsonField> sentiment = object.find("sentiment"))
    options.sentiment = sentiment_options_from_json(*sentiment);
  if (const std::optional<JsonField> terms = object.find("terms"))
    options.terms = term_matcher_options_from_json(*terms);
  if (const std::optional<JsonField> limits = object.find("limits"))
    options.limits = model_limits_from_json(*limits);
  object.read("default_language", options.default_language);
  object.read("data_dir", options.data_dir);
  object.finish();
  return options;
}

RoleRules role_rules_from_json(const JsonField& field) {
  JsonObject object = field.object();
  RoleRules rules;
  if (const std::optional<JsonField> by_name = object.find("by_name")) {
    JsonObject names = by_name->object();
    for (const auto& [name, role] : by_name->value().items())
      rules.by_name.emplace_back(name, role_from_json(names.require(name)));
  }
  object.read("our_users", rules.our_users);
  object.read("our_email_domains", rules.our_email_domains);
  if (const std::optional<JsonField> unmatched = object.find("unmatched"))
    rules.unmatched = role_from_json(*unmatched);
  object.finish();
  return rules;
}

std::optional<nlohmann::json> json_document_arg(const char* text, std::size_t length, std::string_view name) {
  const std::string_view document = text_arg(text, length, name);
  if (document.empty()) return std::nullopt;
  return parse_json_text(document, name);
}

RelationshipDocument relationship_document_from_json(const JsonField& field) {
  JsonObject object = field.object();
  RelationshipDocument document;
  RelationshipOptions& options = document.relationship;
  object.read("time_zone", options.time_zone);
  object.read("breakdown_days", options.breakdown_days);
  object.read("top_contacts", options.top_contacts);
  object.read("business_hours_only", options.business_hours_only);
  if (std::optional<JsonField> hours = object.find("business_hours")) {
    JsonObject members = hours->object();
    members.read("start_minute", options.business_hours.start_minute);
    members.read("end_minute", options.business_hours.end_minute);
    if (std::optional<JsonField> days = members.find("working_days")) {
      const std::vector<JsonField> flags = days->array();
      if (flags.size() != options.business_hours.working_days.size())
        days->fail(fmt::format("expected 7 booleans (Monday first), found {}", flags.size()));
      for (std::size_t day = 0; day < flags.size(); ++day)
        options.business_hours.working_days[day] = flags[day].boolean();
    }
    members.finish();
  }
  if (std::optional<JsonField> model = object.find("time_spent")) options.time_spent = time_spent_from_json(*model);
  object.read("duplicate_window_ms", options.duplicate_window_ms);
  if (std::optional<JsonField> health = object.find("health")) {
    JsonObject members = health->object();
    HealthOptions& target = document.health;
    members.read("email_weight", target.email_weight);
    members.read("meeting_weight", target.meeting_weight);
    members.read("phone_call_weight", target.phone_call_weight);
    members.read("window_days", target.window_days);
    members.read("expected_weighted_per_week", target.expected_weighted_per_week);
    members.read("recency_full_days", target.recency_full_days);
    members.read("recency_zero_days", target.recency_zero_days);
    members.read("response_target_hours", target.response_target_hours);
    members.read("recency_weight", target.recency_weight);
    members.read("frequency_weight", target.frequency_weight);
    members.read("reciprocity_weight", target.reciprocity_weight);
    members.read("responsiveness_weight", target.responsiveness_weight);
    members.read("good_from", target.good_from);
    members.read("fair_from", target.fair_from);
    members.read("trend_weeks", target.trend_weeks);
    members.read("steady_points", target.steady_points);
    members.finish();
  }
  object.finish();
  return document;
}

}  // namespace parley::capi
