// Every relationship KPI of one account with 100,000 activities (target: within 3x of a bare SQLite
// scan of the same rows, measured in the same run), the similar-won refresh over 100,000
// opportunities against a bare scan of its rows, and what each step of them costs.
//
//   (a) BM_account_kpis: Store::activities(viewer, {account_id}) + relationship_kpis +
//       relationship_health + to_json of both; with the default options, and with business-hours
//       response times on (every party has a time zone).
//   (b) BM_bare_sqlite_scan: sqlite3 calls only, no objects: the account's activity rows (every
//       column, in the store's order) and the rows of the three tables the store reads with them
//       (parties, references, engagement), joined on the account; each column read by its type.
//   The steps of (a) on their own: BM_store_activities, BM_relationship_kpis, BM_relationship_health,
//   BM_relationship_to_json (the last three on activities read once, in memory).
//   (c) BM_similar_won: what parley_store_similar_won does: Store::opportunities and
//       Store::activities (everything the viewer sees), refresh_features, similar_won (k = 5) for
//       one open opportunity, to_json.
//   (d) BM_bare_sqlite_scan_opportunities: every opportunity row, every activity row and the rows of
//       its three child tables, bare as in (b).
//   The steps of (c): BM_store_opportunities_and_activities, BM_refresh_features (in memory).
//
// Data, deterministic (one seed): the account acc-northwind, 100,000 activities over the two years
// before "now" (a few meetings scheduled after it): email threads both ways with Message-IDs,
// In-Reply-To and References chains (some replies without In-Reply-To, some to an older message of
// the thread, duplicates stored twice, automatic replies, tracked emails with engagement), meetings
// and phone calls; 6 sellers, 10 contacts, 20 opportunities. A second account (acc-contoso, 20,000
// activities) shares the table, so both sides filter. For (c) and (d), a second file: 100,000
// opportunities of 2,000 accounts (40 % won, 30 % lost, 30 % open), each with 0..4 activities of
// its own made the same way (about 200,000 in all). The SQLite files are built once and reused
// while they exist (PARLEY_BENCH_RELATIONSHIP_DB and PARLEY_BENCH_OPPORTUNITIES_DB, default
// relationship_100k.sqlite and opportunities_100k.sqlite in the benchmarks' build directory;
// delete them after changing the generator or the store schema).
//
// Repetitions run interleaved in random order (the machine's other load falls on every benchmark
// alike, 7 by default); the program ends with each benchmark's median against its peer's.
//
//   cmake --preset release -B build/rel -DPARLEY_BUILD_BENCHMARKS=ON
//   cmake --build build/rel --target bench_relationship -j2
//   build/rel/benchmarks/bench_relationship
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "parley/relationship.hpp"
#include "parley/store.hpp"

namespace {

using parley::Activity;
using parley::ActivityDirection;
using parley::ActivityParty;
using parley::ActivityType;

constexpr std::int64_t now_ms = 1'795'392'000'000;  // 2026-11-23T00:00Z
constexpr std::int64_t minute_ms = 60'000;
constexpr std::int64_t day_ms = 86'400'000;
constexpr std::int64_t span_ms = 730 * day_ms;  // two years before now
constexpr int account_activities = 100'000;
constexpr int other_account_activities = 20'000;
const char* const account_id = "acc-northwind";

constexpr int opportunity_count = 100'000;
constexpr int opportunity_accounts = 2'000;

std::string database_path() {
  const char* configured = std::getenv("PARLEY_BENCH_RELATIONSHIP_DB");
  return configured != nullptr && *configured != '\0' ? configured
                                                      : PARLEY_BENCH_BUILD_DIR "/relationship_100k.sqlite";
}

std::string opportunities_database_path() {
  const char* configured = std::getenv("PARLEY_BENCH_OPPORTUNITIES_DB");
  return configured != nullptr && *configured != '\0' ? configured
                                                      : PARLEY_BENCH_BUILD_DIR "/opportunities_100k.sqlite";
}

// splitmix64: 64 bits per draw, so that an instant anywhere in two years can be drawn.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::int64_t below(std::int64_t n) {
    return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n));
  }
  bool percent(int p) { return below(100) < p; }

 private:
  std::uint64_t state_;
};

