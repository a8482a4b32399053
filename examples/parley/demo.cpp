// parley demo: generates the sample organisation, analyses every call with the real CallAnalyzer,
// stores everything in a SQLite file, and prints a manager's home page and one seller's page.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "commands.hpp"
#include "parley/error.hpp"
#include "parley/ingest.hpp"
#include "parley/insights.hpp"
#include "parley/sample_org.hpp"

namespace parley_cli {
namespace {

std::vector<parley::TermList> sample_term_lists(const parley::SampleOrganisation& org) {
  std::map<std::pair<std::string, parley::SampleTermKind>, parley::TermList> lists;
  for (const parley::SampleTrackedTerm& term : org.tracked_terms) {
    parley::TermList& list = lists[{term.team_manager_id, term.kind}];
    if (list.id.empty()) {
      const bool competitor = term.kind == parley::SampleTermKind::competitor;
      const std::string scope = term.team_manager_id.empty() ? "organisation" : term.team_manager_id;
      list.id = fmt::format("{}-{}", scope, competitor ? "competitors" : "keywords");
      list.name = fmt::format("{} {}", scope, competitor ? "competitors" : "keywords");
      list.kind = competitor ? parley::StoredTermKind::competitor : parley::StoredTermKind::keyword;
      list.scope = term.team_manager_id.empty() ? parley::TermListScope::organisation : parley::TermListScope::team;
      list.team_manager_id = term.team_manager_id;
    }
    list.terms.push_back({term.name, term.variants});
  }
  std::vector<parley::TermList> result;
  for (auto& [key, list] : lists) result.push_back(std::move(list));
  return result;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

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
  const parley::User* administrator = nullptr;
  for (const parley::User& user : org.users) {
    if (user.role == parley::UserRole::administrator) administrator = &user;
  }
  if (administrator == nullptr || org.teams.empty()) throw parley::Error(parley::ErrorCode::internal, "sample organisation without an administrator or teams");
  const parley::Viewer admin = parley::Viewer::administrator(administrator->id);

  // A fresh file each run: the demo owns it.
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(database + suffix);
  auto store = parley::open_sqlite_store(database);
  store->put_users(admin, org.users);
  const std::vector<parley::TermList> term_lists = sample_term_lists(org);
  for (const parley::TermList& list : term_lists) store->put_term_list(admin, list);

  // One analyzer per team: organisation-wide terms plus the team's own.
  parley::AnalysisOptions options;
  for (const std::string& brand : org.brand_gazetteer) options.signals.gazetteer.push_back({brand, {}});
  const std::vector<parley::TrackedTerm> all_terms = parley::tracked_terms_from_lists(term_lists);
  std::vector<parley::CallAnalyzer> analyzers;
  std::map<std::string, std::size_t> analyzer_of_seller;
  for (const parley::SampleTeam& team : org.teams) {
    const std::vector<std::string> team_ids{team.manager_id};
    analyzers.emplace_back(options, parley::terms_for_seller(all_terms, team_ids));
    for (const std::string& seller : team.seller_ids) analyzer_of_seller.emplace(seller, analyzers.size() - 1);
  }

  std::vector<parley::CallWithAnalysis> calls;
  calls.reserve(org.calls.size());
  std::size_t segments = 0;
  for (const parley::Call& call : org.calls) {
    const parley::CallAnalyzer& analyzer = analyzers[analyzer_of_seller.at(call.owner_seller_id)];
    calls.push_back({call, parley::make_analysis_record(analyzer.analyze(call), analyzer.tracked_terms())});
    segments += call.segments.size();
  }
  const double analysed_after = seconds_since(started);
  store->ingest_calls(admin, calls, org.end_utc_ms - 1);
  store->put_opportunities(admin, org.opportunities);
  store->put_activities(admin, org.activities);
  for (const parley::Comment& comment : org.comments) {
    store->add_comment(parley::Viewer::manager(comment.author_id, parley::Viewer::unlimited_depth), comment);
  }
  fmt::print("parley demo: {} — {} users, {} calls ({} segments) analysed in {:.1f} s and stored in {} ({:.1f} s in all)\n\n",
             org.name, org.users.size(), calls.size(), segments, analysed_after, database, seconds_since(started));

  parley::InsightOptions insight;
  insight.period.kind = parley::PeriodKind::this_month;
  insight.now_utc_ms = org.end_utc_ms;
  const parley::SampleTeam& team = org.teams.front();
  const parley::Viewer manager = parley::Viewer::manager(team.manager_id, 1);
  fmt::print("{}\n", parley::render_home_page_text(parley::home_page(*store, manager, team.manager_id, insight)));
  fmt::print("{}\n", parley::render_seller_details_text(parley::seller_details(*store, manager, team.seller_ids.front(), insight)));
  return 0;
}

}  // namespace parley_cli
