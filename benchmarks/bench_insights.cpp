// The manager's home page over 100,000 stored calls (target: under 200 ms median), against a bare
// SQLite baseline that only reads the same call and term-hit rows in the same run.
//
// Data: the sample organisation generated in 20 chunks of 5,000 calls (seeds 1..20, six months,
// 12 sellers in two teams), analysed with the real CallAnalyzer (SampleAnalyzer, on every core),
// and stored in an SQLite file built once and reused while it exists (PARLEY_BENCH_DB, default
// insights_100k.sqlite in the benchmarks' build directory; delete it after changing the analysis
// or the store). The stored transcripts are thinned to the segments that hits, prices and action
// items point at: the home page never reads segments, and 20 million segment rows would only slow
// the setup.
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "parley/insights.hpp"
#include "parley/store.hpp"
#include "sample_org.hpp"

namespace {

constexpr int chunks = 20;
constexpr int calls_per_chunk = 5000;
constexpr std::int64_t now_ms = 1'795'392'000'000;  // 2026-11-23T00:00Z, the sample's "now"

std::string database_path() {
  const char* configured = std::getenv("PARLEY_BENCH_DB");
  return configured != nullptr ? configured : PARLEY_BENCH_BUILD_DIR "/insights_100k.sqlite";
}

void thin_transcript(parley::CallWithAnalysis& item) {
  parley::CallAnalysisRecord& analysis = item.analysis;
  std::map<std::uint32_t, std::uint32_t> kept;  // old segment index -> new
  for (const auto& hit : analysis.term_hits) kept.emplace(hit.segment_index, 0);
  for (const auto& price : analysis.prices) kept.emplace(price.segment_index, 0);
  for (const auto& action : analysis.action_items) kept.emplace(action.segment_index, 0);
  if (kept.empty()) kept.emplace(0, 0);
  std::vector<parley::Segment> segments;
  for (auto& [old_index, new_index] : kept) {
    new_index = static_cast<std::uint32_t>(segments.size());
    segments.push_back(std::move(item.call.segments[old_index]));
  }
  for (auto& hit : analysis.term_hits) hit.segment_index = kept[hit.segment_index];
  for (auto& price : analysis.prices) price.segment_index = kept[price.segment_index];
  for (auto& action : analysis.action_items) action.segment_index = kept[action.segment_index];
  item.call.segments = std::move(segments);
}

void build_database(const std::string& path) {
  const std::string building = path + ".building";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(building + suffix);
  {
    parley::SqliteStoreOptions options;
    options.durable_commits = false;
    auto store = parley::open_sqlite_store(building, options);
    const auto admin = parley::Viewer::administrator("u-admin");
    for (int chunk = 0; chunk < chunks; ++chunk) {
      parley::SampleOrganisationOptions generate;
      generate.call_count = calls_per_chunk;
      generate.end_utc_ms = now_ms;
      auto org = parley::generate_sample_organisation(static_cast<std::uint64_t>(chunk + 1), generate);
      const std::string prefix = "k" + std::to_string(chunk) + "-";
      if (chunk == 0) store->put_users(admin, org.users);
      std::vector<parley::CallAnalysisRecord> records =
          parley::SampleAnalyzer(org).analysis_records(org.calls);
      std::vector<parley::CallWithAnalysis> calls;
      calls.reserve(org.calls.size());
      for (std::size_t i = 0; i < org.calls.size(); ++i) {
        parley::CallWithAnalysis item{std::move(org.calls[i]), std::move(records[i])};
        item.call.id = prefix + item.call.id;
        item.call.opportunity_id = item.call.opportunity_id.empty() ? "" : prefix + item.call.opportunity_id;
        thin_transcript(item);
        calls.push_back(std::move(item));
      }
      store->ingest_calls(admin, calls, now_ms - 1);
      for (auto& opportunity : org.opportunities) opportunity.id = prefix + opportunity.id;
      store->put_opportunities(admin, org.opportunities);
      for (auto& activity : org.activities) {
        activity.id = prefix + activity.id;
        activity.opportunity_id = prefix + activity.opportunity_id;
      }
      store->put_activities(admin, org.activities);
    }
  }
  std::filesystem::rename(building, path);
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(building + suffix);
}

parley::Store& shared_store() {
  static std::unique_ptr<parley::Store> store = [] {
    const std::string path = database_path();
    if (std::filesystem::exists(path)) {
      std::fprintf(stderr, "bench_insights: reusing the stored calls in %s (delete it to rebuild)\n",
                   path.c_str());
    } else {
      std::fprintf(stderr,
                   "bench_insights: building %s: %d calls analysed with CallAnalyzer, once (minutes)\n",
                   path.c_str(), chunks * calls_per_chunk);
      const auto started = std::chrono::steady_clock::now();
      build_database(path);
      std::fprintf(stderr, "bench_insights: built in %.0f s\n",
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    }
    return parley::open_sqlite_store(path);
  }();
  return *store;
}

parley::InsightOptions options_for(parley::PeriodKind kind) {
  parley::InsightOptions options;
  options.period.kind = kind;
  options.period.time_zone = "Europe/Copenhagen";
  options.period.locale = "da-DK";
  options.now_utc_ms = now_ms;
  return options;
}

// The director (depth 2) over both teams: all 100,000 calls.
void BM_home_page(benchmark::State& state, parley::PeriodKind kind) {
  parley::Store& store = shared_store();
  const auto viewer = parley::Viewer::manager("u-director", 2);
  const auto options = options_for(kind);
  std::int64_t calls = 0;
  for (auto _ : state) {
    const parley::HomePage page = parley::home_page(store, viewer, "", options);
    calls = static_cast<std::int64_t>(page.recording.calls_recorded.current +
                                      page.recording.calls_recorded.previous);
    benchmark::DoNotOptimize(page);
  }
  state.counters["calls_read"] = static_cast<double>(calls);
}

void BM_seller_details(benchmark::State& state, parley::PeriodKind kind) {
  parley::Store& store = shared_store();
  const auto viewer = parley::Viewer::manager("u-director", 2);
  const auto options = options_for(kind);
  for (auto _ : state) benchmark::DoNotOptimize(parley::seller_details(store, viewer, "u-s01", options));
}

// The home page's two largest store reads on their own, over the director's scope and both periods.
parley::CallFilter both_periods(parley::PeriodKind kind) {
  const auto options = options_for(kind);
  const parley::Period current = parley::resolve_period(options.period, now_ms);
  const parley::Period previous = parley::previous_period(options.period, now_ms);
  parley::CallFilter filter;
  filter.from_ms = previous.empty() ? current.start_utc_ms : previous.start_utc_ms;
  filter.to_ms = current.end_utc_ms;
  return filter;
}

void BM_store_call_totals(benchmark::State& state, parley::PeriodKind kind) {
  parley::Store& store = shared_store();
  const auto viewer = parley::Viewer::manager("u-director", 2);
  const auto filter = both_periods(kind);
  for (auto _ : state) benchmark::DoNotOptimize(store.call_totals(viewer, filter, {}));
}

void BM_store_mention_totals(benchmark::State& state, parley::PeriodKind kind) {
  parley::Store& store = shared_store();
  const auto viewer = parley::Viewer::manager("u-director", 2);
  const auto filter = both_periods(kind);
  for (auto _ : state) benchmark::DoNotOptimize(store.mention_totals(viewer, filter, {}, 10));
}

void BM_store_brand_first_mentions(benchmark::State& state, parley::PeriodKind kind) {
  parley::Store& store = shared_store();
  const auto viewer = parley::Viewer::manager("u-director", 2);
  auto filter = both_periods(kind);
  filter.from_ms = parley::resolve_period(options_for(kind).period, now_ms).start_utc_ms;
  for (auto _ : state) benchmark::DoNotOptimize(store.brand_first_mentions(viewer, filter));
}

void BM_store_most_negative_calls(benchmark::State& state, parley::PeriodKind kind) {
  parley::Store& store = shared_store();
  const auto viewer = parley::Viewer::manager("u-director", 2);
  auto filter = both_periods(kind);
  filter.customer_sentiment_below = 0.0;
  filter.order = parley::CallOrder::most_negative_first;
  filter.limit = 20;
  for (auto _ : state) benchmark::DoNotOptimize(store.call_summaries(viewer, filter));
}

void BM_store_activity_totals(benchmark::State& state, parley::PeriodKind kind) {
  parley::Store& store = shared_store();
  const auto viewer = parley::Viewer::manager("u-director", 2);
  const auto calls = both_periods(kind);
  parley::ActivityFilter filter;
  filter.from_ms = calls.from_ms;
  filter.to_ms = std::min(calls.to_ms, now_ms);
  for (auto _ : state) benchmark::DoNotOptimize(store.activity_totals(viewer, filter));
}

// Baseline: read the rows the home page reads (calls and term hits of both periods) with bare
// sqlite3 calls, no objects and no aggregation.
void BM_bare_sqlite_rows(benchmark::State& state, parley::PeriodKind kind) {
  (void)shared_store();
  sqlite3* raw = nullptr;
  sqlite3_open_v2(database_path().c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, &sqlite3_close);
  const auto options = options_for(kind);
  const parley::Period current = parley::resolve_period(options.period, now_ms);
  const parley::Period previous = parley::previous_period(options.period, now_ms);
  const std::int64_t from = previous.empty() ? current.start_utc_ms : previous.start_utc_ms;
  const char* queries[] = {
      "SELECT id, start_time_ms, duration_ms, seller_id, talk_ratio, switches, switch_rate_per_hour, "
      "average_pause_ms, patience_ms, customer_longest_monologue_ms, seller_words_per_minute, "
      "seller_question_rate_per_hour, customer_sentiment, customer_sentiment_label FROM calls WHERE "
      "start_time_ms "
      ">= ?1 "
      "AND start_time_ms < ?2",
      "SELECT c.id, c.seller_id, c.start_time_ms, h.term, h.kind, h.role FROM calls c JOIN term_hits h ON "
      "h.call_key = c.call_key WHERE c.start_time_ms >= ?1 AND c.start_time_ms < ?2"};
  std::int64_t rows = 0;
  for (auto _ : state) {
    rows = 0;
    for (const char* sql : queries) {
      sqlite3_stmt* stmt = nullptr;
      sqlite3_prepare_v2(db.get(), sql, -1, &stmt, nullptr);
      sqlite3_bind_int64(stmt, 1, from);
      sqlite3_bind_int64(stmt, 2, current.end_utc_ms);
      while (sqlite3_step(stmt) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(stmt); ++i)
          benchmark::DoNotOptimize(sqlite3_column_text(stmt, i));
        ++rows;
      }
      sqlite3_finalize(stmt);
    }
  }
  state.counters["rows"] = static_cast<double>(rows);
}

}  // namespace

BENCHMARK_CAPTURE(BM_home_page, this_month, parley::PeriodKind::this_month)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_bare_sqlite_rows, this_month, parley::PeriodKind::this_month)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_home_page, all_time, parley::PeriodKind::all_time)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_bare_sqlite_rows, all_time, parley::PeriodKind::all_time)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_store_call_totals, this_month, parley::PeriodKind::this_month)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_store_mention_totals, this_month, parley::PeriodKind::this_month)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_store_brand_first_mentions, this_month, parley::PeriodKind::this_month)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_store_call_totals, all_time, parley::PeriodKind::all_time)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_store_mention_totals, all_time, parley::PeriodKind::all_time)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_store_brand_first_mentions, all_time, parley::PeriodKind::all_time)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_store_most_negative_calls, all_time, parley::PeriodKind::all_time)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_store_activity_totals, all_time, parley::PeriodKind::all_time)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_seller_details, this_month, parley::PeriodKind::this_month)
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
