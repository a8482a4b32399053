// parley demo: generates the sample organisation, analyses every call with the real CallAnalyzer
// (SampleAnalyzer), stores everything in a SQLite file, and prints a manager's home page and one seller's
// page, and the relationship page of the account with the most activities.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "commands.hpp"
#include "parley/insights.hpp"
#include "parley/relationship.hpp"
#include "sample_org.hpp"

namespace parley_cli {

int run_demo(std::span<const std::string_view> arguments) {
  std::string database = "parley-demo.sqlite";
  std::uint64_t seed = 2026;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    if (is_help_option(arguments[i])) {
      fmt::print("{}", usage_text("demo"));
      return 0;
    }
    if (arguments[i] == "--db" && i + 1 < arguments.size()) {
      database = std::string(arguments[++i]);
    } else if (arguments[i] == "--seed" && i + 1 < arguments.size()) {
      const std::string value(arguments[++i]);
      std::size_t used = 0;
      try {
        seed = std::stoull(value, &used);
      } catch (const std::logic_error&) {
        used = 0;
      }
      if (used == 0 || used != value.size() || value.front() == '-') {
        throw UsageError(fmt::format("demo: --seed wants a non-negative integer, got '{}'", value));
      }
    } else {
      throw UsageError(fmt::format("demo: unexpected argument '{}'", arguments[i]));
    }
  }
  const auto started = std::chrono::steady_clock::now();
  const parley::SampleOrganisation org = parley::generate_sample_organisation(seed);

  std::size_t segments = 0;
  for (const parley::Call& call : org.calls) segments += call.segments.size();

  // A fresh file each run: the demo owns it.
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(database + suffix);
  auto store = parley::open_sqlite_store(database);
  parley::store_sample_organisation(*store, org);
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

  // The account with the most activities (the first id of equals): its relationship page, as a
  // manager above its seller sees it.
  std::map<std::string, std::size_t> activities_by_account;
  for (const parley::Activity& activity : org.activities) ++activities_by_account[activity.account_id];
  const auto busiest = std::max_element(activities_by_account.begin(), activities_by_account.end(),
                                        [](const auto& a, const auto& b) { return a.second < b.second; });
  if (busiest != activities_by_account.end() && !busiest->first.empty()) {
    const auto admin = std::find_if(org.users.begin(), org.users.end(), [](const parley::User& u) {
      return u.role == parley::UserRole::administrator;
    });
    parley::ActivityFilter filter;
    filter.account_id = busiest->first;
    const std::vector<parley::Activity> activities =
        store->activities(parley::Viewer::administrator(admin->id), filter);
    const parley::RelationshipOptions options;
    fmt::print("{}\n",
               relationship_page_text("account:" + busiest->first,
                                      parley::relationship_kpis(activities, options, org.end_utc_ms),
                                      parley::relationship_health(activities, options, {}, org.end_utc_ms)));
  }
  return 0;
}

}  // namespace parley_cli
