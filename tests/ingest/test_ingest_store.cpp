// From files to the store: what ingest_calls keeps of an analysed call, and what it refuses.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "parley/ingest.hpp"
#include "parley/insights.hpp"
#include "parley/readers.hpp"
#include "store/store_test_support.hpp"

namespace {

using store_test::admin;
using store_test::day_ms;
using store_test::t0;

constexpr std::int64_t all_time_from = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t all_time_to = std::numeric_limits<std::int64_t>::max();

// What a rejected batch must leave as it was: the stored calls (with their figures) and the log.
struct StoreState {
  std::vector<std::string> calls;  // id, duration and talk ratio of each stored call
  std::size_t events = 0;

  bool operator==(const StoreState&) const = default;
};

StoreState state_of(parley::Store& store) {
  StoreState state;
  for (const parley::CallSummary& call : store.call_summaries(admin, {})) {
    state.calls.push_back(call.id + " " + std::to_string(call.duration_ms) + " " +
                          std::to_string(call.metrics.talk_ratio.value_or(-1)));
  }
  state.events = store.processing_events(admin, all_time_from, all_time_to).size();
  return state;
}

}  // namespace

TEST_CASE("calls read from WebVTT, SRT and RTTM files are stored with their length, and the hours add up") {
  struct File {
    const char* name;
    const char* seller;  // the speaker who is our seller
    std::int64_t length_ms;
  };
  // The readers leave duration_ms 0 (the formats carry none); a call lasts until its last cue or
  // turn ends, read off the files: teams_discovery.vtt's last cue ends at 00:02:57.800;
  // wechat_followup.srt's at 00:01:38,200; pyannote_diarization.rttm's last turn starts at
  // 174.925 s and lasts 5.075 s, the latest end of all its turns (180.000 s).
  const std::vector<File> files = {{"teams_discovery.vtt", "Dana Whitfield", 177'800},
                                   {"wechat_followup.srt", "Li Wei", 98'200},
                                   {"pyannote_diarization.rttm", "SPEAKER_00", 180'000}};
  const std::int64_t total_ms = 177'800 + 98'200 + 180'000;  // 456 s

  store_test::TempDir dir;
  auto store = store_test::open_fresh(dir);
  const parley::CallAnalyzer analyzer;
  std::vector<parley::CallWithAnalysis> calls;
  for (std::size_t i = 0; i < files.size(); ++i) {
    CAPTURE(files[i].name);
    parley::Call call =
        parley::read_transcript(std::string(PARLEY_TEST_DATA_DIR) + "/readers/" + files[i].name);
    CHECK(call.duration_ms == 0);
    parley::RoleRules roles;
    roles.by_name = {{files[i].seller, parley::Role::seller}};
    roles.unmatched = parley::Role::customer;
    parley::assign_roles(call, roles);
    call.id = files[i].name;
    call.owner_seller_id = "s1";
    call.start_time_ms = t0 + static_cast<std::int64_t>(i) * 3'600'000;  // the host's CRM knows when
    calls.push_back({call, parley::make_analysis_record(analyzer.analyze(call), analyzer.tracked_terms())});
  }
  store->ingest_calls(admin, calls, t0 + day_ms);

  for (const File& file : files) {
    CAPTURE(file.name);
    CHECK(store->load_call(admin, file.name).call.duration_ms == file.length_ms);
  }
  const std::vector<parley::CallTotals> totals = store->call_totals(admin, {}, {});
  REQUIRE(totals.size() == 1);
  CHECK(totals[0].calls == 3);
  CHECK(totals[0].duration_ms == total_ms);

  parley::InsightOptions options;
  options.period.kind = parley::PeriodKind::all_time;
  options.now_utc_ms = t0 + day_ms;
  const parley::HomePage page = parley::home_page(*store, parley::Viewer::manager("m1"), "m1", options);
  CHECK(page.recording.calls_recorded.current == 3);
  CHECK(page.recording.hours_recorded.current == doctest::Approx(456.0 / 3600.0));
}

TEST_CASE("a call without a start time is refused, naming the call and the field") {
  store_test::TempDir dir;
  auto store = store_test::open_fresh(dir);
  const std::vector<parley::CallWithAnalysis> first = {store_test::make_call("kept", "s1", t0)};
  store->ingest_calls(admin, first, t0 + day_ms);
  const StoreState before = state_of(*store);

  // start_time_ms 0 is 1970-01-01, what the WebVTT, SRT and RTTM readers leave.
  const std::vector<parley::CallWithAnalysis> batch = {store_test::make_call("dated", "s1", t0 + 1),
                                                       store_test::make_call("undated", "s1", 0)};
  const auto [code, message] = store_test::error_of([&] { store->ingest_calls(admin, batch, t0 + day_ms); });
  CHECK(code == parley::ErrorCode::invalid_argument);
  CHECK_MESSAGE(message.find("call 'undated'") != std::string::npos, message);
  CHECK_MESSAGE(message.find("start_time_ms") != std::string::npos, message);
  CHECK(state_of(*store) == before);  // the batch is all or nothing: "dated" is not stored either
}

TEST_CASE("ingest refuses impossible figures, naming the call, the field and the value, and stores nothing") {
  struct Case {
    const char* field;
    const char* value;  // as the message shows it
    std::function<void(parley::CallWithAnalysis&)> spoil;
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  // make_call("bad", ..., 6 segments): the call lasts 12 s (duration_ms 12000, last end 11.9 s).
  const std::vector<Case> cases = {
      {"talk_ratio", "7.5", [](auto& c) { c.analysis.metrics.talk_ratio = 7.5; }},
      {"talk_ratio", "-0.1", [](auto& c) { c.analysis.metrics.talk_ratio = -0.1; }},
      {"customer_sentiment", "-42",
       [](auto& c) {
         c.analysis.customer_sentiment = {-42.0, "positive"};
       }},
      {"seller_sentiment", "nan",
       [=](auto& c) {
         c.analysis.seller_sentiment = {nan, "neutral"};
       }},
      // Default thresholds (SentimentOptions): >= 0.05 positive, <= -0.05 negative.
      {"customer_sentiment_label", "'negative'",
       [](auto& c) {
         c.analysis.customer_sentiment = {0.6, "negative"};
       }},
      {"customer_sentiment_label", "'neutral'",
       [](auto& c) {
         c.analysis.customer_sentiment = {0.05, "neutral"};
       }},
      {"seller_sentiment_label", "'positive'",
       [](auto& c) {
         c.analysis.seller_sentiment = {-0.05, "positive"};
       }},
      {"seller_sentiment_label", "'glad'",
       [](auto& c) {
         c.analysis.seller_sentiment = {0.0, "glad"};
       }},
      {"seller_sentiment_label", "''",
       [](auto& c) {
         c.analysis.seller_sentiment = {0.3, ""};
       }},
      {"customer_sentiment_label", "'neutral'",
       [](auto& c) {
         c.analysis.customer_sentiment = {std::nullopt, "neutral"};
       }},
      {"seller_talk_ms", "-5", [](auto& c) { c.analysis.metrics.seller_talk_ms = -5; }},
      {"customer_talk_ms", "13000", [](auto& c) { c.analysis.metrics.customer_talk_ms = 13'000; }},
      {"seller_longest_monologue_ms", "-1",
       [](auto& c) { c.analysis.metrics.seller_longest_monologue_ms = -1; }},
      {"customer_longest_monologue_ms", "60000",
       [](auto& c) { c.analysis.metrics.customer_longest_monologue_ms = 60'000; }},
      {"switches", "-1", [](auto& c) { c.analysis.metrics.switches = -1; }},
      {"switch_rate_per_hour", "nan", [=](auto& c) { c.analysis.metrics.switch_rate_per_hour = nan; }},
      {"average_pause_ms", "-100", [](auto& c) { c.analysis.metrics.average_pause_ms = -100.0; }},
      {"patience_ms", "inf", [=](auto& c) { c.analysis.metrics.patience_ms = inf; }},
      {"seller_words_per_minute", "inf", [=](auto& c) { c.analysis.metrics.seller_words_per_minute = inf; }},
      {"customer_words_per_minute", "-3",
       [](auto& c) { c.analysis.metrics.customer_words_per_minute = -3.0; }},
      {"seller_questions", "-2", [](auto& c) { c.analysis.metrics.seller_questions = -2; }},
      {"customer_questions", "-1", [](auto& c) { c.analysis.metrics.customer_questions = -1; }},
      {"seller_question_rate_per_hour", "-1",
       [](auto& c) { c.analysis.metrics.seller_question_rate_per_hour = -1.0; }},
      {"interactivity", "11", [](auto& c) { c.analysis.metrics.interactivity = 11.0; }},
      {"interruptions", "-1", [](auto& c) { c.analysis.metrics.interruptions = -1; }},
      {"seller_filler_words_per_minute", "-0.5",
       [](auto& c) { c.analysis.metrics.seller_filler_words_per_minute = -0.5; }},
      {"segment", "99", [](auto& c) { c.analysis.term_hits[0].segment_index = 99; }},
      {"offset_ms", "-1", [](auto& c) { c.analysis.term_hits[0].offset_ms = -1; }},
      {"amount", "nan", [=](auto& c) { c.analysis.prices[0].amount = nan; }},
      {"offset_ms", "20000", [](auto& c) { c.analysis.prices[0].offset_ms = 20'000; }},
      {"filler_words", "inf", [=](auto& c) { c.analysis.extra_metrics[0].second = inf; }},
  };

  store_test::TempDir dir;
  auto store = store_test::open_fresh(dir);
  const std::vector<parley::CallWithAnalysis> first = {store_test::make_call("bad", "s1", t0)};
  store->ingest_calls(admin, first, t0 + day_ms);  // a stored version that must stay as it is
  const StoreState before = state_of(*store);
  REQUIRE(before.calls.size() == 1);

  for (const Case& c : cases) {
    CAPTURE(c.field);
    CAPTURE(c.value);
    // A good call first: the batch is all or nothing.
    std::vector<parley::CallWithAnalysis> batch = {store_test::make_call("good", "s2", t0 + 1),
                                                   store_test::make_call("bad", "s1", t0 + 2)};
    c.spoil(batch[1]);
    const auto [code, message] =
        store_test::error_of([&] { store->ingest_calls(admin, batch, t0 + day_ms); });
    CHECK(code == parley::ErrorCode::invalid_argument);
    CHECK_MESSAGE(message.find("call 'bad'") != std::string::npos, message);
    CHECK_MESSAGE(message.find(c.field) != std::string::npos, message);
    CHECK_MESSAGE(message.find(c.value) != std::string::npos, message);
    CHECK(state_of(*store) == before);
  }
}

TEST_CASE("the same call id twice in one batch is refused") {
  store_test::TempDir dir;
  auto store = store_test::open_fresh(dir);
  const StoreState before = state_of(*store);
  const std::vector<parley::CallWithAnalysis> batch = {store_test::make_call("c1", "s1", t0),
                                                       store_test::make_call("c2", "s1", t0 + 1),
                                                       store_test::make_call("c1", "s2", t0 + 2)};
  const auto [code, message] = store_test::error_of([&] { store->ingest_calls(admin, batch, t0 + day_ms); });
  CHECK(code == parley::ErrorCode::invalid_argument);
  CHECK_MESSAGE(message.find("call 'c1'") != std::string::npos, message);
  CHECK_MESSAGE(message.find("calls 0 and 2") != std::string::npos, message);
  CHECK(state_of(*store) == before);
}

TEST_CASE("a call without segments is logged as failed, not stored and not counted as recorded") {
  store_test::TempDir dir;
  auto store = store_test::open_fresh(dir);
  parley::CallWithAnalysis empty;
  empty.call.id = "silent";
  empty.call.start_time_ms = t0 + 1;
  empty.call.owner_seller_id = "s1";
  empty.call.participants = {{"spk_0", "Seller", parley::Role::seller, "s1"}};
  const parley::CallAnalyzer analyzer;
  empty.analysis = parley::make_analysis_record(analyzer.analyze(empty.call), analyzer.tracked_terms());
  const std::vector<parley::CallWithAnalysis> batch = {store_test::make_call("spoken", "s1", t0), empty};
  store->ingest_calls(admin, batch, t0 + day_ms);

  const std::vector<parley::CallSummary> stored = store->call_summaries(admin, {});
  REQUIRE(stored.size() == 1);
  CHECK(stored[0].id == "spoken");
  CHECK(store_test::error_of([&] { store->load_call(admin, "silent"); }).first ==
        parley::ErrorCode::not_found);
  const std::vector<parley::CallTotals> totals = store->call_totals(admin, {}, {});
  REQUIRE(totals.size() == 1);
  CHECK(totals[0].calls == 1);
  CHECK(totals[0].duration_ms == 12'000);

  const std::vector<parley::ProcessingEvent> events =
      store->processing_events(admin, all_time_from, all_time_to);
  REQUIRE(events.size() == 2);
  CHECK(events[0].call_id == "spoken");
  CHECK(events[0].status == parley::ProcessingStatus::analysed);
  CHECK(events[1].call_id == "silent");
  CHECK(events[1].seller_id == "s1");
  CHECK(events[1].status == parley::ProcessingStatus::failed);
  CHECK(events[1].reason == "no segments");
  CHECK(events[1].at_ms == t0 + day_ms);
  const parley::ProcessingSummary summary = store->processing_summary(admin, all_time_from, all_time_to);
  CHECK(summary.received == 2);
  CHECK(summary.analysed == 1);
  CHECK(summary.failed == 1);
  REQUIRE(summary.failure_reasons.size() == 1);
  CHECK(summary.failure_reasons[0].first == "no segments");
  CHECK(summary.failure_reasons[0].second == 1);

  parley::InsightOptions options;
  options.period.kind = parley::PeriodKind::all_time;
  options.now_utc_ms = t0 + day_ms;
  const parley::HomePage page = parley::home_page(*store, parley::Viewer::manager("m1"), "m1", options);
  CHECK(page.recording.calls_recorded.current == 1);
  CHECK(page.recording.hours_recorded.current == doctest::Approx(12.0 / 3600.0));
}

TEST_CASE("stored sentiment labels agree with the store's thresholds, which may be the analyzer's own") {
  store_test::TempDir dir;
  parley::SqliteStoreOptions options;
  options.durable_commits = false;
  options.sentiment_labels.positive_threshold = 0.3;
  options.sentiment_labels.negative_threshold = -0.3;
  auto store = parley::open_sqlite_store(dir.file("labels.db"), options);
  const auto users = store_test::organisation();
  store->put_users(admin, users);

  // 0.25 is positive under the default thresholds (>= 0.05) but neutral under these (< 0.3).
  std::vector<parley::CallWithAnalysis> batch = {store_test::make_call("c1", "s1", t0)};
  batch[0].analysis.customer_sentiment = {0.25, "positive"};
  const auto [code, message] = store_test::error_of([&] { store->ingest_calls(admin, batch, t0 + day_ms); });
  CHECK(code == parley::ErrorCode::invalid_argument);
  CHECK_MESSAGE(message.find("'customer_sentiment_label' is 'positive'") != std::string::npos, message);
  CHECK_MESSAGE(message.find("0.25 is neutral") != std::string::npos, message);
  batch[0].analysis.customer_sentiment = {0.25, "neutral"};
  store->ingest_calls(admin, batch, t0 + day_ms);
  CHECK(store->load_call(admin, "c1").analysis.customer_sentiment.label == "neutral");

  options.sentiment_labels.negative_threshold = 0.3;  // not below the positive threshold
  const auto [open_code, open_message] =
      store_test::error_of([&] { parley::open_sqlite_store(dir.file("labels.db"), options); });
  CHECK(open_code == parley::ErrorCode::invalid_argument);
  CHECK_MESSAGE(open_message.find("SqliteStoreOptions.sentiment_labels") != std::string::npos, open_message);
}
