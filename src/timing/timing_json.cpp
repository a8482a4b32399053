#include "timing/timing_json.hpp"

namespace parley {
namespace {

nlohmann::json optional_value(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json to_json_value(const ParticipantTiming& p) {
  return {
      {"participant", p.participant},
      {"participant_id", p.participant_id},
      {"role", role_name(p.role)},
      {"talk_ms", p.talk_ms},
      {"talk_share", optional_value(p.talk_share)},
      {"turns", p.turns},
      {"words", p.words},
      {"words_per_minute", optional_value(p.words_per_minute)},
      {"questions", p.questions},
      {"filler_words", p.filler_words},
      {"filler_words_per_minute", optional_value(p.filler_words_per_minute)},
      {"longest_monologue_ms", p.longest_monologue_ms},
      {"overlap_ms", p.overlap_ms},
      {"interruptions_made", p.interruptions_made},
      {"interruptions_suffered", p.interruptions_suffered},
  };
}

nlohmann::json to_json_value(const RoleTiming& r) {
  return {
      {"participants", r.participants},
      {"talk_ms", r.talk_ms},
      {"turns", r.turns},
      {"words", r.words},
      {"words_per_minute", optional_value(r.words_per_minute)},
      {"questions", r.questions},
      {"question_rate_per_hour", optional_value(r.question_rate_per_hour)},
      {"filler_words", r.filler_words},
      {"filler_words_per_minute", optional_value(r.filler_words_per_minute)},
      {"longest_monologue_ms", r.longest_monologue_ms},
      {"overlap_ms", r.overlap_ms},
      {"interruptions_made", r.interruptions_made},
      {"interruptions_suffered", r.interruptions_suffered},
  };
}

nlohmann::json to_json_value(const CallTiming& t) {
  nlohmann::json participants = nlohmann::json::array();
  for (const ParticipantTiming& p : t.participants) participants.push_back(to_json_value(p));
  nlohmann::json interruptions = nlohmann::json::array();
  for (const Interruption& i : t.interruptions) {
    nlohmann::json entry = {
        {"interrupter", i.interrupter}, {"interrupted", i.interrupted}, {"at_ms", i.at_ms}};
    if (i.interrupter < t.participants.size())
      entry["interrupter_id"] = t.participants[i.interrupter].participant_id;
    if (i.interrupted < t.participants.size())
      entry["interrupted_id"] = t.participants[i.interrupted].participant_id;
    interruptions.push_back(std::move(entry));
  }
  return {
      {"duration_ms", t.duration_ms},
      {"talk_ms", t.talk_ms},
      {"silence_ms", t.silence_ms},
      {"overlap_ms", t.overlap_ms},
      {"talk_ratio_denominator", detail::name_of(talk_ratio_denominator_names, t.talk_ratio_denominator)},
      {"talk_ratio", optional_value(t.talk_ratio)},
      {"listen_ratio", optional_value(t.listen_ratio)},
      {"turns", t.turns},
      {"switches", t.switches},
      {"switch_rate_per_hour", optional_value(t.switch_rate_per_hour)},
      {"interactivity", optional_value(t.interactivity)},
      {"pauses", t.pauses},
      {"average_pause_ms", optional_value(t.average_pause_ms)},
      {"patience_pauses", t.patience_pauses},
      {"patience_ms", optional_value(t.patience_ms)},
      {"longest_monologue_ms", t.longest_monologue_ms},
      {"words", t.words},
      {"questions", t.questions},
      {"participation_gini", optional_value(t.participation_gini)},
      {"has_confidence", t.has_confidence},
      {"low_confidence_ms", t.low_confidence_ms},
      {"low_confidence_share", optional_value(t.low_confidence_share)},
      {"seller", to_json_value(t.seller)},
      {"customer", to_json_value(t.customer)},
      {"other", to_json_value(t.other)},
      {"participants", std::move(participants)},
      {"interruptions", std::move(interruptions)},
  };
}

nlohmann::json to_json_value(const MetricSummary& s) {
  if (s.count == 0) return {{"count", 0}, {"mean", nullptr}, {"median", nullptr}, {"p90", nullptr}};
  return {{"count", s.count}, {"mean", s.mean}, {"median", s.median}, {"p90", s.p90}};
}

nlohmann::json to_json_value(const TimingAggregate& a) {
  nlohmann::json metrics = nlohmann::json::object();
  for (const NamedMetricSummary& m : a.metrics) metrics[m.name] = to_json_value(m.summary);
  return {{"calls", a.calls}, {"metrics", std::move(metrics)}};
}

std::string to_json(const CallTiming& timing) { return to_json_value(timing).dump(); }
std::string to_json(const TimingAggregate& aggregate) { return to_json_value(aggregate).dump(); }

}  // namespace parley