struct Person {
  ActivityParty party;
  bool ours = false;
};

// One account's people: sellers on our side, contacts on the customer's.
struct Cast {
  std::vector<Person> sellers, contacts;
  std::string domain;
};

Cast make_cast(const std::string& prefix, const std::string& domain) {
  static const char* const seller_names[] = {"Anna Kowalska",    "Mikkel Holm", "Ji-woo Park",
                                             "Olena Shevchenko", "Wei Zhang",   "Freja Nielsen"};
  static const char* const seller_zones[] = {"Europe/Warsaw", "Europe/Copenhagen", "Asia/Seoul",
                                             "Europe/Kyiv",   "Asia/Shanghai",     "Europe/Copenhagen"};
  static const char* const contact_names[] = {
      "Piotr Nowak",  "Lars Jensen",      "Min-seo Kim", "Taras Bondar", "Li Na",
      "Sofie Madsen", "Marta Wiśniewska", "Hyun Lee",    "Dmytro Koval", "Chen Wei"};
  static const char* const contact_zones[] = {
      "Europe/Warsaw",    "Europe/Copenhagen", "Asia/Seoul", "Europe/Kyiv", "Asia/Shanghai",
      "America/New_York", "Europe/Warsaw",     "Asia/Seoul", "Europe/Kyiv", "Asia/Shanghai"};
  Cast cast;
  cast.domain = domain;
  for (int i = 0; i < 6; ++i) {
    const std::string id = "u-s" + std::to_string(i + 1);
    cast.sellers.push_back({{id, seller_names[i], id + "@parley.example", seller_zones[i]}, true});
  }
  for (int i = 0; i < 10; ++i) {
    const std::string id = prefix + "c" + std::to_string(i + 1);
    cast.contacts.push_back({{id, contact_names[i], id + "@" + domain, contact_zones[i]}, false});
  }
  return cast;
}

// Builds one account's activities, episode by episode: an email thread, a meeting or a call.
class Generator {
 public:
  Generator(std::uint64_t seed, std::string account, std::string prefix, Cast cast)
      : random_(seed), account_(std::move(account)), prefix_(std::move(prefix)), cast_(std::move(cast)) {}

  std::vector<Activity> generate(int count) {
    std::vector<Activity> out;
    out.reserve(static_cast<std::size_t>(count) + 8);
    while (static_cast<int>(out.size()) < count) {
      const std::int64_t kind = random_.below(100);
      if (kind < 70) {
        thread(out, count);
      } else if (kind < 85) {
        out.push_back(meeting());
      } else {
        out.push_back(call());
      }
    }
    out.resize(static_cast<std::size_t>(count));
    return out;
  }

 private:
  const Person& seller() { return cast_.sellers[static_cast<std::size_t>(random_.below(6))]; }
  const Person& contact() { return cast_.contacts[static_cast<std::size_t>(random_.below(10))]; }
  // Another seller than `our`.
  const ActivityParty& colleague(const Person& our) {
    const Person* other = &seller();
    while (other == &our) other = &seller();
    return other->party;
  }

  Activity base(ActivityType type, std::int64_t at, const Person& initiator, const Person& our,
                const Person& theirs) {
    Activity a;
    a.id = prefix_ + "a" + std::to_string(++serial_);
    a.type = type;
    a.direction = initiator.ours ? ActivityDirection::sent : ActivityDirection::received;
    a.owner_id = our.party.id;
    a.initiator_id = initiator.party.id;
    a.timestamp_ms = at;
    a.our_side.push_back(our.party);
    a.customer_side.push_back(theirs.party);
    a.account_id = account_;
    a.contact_id = theirs.party.id;
    if (random_.percent(60)) a.opportunity_id = prefix_ + "opp-" + std::to_string(1 + random_.below(20));
    return a;
  }

