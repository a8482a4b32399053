// From a transcript file to a stored call to a dashboard: the program docs/embedding.md quotes.
// Usage: parley_embedding TRANSCRIPT TERMS DATABASE
//   TRANSCRIPT  a call between Dana Whitfield (our seller) and a customer, e.g. samples/discovery-call.vtt
//   TERMS       a tracked-term list (docs/terms.md), e.g. samples/terms.tsv
//   DATABASE    an SQLite store file, created if missing
#include <parley/parley.hpp>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: parley_embedding TRANSCRIPT TERMS DATABASE\n");
    return 2;
  }
  const std::string transcript_path = argv[1], terms_path = argv[2], database_path = argv[3];
  try {
    // [read]
    parley::ReadResult read = parley::read_transcript_with_warnings(transcript_path);
    for (const parley::ReadWarning& warning : read.warnings) {
      std::fprintf(stderr, "%s\n", parley::to_string(warning).c_str());  // read anyway: report
    }
    parley::Call call = std::move(read.call);
    // [read]

    // [roles]
    parley::RoleRules roles;
    roles.our_users = {"Dana Whitfield"};      // our sellers, as the transcript names them
    roles.unmatched = parley::Role::customer;  // everyone else on this call is the customer's
    parley::assign_roles(call, roles);         // returns the speakers no rule matched
    // What the transcript does not say, the host's CRM does.
    call.id = "discovery-2026-03-02";
    call.owner_seller_id = "dana";
    call.start_time_ms = 1'772'445'600'000;  // 2026-03-02 10:00 UTC
    // [roles]

    // [analyze]
    // Built once (it loads lexicons and compiles the terms); immutable, shared by every thread.
    const parley::CallAnalyzer analyzer(parley::AnalysisOptions{}, parley::load_term_list(terms_path));
    const parley::CallAnalysis analysis = analyzer.analyze(call);
    // [analyze]

    // [store]
    // One handle per thread; the file is created and migrated on first open.
    const auto store = parley::open_sqlite_store(database_path);
    const parley::Viewer admin = parley::Viewer::administrator("admin");
    const std::vector<parley::User> users = {
        {"admin", "Admin", "", parley::UserRole::administrator, "", ""},
        {"maria", "Maria Lind", "", parley::UserRole::manager, "", "Europe/Stockholm"},
        {"dana", "Dana Whitfield", "", parley::UserRole::seller, "maria", ""}};
    store->put_users(admin, users);
    const std::int64_t now_ms = call.start_time_ms + 86'400'000;
    const std::vector<parley::CallWithAnalysis> calls = {
        {call, parley::make_analysis_record(analysis, analyzer.tracked_terms())}};
    store->ingest_calls(admin, calls, now_ms);  // one transaction: all calls or none
    // [store]

    // [dashboard]
    parley::InsightOptions options;
    options.period.kind = parley::PeriodKind::all_time;
    options.period.time_zone = "Europe/Stockholm";
    options.now_utc_ms = now_ms;
    const parley::HomePage page =
        parley::home_page(*store, parley::Viewer::manager("maria"), "maria", options);
    std::printf("%s", parley::render_home_page_text(page).c_str());
    // [dashboard]
    return 0;
  } catch (const parley::Error& error) {
    // [errors]
    std::fprintf(stderr, "parley_embedding: [%s] %s\n",
                 std::string(parley::error_code_name(error.code())).c_str(), error.what());
    // [errors]
    return 1;
  }
}
