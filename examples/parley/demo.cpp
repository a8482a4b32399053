// parley demo: generates the sample organisation, analyses every call with the real CallAnalyzer,
// stores everything in a SQLite file, and prints a manager's home page and one seller's page.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "commands.hpp"
#include "parley/ingest.hpp"
#include "parley/insights.hpp"
#include "sample_org.hpp"

namespace parley_cli {

int run_demo(std::span<const std::string_view> arguments) {
  std::string database = "parley-demo.sqlite";
  std::uint64_t seed = 2026;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    if (arguments[i] == "--db" && i + 1 < arguments.size()) {
      database = std::string(arguments[++i]);
    } else if (arguments[i] == "--seed" && i + 1 < arguments.size()) {
      seed = std::stoull(std::string(arguments[++i]));
    } else {
      throw UsageError(fmt::format("demo: unexpected argument '{}'", arguments[i]));
    }
  }
  const auto started = std::chrono::steady_clock::now();
  const parley::SampleOrganisation org = parley::generate_sample_organisation(seed);

  // One analyzer per team: the organisation-wide terms plus the team's own. Names from the
  // organisation's gazetteer are recognised as brands; its own name is not a brand.
  parley::AnalysisOptions options;
  for (const std::string& brand : org.brand_gazetteer) options.signals.gazetteer.push_back({brand, {}});
  options.signals.brand_exclusions.push_back(org.name);
  const std::vector<parley::TrackedTerm> all_terms =
      parley::tracked_terms_from_lists(parley::sample_term_lists(org));
  std::vector<parley::CallAnalyzer> analyzers;
  std::map<std::string, std::size_t> analyzer_of_seller;
  for (const parley::SampleTeam& team : org.teams) {
    const std::vector<std::string> team_ids{team.manager_id};
    analyzers.emplace_back(options, parley::terms_for_seller(all_terms, team_ids));
    for (const std::string& seller : team.seller_ids)
      analyzer_of_seller.emplace(seller, analyzers.size() - 1);
  }
  std::size_t segments = 0;
  parley::SampleStoreOptions store_options;
  store_options.analyse = [&](const parley::Call& call, const parley::SampleCallTruth&) {
    const parley::CallAnalyzer& analyzer = analyzers[analyzer_of_seller.at(call.owner_seller_id)];
    segments += call.segments.size();
    return parley::make_analysis_record(analyzer.analyze(call), analyzer.tracked_terms());
  };

  // A fresh file each run: the demo owns it.
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(database + suffix);
  auto store = parley::open_sqlite_store(database);
  parley::store_sample_organisation(*store, org, store_options);
  fmt::print("parley demo: {}: {} users, {} calls ({} segments) analysed and stored in {} in {:.1f} s\n\n",
             org.name, org.users.size(), org.calls.size(), segments, database,
             std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());

  parley::InsightOptions insight;
  insight.period.kind = parley::PeriodKind::this_month;
  insight.now_utc_ms = org.end_utc_ms;
  const parley::SampleTeam& team = org.teams.front();
  const parley::Viewer manager = parley::Viewer::manager(team.manager_id, 1);
  fmt::print("{}\n",
             parley::render_home_page_text(parley::home_page(*store, manager, team.manager_id, insight)));
  fmt::print("{}\n", parley::render_seller_details_text(
                         parley::seller_details(*store, manager, team.seller_ids.front(), insight)));
  return 0;
}

}  // namespace parley_cli