  std::int64_t past_instant() { return now_ms - span_ms + random_.below(span_ms - 2 * day_ms); }

  // A thread of 1..6 emails between one seller and one contact, alternating sides mostly.
  void thread(std::vector<Activity>& out, int count) {
    static const char* const topics[] = {
        "Pricing for next quarter", "Onboarding plan",        "Security review",       "Renewal terms",
        "Integration questions",    "Oferta na licencje",     "Tilbud på opgradering", "견적 요청",
        "关于续约的问题",           "Питання щодо інтеграції"};
    const Person& our = seller();
    const Person& theirs = contact();
    const std::string topic = topics[random_.below(10)];
    const std::int64_t length = 1 + random_.below(6);
    std::int64_t at = past_instant();
    bool from_us = random_.percent(55);
    std::vector<std::size_t> in_thread;  // indexes into out
    const std::string thread_id = random_.percent(70) ? prefix_ + "t" + std::to_string(serial_) : "";
    for (std::int64_t i = 0; i < length && static_cast<int>(out.size()) < count; ++i) {
      const Person& sender = from_us ? our : theirs;
      Activity a = base(ActivityType::email, at, sender, our, theirs);
      a.thread_id = thread_id;
      a.message_id = "<" + a.id + "." + std::to_string(at) + "@" +
                     (from_us ? std::string("parley.example") : cast_.domain) + ">";
      a.subject = i == 0 ? topic : (from_us ? "Re: " : (random_.percent(50) ? "AW: " : "RE: ")) + topic;
      if (random_.percent(15)) a.our_side.push_back(colleague(our));  // in copy
      if (i > 0) {
        // Usually the latest message; sometimes an older one of the thread.
        std::size_t parent = in_thread.back();
        if (in_thread.size() > 1 && random_.percent(10))
          parent =
              in_thread[static_cast<std::size_t>(random_.below(static_cast<std::int64_t>(in_thread.size())))];
        if (random_.percent(85)) {  // else an export without In-Reply-To: the subject decides
          a.in_reply_to = out[parent].message_id;
          a.references = out[parent].references;
          a.references.push_back(out[parent].message_id);
        }
      }
      if (!from_us && i > 0 && random_.percent(3)) {
        a.automatic_reply = true;
        a.subject = "Out of office: " + topic;
      }
      if (from_us && random_.percent(35)) {
        a.tracked = true;
        if (random_.percent(75))
          a.engagement.push_back({parley::EngagementKind::opened, at + 20 * minute_ms});
        if (random_.percent(20))
          a.engagement.push_back({parley::EngagementKind::link_clicked, at + 25 * minute_ms});
        if (random_.percent(10))
          a.engagement.push_back({parley::EngagementKind::attachment_viewed, at + 30 * minute_ms});
      }
      in_thread.push_back(out.size());
      out.push_back(std::move(a));
      if (random_.percent(1) && static_cast<int>(out.size()) < count) {
        // The same message stored from a second folder under another Message-ID.
        Activity copy = out.back();
        copy.id = prefix_ + "a" + std::to_string(++serial_);
        copy.message_id = "<copy." + copy.id + "@parley.example>";
        copy.timestamp_ms += 400;
        copy.tracked = false;
        copy.engagement.clear();
        out.push_back(std::move(copy));
      }
      at += 5 * minute_ms + random_.below(3 * day_ms);
      if (at >= now_ms) break;
      if (random_.percent(80)) from_us = !from_us;  // else a follow-up from the same side
    }
  }

