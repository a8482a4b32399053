// The sample organisation's calls through the real CallAnalyzer.
#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "parley/error.hpp"
#include "parley/ingest.hpp"
#include "sample_org.hpp"

namespace parley {

SampleAnalyzer::SampleAnalyzer(const SampleOrganisation& org) {
  // Names from the organisation's gazetteer are brands; its own name is not.
  AnalysisOptions options;
  for (const std::string& brand : org.brand_gazetteer) options.signals.gazetteer.push_back({brand, {}});
  options.signals.our_names = {org.name, "Brightwave"};
  const std::vector<TrackedTerm> all_terms = tracked_terms_from_lists(sample_term_lists(org));
  analyzers_.reserve(org.teams.size());
  for (const SampleTeam& team : org.teams) {
    // A team list's scope is its manager's id (teams are manager subtrees).
    const std::vector<std::string> team_ids{team.manager_id};
    analyzers_.emplace_back(options, terms_for_seller(all_terms, team_ids));
    for (const std::string& seller : team.seller_ids) team_of_seller_.emplace(seller, analyzers_.size() - 1);
  }
}

const CallAnalyzer& SampleAnalyzer::analyzer_for(const Call& call) const {
  const auto team = team_of_seller_.find(call.owner_seller_id);
  if (team == team_of_seller_.end()) {
    throw Error(ErrorCode::invalid_argument, "SampleAnalyzer: call '" + call.id + "': owner '" +
                                                 call.owner_seller_id +
                                                 "' sells in none of the organisation's teams");
  }
  return analyzers_[team->second];
}

CallAnalysis SampleAnalyzer::analyze(const Call& call) const { return analyzer_for(call).analyze(call); }

CallAnalysisRecord SampleAnalyzer::analysis_record(const Call& call) const {
  const CallAnalyzer& analyzer = analyzer_for(call);
  return make_analysis_record(analyzer.analyze(call), analyzer.tracked_terms());
}

std::vector<CallAnalysisRecord> SampleAnalyzer::analysis_records(std::span<const Call> calls,
                                                                 unsigned threads) const {
  if (threads == 0) threads = std::thread::hardware_concurrency();
  threads =
      static_cast<unsigned>(std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(calls.size(), 1)));
  std::vector<CallAnalysisRecord> records(calls.size());
  // Each thread takes the next call not yet taken; every record lands in its call's slot.
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> failures(threads);
  const auto work = [&](unsigned worker) {
    try {
      for (std::size_t i = next++; i < calls.size(); i = next++) records[i] = analysis_record(calls[i]);
    } catch (...) {
      failures[worker] = std::current_exception();
      next = calls.size();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned worker = 1; worker < threads; ++worker) pool.emplace_back(work, worker);
  work(0);
  for (std::thread& thread : pool) thread.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  return records;
}

}  // namespace parley
