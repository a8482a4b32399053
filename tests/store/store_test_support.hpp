#pragma once
// Shared fixtures of the store tests: a temporary store file, a small organisation and generated
// calls whose row counts are known in advance.
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "parley/error.hpp"
#include "parley/store.hpp"

namespace store_test {

// A fresh directory under the system temp dir, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("parley_store_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline const parley::Viewer admin = parley::Viewer::administrator("admin");

// admin; dir (manager) -> m1, m2 (managers) -> s1, s2 under m1; s3 under m2.
inline std::vector<parley::User> organisation() {
  using parley::UserRole;
  return {
      {"admin", "Ada Admin", "ada@example.com", UserRole::administrator, "", "UTC"},
      {"dir", "Dana Director", "dana@example.com", UserRole::manager, "", "Europe/Copenhagen"},
      {"m1", "Mia Manager", "mia@example.com", UserRole::manager, "dir", ""},
      {"m2", "Max Manager", "max@example.com", UserRole::manager, "dir", ""},
      {"s1", "Sam Seller", "sam@example.com", UserRole::seller, "m1", ""},
      {"s2", "Sue Seller", "sue@example.com", UserRole::seller, "m1", ""},
      {"s3", "Sid Seller", "sid@example.com", UserRole::seller, "m2", ""},
  };
}

constexpr std::int64_t day_ms = 86'400'000;
constexpr std::int64_t t0 = 1'790'000'000'000;  // 2026-09-21, an arbitrary fixed instant

// A fresh store file in `dir` with the organisation's users (no durable commits: tests only).
inline std::unique_ptr<parley::Store> open_fresh(const TempDir& dir, const std::string& name = "org.db") {
  parley::SqliteStoreOptions options;
  options.durable_commits = false;
  auto store = parley::open_sqlite_store(dir.file(name), options);
  auto users = organisation();
  store->put_users(admin, users);
  return store;
}

// A call of `seller` with `segments` alternating seller/customer segments (2 s each), one term
// hit per 3 segments (keyword "pricing" by the customer), one brand, one price and one action item.
inline parley::CallWithAnalysis make_call(const std::string& id, const std::string& seller,
                                          std::int64_t start_ms, int segments = 6,
                                          const std::string& contact = "contact-1",
                                          const std::string& brand = "contoso") {
  parley::CallWithAnalysis item;
  parley::Call& call = item.call;
  call.id = id;
  call.start_time_ms = start_ms;
  call.duration_ms = 2000LL * segments;
  call.language = "en-US";
  call.owner_seller_id = seller;
  call.account_id = "account-1";
  call.contact_id = contact;
  call.participants = {{"spk_0", "Seller", parley::Role::seller, seller},
                       {"spk_1", "Customer", parley::Role::customer, contact}};
  for (int i = 0; i < segments; ++i) {
    parley::Segment s;
    s.speaker = static_cast<std::uint32_t>(i % 2);
    s.start_ms = 2000LL * i;
    s.end_ms = 2000LL * i + 1900;
    s.text = "segment " + std::to_string(i) + " of " + id + " — pricing";
    if (i == 0) s.words = {{0, 500, "segment", 0.9}, {600, 900, "0", std::nullopt}};
    call.segments.push_back(std::move(s));
  }
  parley::CallAnalysisRecord& a = item.analysis;
  a.metrics.talk_ratio = 0.5;
  a.metrics.seller_talk_ms = 950LL * segments;
  a.metrics.customer_talk_ms = 950LL * segments;
  a.metrics.switches = segments - 1;
  a.metrics.switch_rate_per_hour = 100.0;
  a.metrics.average_pause_ms = 100.0;
  a.metrics.seller_longest_monologue_ms = 1900;
  a.metrics.seller_questions = 2;
  a.customer_sentiment = {0.25, "positive"};
  a.seller_sentiment = {0.0, "neutral"};
  for (int i = 1; i < segments; i += 3) {
    a.term_hits.push_back({"pricing", parley::TermKind::keyword, parley::Role::customer,
                           static_cast<std::uint32_t>(i), 2000LL * i});
  }
  if (!brand.empty()) a.brands.push_back({brand, "Contoso", 2});
  a.prices.push_back({1200.0, "USD", "$1,200", 0, 100});
  a.action_items.push_back({0, "I'll send you the proposal"});
  a.extra_metrics.push_back({"filler_words", 3.0});
  return item;
}

inline parley::TermScope team_scope(std::string manager_id) {
  return {parley::TermScope::Level::team, std::move(manager_id)};
}

// A term list whose terms (name and variants) all have `kind` and the list's scope.
inline parley::TermList term_list(
    std::string id, std::string name, const parley::TermScope& scope, parley::TermKind kind,
    const std::vector<std::pair<std::string, std::vector<std::string>>>& terms) {
  parley::TermList list{std::move(id), std::move(name), scope, {}};
  for (const auto& [term_name, variants] : terms) {
    parley::TrackedTerm term;
    term.name = term_name;
    term.kind = kind;
    term.variants = variants;
    term.scope = scope;
    list.terms.push_back(std::move(term));
  }
  return list;
}

// Runs `action`; requires it to throw not_permitted (allowed == false) or not to throw.
template <typename Action>
void expect_access(bool allowed, const std::string& label, Action&& action) {
  INFO(label);
  if (allowed) {
    CHECK_NOTHROW(action());
  } else {
    try {
      action();
      FAIL_CHECK("expected not_permitted");
    } catch (const parley::Error& error) {
      CHECK_MESSAGE(error.code() == parley::ErrorCode::not_permitted, error.message());
    }
  }
}

// The message of the parley::Error `action` throws (and its code), or "" if it does not throw.
template <typename Action>
std::pair<parley::ErrorCode, std::string> error_of(Action&& action) {
  try {
    action();
  } catch (const parley::Error& error) {
    return {error.code(), error.message()};
  }
  return {parley::ErrorCode::internal, ""};
}

}  // namespace store_test