  Activity meeting() {
    const Person& our = seller();
    const Person& theirs = contact();
    const bool ours = random_.percent(70);
    // About 1 in 200 meetings is scheduled in the next 30 days.
    const std::int64_t at =
        random_.percent(1) && random_.percent(50) ? now_ms + random_.below(30 * day_ms) : past_instant();
    Activity a = base(ActivityType::meeting, at - at % (15 * minute_ms), ours ? our : theirs, our, theirs);
    a.duration_ms = (30 + 15 * random_.below(4)) * minute_ms;
    a.subject = "Meeting: review";
    if (random_.percent(40)) a.our_side.push_back(colleague(our));
    for (std::int64_t extra = random_.below(3); extra > 0; --extra) {
      const ActivityParty& more = contact().party;
      if (std::none_of(a.customer_side.begin(), a.customer_side.end(),
                       [&](const ActivityParty& p) { return p.id == more.id; }))
        a.customer_side.push_back(more);
    }
    return a;
  }

  Activity call() {
    const Person& our = seller();
    const Person& theirs = contact();
    const bool ours = random_.percent(65);
    Activity a = base(ActivityType::phone_call, past_instant(), ours ? our : theirs, our, theirs);
    a.duration_ms = (2 + random_.below(39)) * minute_ms;
    return a;
  }

  Random random_;
  std::string account_, prefix_;
  Cast cast_;
  std::int64_t serial_ = 0;
};

// A store file at `path` with the admin, the lead and the sellers, filled by `fill(store, admin)`;
// written under another name and renamed when complete, so an interrupted build is never reused.
template <typename Fill>
void build_store_file(const std::string& path, Fill fill) {
  const std::string building = path + ".building";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(building + suffix);
  {
    parley::SqliteStoreOptions options;
    options.durable_commits = false;
    auto store = parley::open_sqlite_store(building, options);
    const auto admin = parley::Viewer::administrator("u-admin");
    std::vector<parley::User> users = {{"u-admin", "Admin", "", parley::UserRole::administrator, "", ""},
                                       {"u-lead", "Sales lead", "", parley::UserRole::manager, "", ""}};
    for (const Person& seller : make_cast("", "").sellers)
      users.push_back({seller.party.id, seller.party.display_name, seller.party.email,
                       parley::UserRole::seller, "u-lead", seller.party.time_zone});
    store->put_users(admin, users);
    fill(*store, admin);
  }
  std::filesystem::rename(building, path);
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(building + suffix);
}

void build_database(const std::string& path) {
  build_store_file(path, [](parley::Store& store, const parley::Viewer& admin) {
    const std::vector<Activity> account =
        Generator(14, account_id, "", make_cast("nw-", "northwind.example")).generate(account_activities);
    const std::vector<Activity> other =
        Generator(15, "acc-contoso", "ct-", make_cast("ct-", "contoso.example"))
            .generate(other_account_activities);
    store.put_activities(admin, account);
    store.put_activities(admin, other);
  });
}

// 100,000 opportunities of 2,000 accounts (50 each): 40 % won, 30 % lost, 30 % open; each with
// 0..4 activities of its own (episodes as above: a thread, a meeting or a call), created a few days
// before its first activity and, once won or lost, closed a few days after its last.
void build_opportunities_database(const std::string& path) {
  build_store_file(path, [](parley::Store& store, const parley::Viewer& admin) {
    Random random(16);
    std::vector<parley::Opportunity> opportunities;
    std::vector<Activity> activities;
    for (int account = 0; account < opportunity_accounts; ++account) {
      const std::string account_name = "acc-" + std::to_string(account + 1);
      const Cast cast = make_cast(account_name + "-", account_name + ".example");
      for (int n = 0; n < opportunity_count / opportunity_accounts; ++n) {
        parley::Opportunity o;
        o.id = account_name + "-opp-" + std::to_string(n + 1);
        o.name = "Deal " + std::to_string(n + 1);
        o.account_id = account_name;
        o.owner_id = "u-s" + std::to_string(1 + random.below(6));
        const std::int64_t status = random.below(10);
        o.status = status < 4   ? parley::OpportunityStatus::won
                   : status < 7 ? parley::OpportunityStatus::lost
                                : parley::OpportunityStatus::open;
        o.estimated_revenue = static_cast<double>(1'000 + random.below(200'000));
        if (o.status == parley::OpportunityStatus::won)
          o.actual_revenue = o.estimated_revenue * static_cast<double>(70 + random.below(50)) / 100.0;
        o.currency = "EUR";
        std::vector<Activity> own = Generator(random.next(), account_name, o.id + "-", cast)
                                        .generate(static_cast<int>(random.below(5)));
        std::int64_t first = own.empty() ? now_ms - random.below(span_ms) : own.front().timestamp_ms;
        std::int64_t last = first;
        for (Activity& a : own) {
          a.opportunity_id = o.id;
          first = std::min(first, a.timestamp_ms);
          last = std::max(last, a.timestamp_ms);
        }
        o.created_ms = first - (1 + random.below(10)) * day_ms;
        if (o.status != parley::OpportunityStatus::open)
          o.closed_ms = std::min(now_ms, last + random.below(20) * day_ms);
        opportunities.push_back(std::move(o));
        for (Activity& a : own) activities.push_back(std::move(a));
      }
    }
    store.put_opportunities(admin, opportunities);
    store.put_activities(admin, activities);
  });
}

