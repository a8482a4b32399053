#include "parley/analysis.hpp"

#include <nlohmann/json.hpp>

#include "json/timing_json.hpp"

namespace parley {

struct CallAnalyzer::Resources {
  AnalysisOptions options;
};

CallAnalyzer::CallAnalyzer(AnalysisOptions options)
    : resources_(std::make_unique<const Resources>(Resources{std::move(options)})) {}
CallAnalyzer::~CallAnalyzer() = default;
CallAnalyzer::CallAnalyzer(CallAnalyzer&&) noexcept = default;
CallAnalyzer& CallAnalyzer::operator=(CallAnalyzer&&) noexcept = default;

CallAnalysis CallAnalyzer::analyze(const Call& call) const {
  const AnalysisOptions& options = resources_->options;
  validate_call(call, options.limits);
  CallAnalysis analysis;
  analysis.timing = compute_timing(call, options.timing);
  return analysis;
}

std::string to_json(const Call& call, const CallAnalysis& analysis) {
  nlohmann::json participants = nlohmann::json::array();
  for (const Participant& participant : call.participants) {
    participants.push_back({{"id", participant.id},
                            {"display_name", participant.display_name},
                            {"role", role_name(participant.role)},
                            {"crm_id", participant.crm_id}});
  }
  nlohmann::json document = {{"call_id", call.id},
                             {"start_time_ms", call.start_time_ms},
                             {"duration_ms", call.effective_duration_ms()},
                             {"language", call.language},
                             {"segments", call.segments.size()},
                             {"participants", std::move(participants)},
                             {"timing", to_json_value(analysis.timing)}};
  return document.dump();
}

}  // namespace parley
