// Bulk ingestion through parley's SQLite store against a bare loop of prepared-statement inserts of
// the same rows into the same schema, with the same pragmas and one transaction each.
//
//   PARLEY_BENCH_STORE_CALLS=100000 bench_store   (default 10,000 calls; ~100 segments per call)
//
// Each benchmark reports calls/s and segments/s; the ratio parley / bare is the figure of interest
// (target: parley within 2x of the bare loop).
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "parley/store.hpp"

namespace {

using namespace parley;

const Viewer admin = Viewer::administrator("admin");
constexpr std::int64_t t0 = 1'790'000'000'000;

std::vector<User> users() {
  std::vector<User> out = {{"admin", "Admin", "", UserRole::administrator, "", ""},
                           {"m1", "Manager", "", UserRole::manager, "", ""}};
  for (int i = 0; i < 20; ++i)
    out.push_back({std::string("s").append(std::to_string(i)), "Seller", "", UserRole::seller, "m1", ""});
  return out;
}

// Deterministic calls: 80..120 segments of 40..90 bytes of English text, a few hits, a brand, a
// price and an action item each.
std::vector<CallWithAnalysis> make_calls(int count) {
  static const char* words[] = {"we",      "could",   "look", "at",         "the",  "pricing", "for",
                                "next",    "quarter", "and",  "onboarding", "your", "team",    "budget",
                                "contoso", "roadmap", "yes",  "exactly",    "so",   "what"};
  std::uint64_t state = 42;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  };
  std::vector<CallWithAnalysis> calls(static_cast<std::size_t>(count));
  for (int c = 0; c < count; ++c) {
    CallWithAnalysis& item = calls[static_cast<std::size_t>(c)];
    Call& call = item.call;
    call.id = std::string("call-").append(std::to_string(c));
    call.start_time_ms = t0 + c * 60'000LL;
    call.language = "en-US";
    call.owner_seller_id = std::string("s").append(std::to_string(c % 20));
    call.account_id = std::string("account-").append(std::to_string(c % 500));
    call.contact_id = std::string("contact-").append(std::to_string(c % 2000));
    call.participants = {{"spk_0", "Seller", Role::seller, call.owner_seller_id},
                         {"spk_1", "Customer", Role::customer, call.contact_id}};
    int segments = 80 + static_cast<int>(next() % 41);
    call.segments.resize(static_cast<std::size_t>(segments));
    std::int64_t at = 0;
    for (int s = 0; s < segments; ++s) {
      Segment& seg = call.segments[static_cast<std::size_t>(s)];
      seg.speaker = static_cast<std::uint32_t>(s % 2);
      seg.start_ms = at;
      at += 2000 + next() % 6000;
      seg.end_ms = at;
      at += next() % 800;
      std::size_t target = 40 + next() % 51;
      while (seg.text.size() < target) {
        if (!seg.text.empty()) seg.text.push_back(' ');
        seg.text += words[next() % 20];
      }
    }
    call.duration_ms = at;
    CallAnalysisRecord& a = item.analysis;
    a.metrics.talk_ratio = 0.55;
    a.metrics.seller_talk_ms = at / 2;
    a.metrics.customer_talk_ms = at / 3;
    a.metrics.switches = segments - 1;
    a.metrics.switch_rate_per_hour = 40.0;
    a.metrics.average_pause_ms = 400.0;
    a.metrics.patience_ms = 900.0;
    a.metrics.seller_words_per_minute = 160.0;
    a.metrics.customer_words_per_minute = 150.0;
    a.customer_sentiment = {0.02, "neutral"};  // neutral: within the default thresholds (+-0.05)
    a.seller_sentiment = {0.3, "positive"};
    for (int h = 0; h < 5; ++h) {
      auto seg = static_cast<std::uint32_t>(next() % static_cast<std::uint32_t>(segments));
      a.term_hits.push_back({h % 2 ? "pricing" : "Contoso 360",
                             h % 2 ? TermKind::keyword : TermKind::competitor,
                             seg % 2 ? Role::customer : Role::seller, seg, call.segments[seg].start_ms});
    }
    a.brands.push_back({"fabrikam", "Fabrikam", 2});
    a.prices.push_back({1200.0, "USD", "$1,200", 3, call.segments[3].start_ms});
    a.action_items.push_back({5, "I'll send you the proposal"});
  }
  return calls;
}