// The store at `path`, built by `build` when the file does not exist.
std::unique_ptr<parley::Store> open_or_build(const std::string& path, const char* what,
                                             void (*build)(const std::string&)) {
  if (std::filesystem::exists(path)) {
    std::fprintf(stderr, "bench_relationship: reusing %s (delete it to rebuild)\n", path.c_str());
  } else {
    std::fprintf(stderr, "bench_relationship: building %s: %s, once\n", path.c_str(), what);
    const auto started = std::chrono::steady_clock::now();
    build(path);
    std::fprintf(stderr, "bench_relationship: built in %.0f s\n",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
  return parley::open_sqlite_store(path);
}

parley::Store& shared_store() {
  static std::unique_ptr<parley::Store> store =
      open_or_build(database_path(), "100,000 + 20,000 activities", build_database);
  return *store;
}

parley::Store& opportunities_store() {
  static std::unique_ptr<parley::Store> store =
      open_or_build(opportunities_database_path(), "100,000 opportunities and their activities",
                    build_opportunities_database);
  return *store;
}

const parley::Viewer& viewer() {
  static const parley::Viewer lead = parley::Viewer::manager("u-lead");
  return lead;
}

parley::ActivityFilter account_filter() {
  parley::ActivityFilter filter;
  filter.account_id = account_id;
  return filter;
}

parley::RelationshipOptions relationship_options(bool business_hours) {
  parley::RelationshipOptions options;
  options.time_zone = "Europe/Copenhagen";
  options.business_hours_only = business_hours;
  return options;
}

// The account's activities read once, for the steps measured in memory.
const std::vector<Activity>& account_activities_in_memory() {
  static const std::vector<Activity> activities = shared_store().activities(viewer(), account_filter());
  return activities;
}

// (a) The whole page: read, KPIs, health, JSON.
void BM_account_kpis(benchmark::State& state, bool business_hours) {
  parley::Store& store = shared_store();
  const auto options = relationship_options(business_hours);
  const parley::HealthOptions health_options;
  std::size_t activities = 0, json_bytes = 0;
  parley::RelationshipKpis kpis;
  std::int32_t score = 0;
  for (auto _ : state) {
    const std::vector<Activity> rows = store.activities(viewer(), account_filter());
    kpis = parley::relationship_kpis(rows, options, now_ms);
    const parley::RelationshipHealth health =
        parley::relationship_health(rows, options, health_options, now_ms);
    const std::string json = parley::to_json(kpis) + parley::to_json(health);
    activities = rows.size();
    json_bytes = json.size();
    score = health.score;
    benchmark::DoNotOptimize(json.data());
  }
  // What the data holds, as the KPIs see it.
  state.counters["activities"] = static_cast<double>(activities);
  state.counters["replies"] = static_cast<double>(kpis.threading.replies.size());
  state.counters["responses"] = static_cast<double>(kpis.threading.responses.size());
  state.counters["duplicates"] = static_cast<double>(kpis.threading.duplicates);
  state.counters["auto_replies"] = static_cast<double>(kpis.threading.automatic_replies);
  state.counters["health"] = score;
  state.counters["json_bytes"] = static_cast<double>(json_bytes);
}

// Bare sqlite3 calls, no objects: each query's rows in one read transaction, each column read by
// its type. Counters: the first query's rows and all rows.
void bare_scan(benchmark::State& state, const std::string& path, const std::vector<const char*>& queries,
               const char* bound) {
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    state.SkipWithError("cannot open the database");
    sqlite3_close(raw);
    return;
  }
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, &sqlite3_close);
  sqlite3_exec(db.get(), "PRAGMA cache_size = -16384", nullptr, nullptr, nullptr);  // the store's default
  std::vector<sqlite3_stmt*> statements;
  for (const char* sql : queries) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db.get(), sql, -1, &stmt, nullptr) != SQLITE_OK) {
      state.SkipWithError(sqlite3_errmsg(db.get()));
      for (sqlite3_stmt* s : statements) sqlite3_finalize(s);
      return;
    }
    statements.push_back(stmt);
  }
  std::int64_t rows = 0, first_rows = 0;
  for (auto _ : state) {
    rows = 0;
    sqlite3_exec(db.get(), "BEGIN", nullptr, nullptr, nullptr);  // one snapshot, as the store reads
    for (sqlite3_stmt* stmt : statements) {
      if (bound != nullptr) sqlite3_bind_text(stmt, 1, bound, -1, SQLITE_STATIC);
      while (sqlite3_step(stmt) == SQLITE_ROW) {
        const int columns = sqlite3_column_count(stmt);
        for (int i = 0; i < columns; ++i) {
          if (sqlite3_column_type(stmt, i) == SQLITE_INTEGER) {
            benchmark::DoNotOptimize(sqlite3_column_int64(stmt, i));
          } else if (sqlite3_column_type(stmt, i) == SQLITE_FLOAT) {
            benchmark::DoNotOptimize(sqlite3_column_double(stmt, i));
          } else {
            benchmark::DoNotOptimize(sqlite3_column_text(stmt, i));
            benchmark::DoNotOptimize(sqlite3_column_bytes(stmt, i));
          }
        }
        ++rows;
      }
      sqlite3_reset(stmt);
      if (stmt == statements.front()) first_rows = rows;
    }
    sqlite3_exec(db.get(), "COMMIT", nullptr, nullptr, nullptr);
  }
  for (sqlite3_stmt* s : statements) sqlite3_finalize(s);
  state.counters["first_rows"] = static_cast<double>(first_rows);
  state.counters["rows"] = static_cast<double>(rows);
}

