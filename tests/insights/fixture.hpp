#pragma once
// A small fixture organisation whose every insight is worked out by hand in the tests.
//
//   adm (administrator)
//   dir (manager) ── m1 (manager) ── s1 Alice Berg, s2 Bruno Costa
//                 └─ m2 (manager) ── s3 Chiara Dini
//
// now = 2026-11-20T12:00Z; period this_month in UTC: current [2026-11-01, 2026-12-01),
// previous [2026-10-01, 2026-11-01).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "parley/insights.hpp"
#include "parley/store.hpp"

namespace fixture {

// UTC instant of a civil date-time (days counted by hand, independent of ICU).
inline std::int64_t utc(int year, int month, int day, int hour = 0, int minute = 0) {
  auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
  static constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::int64_t days = 0;
  for (int y = 1970; y < year; ++y) days += leap(y) ? 366 : 365;
  for (int m = 1; m < month; ++m) days += month_days[m - 1] + (m == 2 && leap(year) ? 1 : 0);
  days += day - 1;
  return ((days * 24 + hour) * 60 + minute) * 60'000LL;
}

inline const std::int64_t now = utc(2026, 11, 20, 12);
constexpr std::int64_t minute = 60'000;

struct HitSpec {
  const char* term;
  parley::TermKind kind;
  parley::Role role;
  int count;
};

struct CallSpec {
  const char* id;
  const char* seller;
  std::int64_t start;
  std::int64_t duration_ms;
  double talk_ratio;
  std::int64_t switches;
  double switch_rate;
  double pause_ms;
  std::optional<double> patience_ms;
  std::int64_t customer_longest_monologue_ms;
  double seller_words_per_minute;
  double question_rate;
  double sentiment;
  const char* label;
  std::vector<HitSpec> hits;
  std::vector<std::pair<const char*, int>> brands;
};

inline std::vector<CallSpec> call_specs() {
  using parley::Role;
  using parley::TermKind;
  constexpr auto kw = TermKind::keyword;
  constexpr auto comp = TermKind::competitor;
  return {
      {"c1",
       "s1",
       utc(2026, 11, 3, 10),
       30 * minute,
       0.6,
       20,
       40,
       800,
       1000.0,
       30'000,
       150,
       10,
       0.5,
       "positive",
       {{"pricing", kw, Role::customer, 2},
        {"Contoso 360", comp, Role::customer, 1},
        {"ROI", kw, Role::seller, 1}},
       {{"Litware", 1}}},
      {"c2",
       "s1",
       utc(2026, 11, 10, 15),
       20 * minute,
       0.4,
       10,
       30,
       600,
       1400.0,
       50'000,
       170,
       14,
       -0.4,
       "negative",
       {{"pricing", kw, Role::customer, 1}, {"security", kw, Role::customer, 1}},
       {}},
      {"c3",
       "s1",
       utc(2026, 10, 15, 9),
       10 * minute,
       0.7,
       6,
       36,
       900,
       800.0,
       10'000,
       140,
       12,
       0.0,
       "neutral",
       {{"pricing", kw, Role::customer, 1}},
       {}},
      {"c4",
       "s2",
       utc(2026, 11, 5, 11),
       60 * minute,
       0.8,
       30,
       30,
       1000,
       std::nullopt,
       20'000,
       160,
       6,
       0.1,
       "neutral",
       {{"security", kw, Role::customer, 2}, {"pricing", kw, Role::seller, 1}},
       {{"Relecloud", 1}}},
      {"c5",
       "s2",
       utc(2026, 10, 20, 14),
       30 * minute,
       0.5,
       12,
       24,
       700,
       900.0,
       15'000,
       155,
       8,
       -0.2,
       "negative",
       {{"security", kw, Role::customer, 1}},
       {{"Litware", 2}}},
      {"c6",
       "s3",
       utc(2026, 11, 12, 8),
       45 * minute,
       0.55,
       25,
       33,
       750,
       1100.0,
       40'000,
       165,
       9,
       0.3,
       "positive",
       {{"pricing", kw, Role::customer, 3}},
       {}},
  };
}

inline parley::CallWithAnalysis make_call(const CallSpec& spec) {
  parley::CallWithAnalysis item;
  parley::Call& call = item.call;
  call.id = spec.id;
  call.start_time_ms = spec.start;
  call.duration_ms = spec.duration_ms;
  call.language = "en-US";
  call.owner_seller_id = spec.seller;
  call.participants.push_back({"spk_0", "Seller", parley::Role::seller, spec.seller});
  call.participants.push_back({"spk_1", "Customer", parley::Role::customer, "contact-1"});
  for (std::uint32_t i = 0; i < 4; ++i) {
    call.segments.push_back({i % 2, i * 10'000LL, i * 10'000LL + 9'000, "Words said here.", {}, {}});
  }
  auto& m = item.analysis.metrics;
  m.talk_ratio = spec.talk_ratio;
  m.seller_talk_ms = 18'000;
  m.customer_talk_ms = 18'000;
  m.switches = spec.switches;
  m.switch_rate_per_hour = spec.switch_rate;
  m.average_pause_ms = spec.pause_ms;
  m.patience_ms = spec.patience_ms;
  m.seller_longest_monologue_ms = 60'000;
  m.customer_longest_monologue_ms = spec.customer_longest_monologue_ms;
  m.seller_words_per_minute = spec.seller_words_per_minute;
  m.customer_words_per_minute = 150;
  m.seller_question_rate_per_hour = spec.question_rate;
  item.analysis.customer_sentiment = {spec.sentiment, spec.label};
  item.analysis.seller_sentiment = {0.2, "positive"};
  for (const auto& hit : spec.hits) {
    for (int k = 0; k < hit.count; ++k) {
      const std::uint32_t segment = hit.role == parley::Role::seller ? 0 : 1;
      item.analysis.term_hits.push_back({hit.term, hit.kind, hit.role, segment, segment * 10'000LL + k});
    }
  }
  for (const auto& [name, count] : spec.brands) {
    std::string normalized = name;
    for (char& c : normalized) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    item.analysis.brands.push_back({normalized, name, count});
  }
  return item;
}

inline parley::User user(const char* id, const char* name, parley::UserRole role, const char* manager) {
  parley::User u;
  u.id = id;
  u.display_name = name;
  u.role = role;
  u.manager_id = manager;
  return u;
}

inline parley::Opportunity opportunity(const char* id, const char* owner, parley::OpportunityStatus status,
                                       double estimated, double actual, std::int64_t created,
                                       std::optional<std::int64_t> closed) {
  parley::Opportunity o;
  o.id = id;
  o.name = id;
  o.account_id = "acc-1";
  o.owner_id = owner;
  o.status = status;
  o.estimated_revenue = estimated;
  o.actual_revenue = actual;
  o.currency = "EUR";
  o.created_ms = created;
  o.closed_ms = closed;
  return o;
}

inline parley::Activity activity(const char* id, const char* owner, parley::ActivityType type,
                                 parley::ActivityDirection direction, std::int64_t at,
                                 std::int64_t duration) {
  parley::Activity a;
  a.id = id;
  a.type = type;
  a.direction = direction;
  a.owner_id = owner;
  a.initiator_id = owner;
  a.our_side.push_back({owner, "", "", ""});
  a.customer_side.push_back({"contact-1", "", "", ""});
  a.timestamp_ms = at;
  a.duration_ms = duration;
  a.account_id = "acc-1";
  return a;
}

// The fixture in a fresh SQLite file, removed when the object goes.
struct FixtureStore {
  std::filesystem::path path;
  std::unique_ptr<parley::Store> store;

  explicit FixtureStore(const std::string& name) {
    path = std::filesystem::temp_directory_path() / ("parley_insights_" + name + ".sqlite");
    cleanup();
    // The fixture's labels were written with 0.1 as neutral: thresholds of +-0.15 give every one.
    parley::SqliteStoreOptions options;
    options.sentiment_labels.positive_threshold = 0.15;
    options.sentiment_labels.negative_threshold = -0.15;
    store = parley::open_sqlite_store(path.string(), options);
    using parley::UserRole;
    const auto admin = parley::Viewer::administrator("adm");
    const std::vector<parley::User> users = {user("adm", "Ada Admin", UserRole::administrator, ""),
                                             user("dir", "Dora Director", UserRole::manager, ""),
                                             user("m1", "Mads Manager", UserRole::manager, "dir"),
                                             user("m2", "Mia Manager", UserRole::manager, "dir"),
                                             user("s1", "Alice Berg", UserRole::seller, "m1"),
                                             user("s2", "Bruno Costa", UserRole::seller, "m1"),
                                             user("s3", "Chiara Dini", UserRole::seller, "m2")};
    store->put_users(admin, users);
    std::vector<parley::CallWithAnalysis> calls;
    for (const auto& spec : call_specs()) calls.push_back(make_call(spec));
    store->ingest_calls(admin, calls, now - 3'600'000);  // `analysed` events an hour before now
    using parley::OpportunityStatus;
    store->put_opportunities(
        admin,
        std::vector<parley::Opportunity>{
            opportunity("o1", "s1", OpportunityStatus::won, 28'000, 30'000, utc(2026, 9, 1),
                        utc(2026, 11, 8)),
            opportunity("o2", "s1", OpportunityStatus::lost, 15'000, 0, utc(2026, 9, 5), utc(2026, 11, 15)),
            opportunity("o3", "s2", OpportunityStatus::won, 12'000, 10'000, utc(2026, 10, 1),
                        utc(2026, 11, 18)),
            opportunity("o4", "s2", OpportunityStatus::open, 50'000, 0, utc(2026, 9, 1), std::nullopt),
            opportunity("o5", "s1", OpportunityStatus::won, 20'000, 20'000, utc(2026, 8, 1),
                        utc(2026, 10, 10)),
            opportunity("o6", "s3", OpportunityStatus::won, 90'000, 99'999, utc(2026, 8, 1),
                        utc(2026, 11, 2)),
            opportunity("o7", "s1", OpportunityStatus::open, 25'000, 0, utc(2026, 11, 1), std::nullopt)});
    using parley::ActivityDirection;
    using parley::ActivityType;
    store->put_activities(
        admin,
        std::vector<parley::Activity>{
            activity("a1", "s1", ActivityType::email, ActivityDirection::sent, utc(2026, 11, 4, 9), 0),
            activity("a2", "s1", ActivityType::email, ActivityDirection::received, utc(2026, 11, 4, 11), 0),
            activity("a3", "s2", ActivityType::meeting, ActivityDirection::sent, utc(2026, 11, 6, 10),
                     60 * minute),
            activity("a4", "s1", ActivityType::phone_call, ActivityDirection::sent, utc(2026, 11, 7, 10),
                     30 * minute),
            activity("a5", "s2", ActivityType::meeting, ActivityDirection::sent, utc(2026, 11, 25, 10),
                     60 * minute)});
    parley::Comment note;
    note.call_id = "c1";
    note.created_ms = utc(2026, 11, 4);
    note.offset_ms = 10'000;
    note.segment_index = 1;
    note.text = "Good discovery question.";
    store->add_comment(parley::Viewer::manager("m1"), note);
    note.call_id = "c3";
    note.text = "Let the customer finish.";
    store->add_comment(parley::Viewer::manager("m1"), note);
    store->log_processing(
        admin, {"c-bad", "s1", parley::ProcessingStatus::failed, "unsupported language", now - 7'200'000});
  }
  ~FixtureStore() {
    store.reset();
    cleanup();
  }
  void cleanup() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix, ignored);
  }
};

inline parley::InsightOptions this_month() {
  parley::InsightOptions options;
  options.period.kind = parley::PeriodKind::this_month;
  options.period.time_zone = "UTC";
  options.period.locale = "en-US";
  options.now_utc_ms = now;
  return options;
}

}  // namespace fixture