int call_count() {
  const char* env = std::getenv("PARLEY_BENCH_STORE_CALLS");
  return env != nullptr ? std::max(1, std::atoi(env)) : 10'000;
}

const std::vector<CallWithAnalysis>& calls() {
  static const std::vector<CallWithAnalysis> data = make_calls(call_count());
  return data;
}

std::int64_t total_segments() {
  std::int64_t n = 0;
  for (const auto& c : calls()) n += static_cast<std::int64_t>(c.call.segments.size());
  return n;
}

std::string fresh_store_path() {
  std::string path = (std::filesystem::temp_directory_path() /
                      std::string("parley_bench_store_").append(std::to_string(::getpid())).append(".db"))
                         .string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  // The schema and the users, through parley, so both contenders start from the same file.
  auto store = open_sqlite_store(path);
  auto list = users();
  store->put_users(admin, list);
  return path;
}

void remove_store(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

void report(benchmark::State& state) {
  state.counters["calls"] = static_cast<double>(calls().size());
  state.counters["segments"] = static_cast<double>(total_segments());
  state.counters["segments_per_s"] =
      benchmark::Counter(static_cast<double>(total_segments()) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

void BM_parley_ingest(benchmark::State& state) {
  const auto& data = calls();
  for (auto _ : state) {
    state.PauseTiming();
    std::string path = fresh_store_path();
    auto store = open_sqlite_store(path);  // default options: WAL, synchronous = FULL
    state.ResumeTiming();
    store->ingest_calls(admin, data, t0);
    state.PauseTiming();
    store.reset();
    remove_store(path);
    state.ResumeTiming();
  }
  report(state);
}

// The peer: the same rows, the same schema and pragmas, one transaction, prepared statements,
// no validation, no access check, no replace-on-reingest.
struct Bare {
  sqlite3* db = nullptr;
  std::vector<sqlite3_stmt*> statements;
  sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) std::abort();
    statements.push_back(stmt);
    return stmt;
  }
  ~Bare() {
    for (auto* s : statements) sqlite3_finalize(s);
    sqlite3_close(db);
  }
};

void text(sqlite3_stmt* s, int i, const std::string& v) {
  if (v.empty()) {
    sqlite3_bind_null(s, i);
  } else {
    sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
}
void real(sqlite3_stmt* s, int i, const std::optional<double>& v) {
  if (v) {
    sqlite3_bind_double(s, i, *v);
  } else {
    sqlite3_bind_null(s, i);
  }
}
void step(sqlite3_stmt* s) {
  if (sqlite3_step(s) != SQLITE_DONE) std::abort();
  sqlite3_reset(s);
}

void bare_ingest(const std::string& path, const std::vector<CallWithAnalysis>& data) {
  Bare b;
  sqlite3_open(path.c_str(), &b.db);
  sqlite3_busy_timeout(b.db, 10'000);
  sqlite3_exec(b.db,
               "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; "
               "PRAGMA cache_size = -16384",
               nullptr, nullptr, nullptr);
  auto* call_insert = b.prepare(
      "INSERT INTO calls (id, start_time_ms, duration_ms, language, seller_id, account_id, "
      "contact_id, lead_id, opportunity_id, segment_count, participant_count, ingested_ms, "
      "translation_language, talk_ratio, seller_talk_ms, customer_talk_ms, switches, "
      "switch_rate_per_hour, average_pause_ms, patience_ms, seller_longest_monologue_ms, "
      "customer_longest_monologue_ms, seller_words_per_minute, customer_words_per_minute, "
      "seller_questions, customer_questions, seller_question_rate_per_hour, interactivity, "
      "interruptions, seller_filler_words_per_minute, customer_sentiment, customer_sentiment_label, "
      "seller_sentiment, seller_sentiment_label) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
      "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, "
      "?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34)");
  auto* participant_insert = b.prepare(
      "INSERT INTO participants (call_key, idx, speaker_id, display_name, role, crm_id) VALUES (?1, ?2, ?3, "
      "?4, ?5, ?6)");
  auto* segment_insert = b.prepare(
      "INSERT INTO segments (call_key, idx, speaker, start_ms, end_ms, text, confidence, words, translation) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, NULL, NULL)");
  auto* hit_insert = b.prepare(
      "INSERT INTO term_hits (call_key, idx, term, kind, role, segment_index, offset_ms) VALUES (?1, ?2, ?3, "
      "?4, ?5, ?6, ?7)");
  auto* brand_insert = b.prepare(
      "INSERT INTO brand_mentions (call_key, normalized_name, display_name, count) VALUES (?1, ?2, ?3, ?4)");
  auto* price_insert = b.prepare(
      "INSERT INTO price_mentions (call_key, idx, amount, currency, text, segment_index, offset_ms) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  auto* action_insert =
      b.prepare("INSERT INTO action_items (call_key, idx, segment_index, text) VALUES (?1, ?2, ?3, ?4)");
  auto* log_insert = b.prepare(
      "INSERT INTO processing_log (call_id, seller_id, status, reason, at_ms) VALUES (?1, ?2, 1, '', ?3)");
  sqlite3_exec(b.db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  for (const auto& item : data) {
    const Call& c = item.call;
    const CallAnalysisRecord& a = item.analysis;
    const CallMetricsRecord& m = a.metrics;
    auto* s = call_insert;
    text(s, 1, c.id);
    sqlite3_bind_int64(s, 2, c.start_time_ms);
    sqlite3_bind_int64(s, 3, c.duration_ms);
    text(s, 4, c.language);
    text(s, 5, c.owner_seller_id);
    text(s, 6, c.account_id);
    text(s, 7, c.contact_id);
    text(s, 8, c.lead_id);
    text(s, 9, c.opportunity_id);
    sqlite3_bind_int64(s, 10, static_cast<std::int64_t>(c.segments.size()));
    sqlite3_bind_int64(s, 11, static_cast<std::int64_t>(c.participants.size()));
    sqlite3_bind_int64(s, 12, t0);
    sqlite3_bind_null(s, 13);
    real(s, 14, m.talk_ratio);
    sqlite3_bind_int64(s, 15, m.seller_talk_ms);
    sqlite3_bind_int64(s, 16, m.customer_talk_ms);
    sqlite3_bind_int64(s, 17, m.switches);
    real(s, 18, m.switch_rate_per_hour);
    real(s, 19, m.average_pause_ms);
    real(s, 20, m.patience_ms);
    sqlite3_bind_int64(s, 21, m.seller_longest_monologue_ms);
    sqlite3_bind_int64(s, 22, m.customer_longest_monologue_ms);
    real(s, 23, m.seller_words_per_minute);
    real(s, 24, m.customer_words_per_minute);
    sqlite3_bind_int64(s, 25, m.seller_questions);
    sqlite3_bind_int64(s, 26, m.customer_questions);
    real(s, 27, m.seller_question_rate_per_hour);
    real(s, 28, m.interactivity);
    sqlite3_bind_int64(s, 29, m.interruptions);
    real(s, 30, m.seller_filler_words_per_minute);
    real(s, 31, a.customer_sentiment.score);
    text(s, 32, a.customer_sentiment.label);
    real(s, 33, a.seller_sentiment.score);
    text(s, 34, a.seller_sentiment.label);
    step(s);
    const std::int64_t key = sqlite3_last_insert_rowid(b.db);
    for (std::size_t i = 0; i < c.participants.size(); ++i) {
      const Participant& p = c.participants[i];
      s = participant_insert;
      sqlite3_bind_int64(s, 1, key);
      sqlite3_bind_int64(s, 2, static_cast<std::int64_t>(i));
      text(s, 3, p.id);
      sqlite3_bind_text(s, 4, p.display_name.data(), static_cast<int>(p.display_name.size()), SQLITE_STATIC);
      sqlite3_bind_int(s, 5, static_cast<int>(p.role));
      text(s, 6, p.crm_id);
      step(s);
    }
    s = segment_insert;
    for (std::size_t i = 0; i < c.segments.size(); ++i) {
      const Segment& seg = c.segments[i];
      sqlite3_bind_int64(s, 1, key);
      sqlite3_bind_int64(s, 2, static_cast<std::int64_t>(i));
      sqlite3_bind_int64(s, 3, seg.speaker);
      sqlite3_bind_int64(s, 4, seg.start_ms);
      sqlite3_bind_int64(s, 5, seg.end_ms);
      sqlite3_bind_text(s, 6, seg.text.data(), static_cast<int>(seg.text.size()), SQLITE_STATIC);
      step(s);
    }
    for (std::size_t i = 0; i < a.term_hits.size(); ++i) {
      const auto& h = a.term_hits[i];
      s = hit_insert;
      sqlite3_bind_int64(s, 1, key);
      sqlite3_bind_int64(s, 2, static_cast<std::int64_t>(i));
      text(s, 3, h.term);
      sqlite3_bind_int(s, 4, static_cast<int>(h.kind));
      sqlite3_bind_int(s, 5, static_cast<int>(h.role));
      sqlite3_bind_int64(s, 6, h.segment_index);
      sqlite3_bind_int64(s, 7, h.offset_ms);
      step(s);
    }
    for (const auto& br : a.brands) {
      s = brand_insert;
      sqlite3_bind_int64(s, 1, key);
      text(s, 2, br.normalized_name);
      text(s, 3, br.display_name);
      sqlite3_bind_int64(s, 4, br.count);
      step(s);
    }
    for (std::size_t i = 0; i < a.prices.size(); ++i) {
      const auto& p = a.prices[i];
      s = price_insert;
      sqlite3_bind_int64(s, 1, key);
      sqlite3_bind_int64(s, 2, static_cast<std::int64_t>(i));
      sqlite3_bind_double(s, 3, p.amount);
      text(s, 4, p.currency);
      text(s, 5, p.text);
      sqlite3_bind_int64(s, 6, p.segment_index);
      sqlite3_bind_int64(s, 7, p.offset_ms);
      step(s);
    }
    for (std::size_t i = 0; i < a.action_items.size(); ++i) {
      s = action_insert;
      sqlite3_bind_int64(s, 1, key);
      sqlite3_bind_int64(s, 2, static_cast<std::int64_t>(i));
      sqlite3_bind_int64(s, 3, a.action_items[i].segment_index);
      text(s, 4, a.action_items[i].text);
      step(s);
    }
    s = log_insert;
    text(s, 1, c.id);
    text(s, 2, c.owner_seller_id);
    sqlite3_bind_int64(s, 3, t0);
    step(s);
  }
  if (sqlite3_exec(b.db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) std::abort();
}

void BM_bare_sqlite_inserts(benchmark::State& state) {
  const auto& data = calls();
  for (auto _ : state) {
    state.PauseTiming();
    std::string path = fresh_store_path();
    state.ResumeTiming();
    bare_ingest(path, data);
    state.PauseTiming();
    remove_store(path);
    state.ResumeTiming();
  }
  report(state);
}

}  // namespace

int main(int argc, char** argv) {
  calls();  // generate once, outside the timings
  // Alternate the contenders so machine load drifts affect both alike.
  for (int round = 0; round < 3; ++round) {
    benchmark::RegisterBenchmark(std::string("bare_sqlite_inserts/run").append(std::to_string(round)).c_str(),
                                 BM_bare_sqlite_inserts)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark(std::string("parley_ingest/run").append(std::to_string(round)).c_str(),
                                 BM_parley_ingest)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