// (b) The peer: the account's rows with bare sqlite3 calls.
void BM_bare_sqlite_scan(benchmark::State& state) {
  (void)shared_store();
  bare_scan(
      state, database_path(),
      {"SELECT activity_key, id, type, direction, owner_id, initiator_id, timestamp_ms, duration_ms, "
       "subject, thread_id, message_id, in_reply_to, automatic_reply, tracked, account_id, contact_id, "
       "lead_id, opportunity_id, attachment_count FROM activities WHERE account_id = ?1 ORDER BY "
       "timestamp_ms, id",
       "SELECT p.activity_key, p.side, p.idx, p.party_id, p.display_name, p.email, p.time_zone FROM "
       "activities a JOIN activity_parties p ON p.activity_key = a.activity_key WHERE a.account_id = ?1",
       "SELECT r.activity_key, r.idx, r.message_id FROM activities a JOIN activity_references r ON "
       "r.activity_key = a.activity_key WHERE a.account_id = ?1",
       "SELECT e.activity_key, e.idx, e.kind, e.time_ms FROM activities a JOIN activity_engagement e ON "
       "e.activity_key = a.activity_key WHERE a.account_id = ?1"},
      account_id);
}

// (c) Similar won: read every opportunity and activity the lead may see, refresh the feature
// matrix, the 5 won deals nearest to one open opportunity, and its JSON.
const std::string& open_opportunity_id() {
  static const std::string id = [] {
    for (const parley::Opportunity& o : opportunities_store().opportunities(viewer(), {}))
      if (o.status == parley::OpportunityStatus::open) return o.id;
    return std::string();
  }();
  return id;
}

