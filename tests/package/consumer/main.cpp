// A C++ host program outside the repository, built against an installed parley (the static
// library): reads a WebVTT transcript, analyses it, stores it in a fresh SQLite file and prints the
// manager's home page.
// Usage: consumer TRANSCRIPT DATABASE. Checks the figures known from tests/package/discovery.vtt:
//   Dana (seller) speaks 0-20 s, 60-90 s and 120-180 s = 110 s; Chris (customer) 20-60 s and
//   90-120 s = 70 s; talk ratio 110 / 180; two seller questions; the call lasts 180 s = 0.05 h.
#include <parley/ingest.hpp>
#include <parley/parley.hpp>

#include <cmath>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
  if (!ok) {
    std::fprintf(stderr, "consumer: FAILED: %s\n", what.c_str());
    ++failures;
  }
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc != 3) {
    std::fprintf(stderr, "usage: consumer TRANSCRIPT DATABASE\n");
    return 2;
  }
  parley::Call call = parley::read_transcript(argv[1]);
  parley::RoleRules roles;
  roles.by_name = {{"Dana", parley::Role::seller}, {"Chris", parley::Role::customer}};
  check(parley::assign_roles(call, roles).empty(), "every speaker has a role");
  call.owner_seller_id = "dana";
  call.start_time_ms = 1'772'445'600'000;  // 2026-03-02 10:00 UTC: WebVTT carries no start time
  const std::int64_t now_ms = call.start_time_ms + 86'400'000;

  // The default options read the data compiled into the library: no data folder is installed.
  const parley::CallAnalyzer analyzer;
  const parley::CallAnalysis analysis = analyzer.analyze(call);
  check(analysis.timing.talk_ratio && std::abs(*analysis.timing.talk_ratio - 110.0 / 180.0) < 1e-9,
        "talk ratio 110 s / 180 s");
  check(analysis.signals.seller_questions == 2, "two seller questions (bundled interrogatives)");
  check(analysis.sentiment.has_value(), "sentiment scored (bundled English lexicon)");

  const auto store = parley::open_sqlite_store(argv[2]);
  const parley::Viewer admin = parley::Viewer::administrator("admin");
  const std::vector<parley::User> users = {
      {"admin", "Admin", "", parley::UserRole::administrator, "", ""},
      {"maria", "Maria Lind", "", parley::UserRole::manager, "", ""},
      {"dana", "Dana Whitfield", "", parley::UserRole::seller, "maria", ""}};
  store->put_users(admin, users);
  const std::vector<parley::CallWithAnalysis> calls = {
      {call, parley::make_analysis_record(analysis, analyzer.tracked_terms())}};
  store->ingest_calls(admin, calls, now_ms);

  parley::InsightOptions options;
  options.period.kind = parley::PeriodKind::all_time;
  options.now_utc_ms = now_ms;
  const parley::HomePage page = parley::home_page(*store, parley::Viewer::manager("maria"), "maria", options);
  std::printf("parley %s\n%s\n", parley::version(), parley::render_home_page_text(page).c_str());

  check(page.recording.calls_recorded.current == 1, "one call recorded");
  const double hours = page.recording.hours_recorded.current;
  // The VTT reader leaves Call::duration_ms 0; the stored duration is the effective one (last cue end).
  check(std::abs(hours - 0.05) < 1e-9, "recorded hours 0.05 (180 s), got " + std::to_string(hours));
  return failures == 0 ? 0 : 1;
} catch (const std::exception& error) {
  std::fprintf(stderr, "consumer: %s\n", error.what());
  return 1;
}