void BM_similar_won(benchmark::State& state) {
  parley::Store& store = opportunities_store();
  const auto options = relationship_options(false);
  std::size_t rows = 0, activities = 0, json_bytes = 0;
  std::int64_t won = 0;
  for (auto _ : state) {
    const std::vector<parley::Opportunity> opportunities = store.opportunities(viewer(), {});
    const std::vector<Activity> all = store.activities(viewer(), {});
    const parley::FeatureMatrix matrix = parley::refresh_features(opportunities, all, options, now_ms);
    const parley::SimilarWon similar = parley::similar_won(matrix, open_opportunity_id(), 5);
    const std::string json = parley::to_json(similar);
    rows = matrix.rows.size();
    activities = all.size();
    won = similar.used_won_deals;
    json_bytes = json.size();
    benchmark::DoNotOptimize(json.data());
  }
  state.counters["opportunities"] = static_cast<double>(rows);
  state.counters["activities"] = static_cast<double>(activities);
  state.counters["won"] = static_cast<double>(won);
  state.counters["json_bytes"] = static_cast<double>(json_bytes);
}

// (d) Its peer: every opportunity row and every activity row with its child rows, bare.
void BM_bare_sqlite_scan_opportunities(benchmark::State& state) {
  (void)opportunities_store();
  bare_scan(state, opportunities_database_path(),
            {"SELECT id, name, account_id, owner_id, status, estimated_revenue, actual_revenue, currency, "
             "created_ms, closed_ms FROM opportunities ORDER BY created_ms, id",
             "SELECT activity_key, id, type, direction, owner_id, initiator_id, timestamp_ms, duration_ms, "
             "subject, thread_id, message_id, in_reply_to, automatic_reply, tracked, account_id, contact_id, "
             "lead_id, opportunity_id, attachment_count FROM activities ORDER BY timestamp_ms, id",
             "SELECT activity_key, side, idx, party_id, display_name, email, time_zone FROM activity_parties",
             "SELECT activity_key, idx, message_id FROM activity_references",
             "SELECT activity_key, idx, kind, time_ms FROM activity_engagement"},
            nullptr);
}

// The steps of (c) on their own.
void BM_store_opportunities_and_activities(benchmark::State& state) {
  parley::Store& store = opportunities_store();
  for (auto _ : state) {
    benchmark::DoNotOptimize(store.opportunities(viewer(), {}));
    benchmark::DoNotOptimize(store.activities(viewer(), {}));
  }
}

void BM_refresh_features(benchmark::State& state) {
  parley::Store& store = opportunities_store();
  static const std::vector<parley::Opportunity> opportunities = store.opportunities(viewer(), {});
  static const std::vector<Activity> all = store.activities(viewer(), {});
  const auto options = relationship_options(false);
  for (auto _ : state)
    benchmark::DoNotOptimize(parley::refresh_features(opportunities, all, options, now_ms));
}

// The steps of (a) on their own.
void BM_store_activities(benchmark::State& state) {
  parley::Store& store = shared_store();
  for (auto _ : state) benchmark::DoNotOptimize(store.activities(viewer(), account_filter()));
}

void BM_relationship_kpis(benchmark::State& state, bool business_hours) {
  const std::vector<Activity>& rows = account_activities_in_memory();
  const auto options = relationship_options(business_hours);
  for (auto _ : state) benchmark::DoNotOptimize(parley::relationship_kpis(rows, options, now_ms));
}

void BM_relationship_health(benchmark::State& state) {
  const std::vector<Activity>& rows = account_activities_in_memory();
  const auto options = relationship_options(false);
  const parley::HealthOptions health_options;
  for (auto _ : state)
    benchmark::DoNotOptimize(parley::relationship_health(rows, options, health_options, now_ms));
}

void BM_relationship_to_json(benchmark::State& state) {
  const std::vector<Activity>& rows = account_activities_in_memory();
  const auto options = relationship_options(true);
  const parley::RelationshipKpis kpis = parley::relationship_kpis(rows, options, now_ms);
  const parley::RelationshipHealth health =
      parley::relationship_health(rows, options, parley::HealthOptions{}, now_ms);
  for (auto _ : state) benchmark::DoNotOptimize(parley::to_json(kpis) + parley::to_json(health));
}

// The console report, then each benchmark's median against the bare scan's, in real and CPU time.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  RatioReporter() : ConsoleReporter(isatty(fileno(stdout)) ? OO_ColorTabular : OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& reports) override {
    for (const Run& run : reports) {
      if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
      const std::string name =
          run.run_name.function_name + (run.run_name.args.empty() ? "" : "/" + run.run_name.args);
      real_[name].push_back(run.GetAdjustedRealTime());
      cpu_[name].push_back(run.GetAdjustedCPUTime());
    }
    ConsoleReporter::ReportRuns(reports);
  }

  // Each benchmark against its peer: the similar-won ones against the bare scan of the
  // opportunities and activities, the others against the bare scan of the account.
  static std::string peer_of(const std::string& name) {
    for (const char* similar : {"BM_similar_won", "BM_bare_sqlite_scan_opportunities",
                                "BM_store_opportunities_and_activities", "BM_refresh_features"})
      if (name == similar) return "BM_bare_sqlite_scan_opportunities";
    return "BM_bare_sqlite_scan";
  }

  void print_ratios() const {
    std::printf("\nMedians of the interleaved repetitions, each against its peer (target for (a): <= 3x)\n");
    std::printf("  %-40s %-34s %10s %10s %8s %8s\n", "", "peer", "real ms", "CPU ms", "real", "CPU");
    for (const auto& [name, times] : real_) {
      const std::string peer = peer_of(name);
      if (median(real_, peer) <= 0) continue;
      std::printf("  %-40s %-34s %10.1f %10.1f %7.2fx %7.2fx\n", name.c_str(), peer.c_str(),
                  median(real_, name), median(cpu_, name), median(real_, name) / median(real_, peer),
                  median(cpu_, name) / median(cpu_, peer));
    }
  }

 private:
  using Times = std::map<std::string, std::vector<double>>;

  static double median(const Times& times, const std::string& name) {
    auto found = times.find(name);
    if (found == times.end() || found->second.empty()) return 0;
    std::vector<double> values = found->second;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  Times real_, cpu_;
};

}  // namespace

BENCHMARK_CAPTURE(BM_account_kpis, default_options, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_account_kpis, business_hours, true)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_bare_sqlite_scan)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_store_activities)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_relationship_kpis, default_options, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_relationship_kpis, business_hours, true)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_relationship_health)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_relationship_to_json)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_similar_won)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_bare_sqlite_scan_opportunities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_store_opportunities_and_activities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_refresh_features)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
  try {
    (void)shared_store();  // builds the files before any timing
    (void)opportunities_store();
  } catch (const std::exception& error) {
    std::fprintf(stderr, "bench_relationship: %s\n", error.what());
    return 1;
  }
  // Defaults that the command line may override (a later flag wins).
  std::vector<char*> arguments = {argv[0]};
  std::string interleave = "--benchmark_enable_random_interleaving=true",
              repetitions = "--benchmark_repetitions=7";
  arguments.push_back(interleave.data());
  arguments.push_back(repetitions.data());
  for (int i = 1; i < argc; ++i) arguments.push_back(argv[i]);
  int argument_count = static_cast<int>(arguments.size());
  benchmark::Initialize(&argument_count, arguments.data());
  if (benchmark::ReportUnrecognizedArguments(argument_count, arguments.data())) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.print_ratios();
  benchmark::Shutdown();
  return 0;
}
