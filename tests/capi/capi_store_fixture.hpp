#pragma once
// A store opened through the C ABI with a small organisation and two analysed calls whose figures
// are worked out by hand in the tests.
//
//   adm (administrator)
//   m1 (manager) ── s1 Sam Seller, s2 Sue Seller
//
// call-1 (s1, 2026-11-03 10:00 UTC, 30 min, customer contact-1):
//   [0] seller    0 s - 10 s  "Thanks for joining today. What budget do you have?"
//   [1] customer 12 s - 30 s  "Our budget is small, and Contoso quoted less than Litware."
//   [2] seller   31 s - 40 s  "Our pricing beats Contoso on value."
// call-2 (s2, 2026-11-10 15:00 UTC, 60 min, customer contact-2):
//   [0] seller    0 s - 20 s  "Let us review the pricing for next year."
//   [1] customer 21 s - 41 s  "The pricing works for us, unlike Litware."
// Tracked terms (organisation): keywords "budget", "pricing"; competitor "Contoso". The analyzer's
// gazetteer knows the brand "Litware Inc" (said as "Litware").
// now = 2026-11-20 12:00 UTC; this month in UTC is [2026-11-01, 2026-12-01).
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "capi_test.hpp"
#include "parley.h"
#include "store/store_test_support.hpp"

namespace capi_store_test {

// UTC instant of a civil date-time (days counted by hand, independent of ICU).
inline std::int64_t utc(int year, int month, int day, int hour = 0) {
  auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
  static constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::int64_t days = 0;
  for (int y = 1970; y < year; ++y) days += leap(y) ? 366 : 365;
  for (int m = 1; m < month; ++m) days += month_days[m - 1] + (m == 2 && leap(year) ? 1 : 0);
  days += day - 1;
  return (days * 24 + hour) * 3'600'000LL;
}

inline const std::int64_t now = utc(2026, 11, 20, 12);
inline const std::int64_t call_1_start = utc(2026, 11, 3, 10);
inline const std::int64_t call_2_start = utc(2026, 11, 10, 15);

inline parley_viewer viewer(const char* user_id, parley_viewer_kind kind, int32_t depth = 1) {
  return {sizeof(parley_viewer), user_id, std::strlen(user_id), kind, depth};
}
inline const parley_viewer admin = viewer("adm", PARLEY_VIEWER_ADMINISTRATOR);
inline const parley_viewer manager = viewer("m1", PARLEY_VIEWER_MANAGER);
inline const parley_viewer seller_1 = viewer("s1", PARLEY_VIEWER_SELLER);
inline const parley_viewer seller_2 = viewer("s2", PARLEY_VIEWER_SELLER);

inline const char* const users_json = R"([
  {"id": "adm", "display_name": "Ada Admin", "role": "administrator"},
  {"id": "m1", "display_name": "Mia Manager", "email": "mia@example.com", "role": "manager", "manager_id": null,
   "time_zone": "UTC"},
  {"id": "s1", "display_name": "Sam Seller", "role": "seller", "manager_id": "m1"},
  {"id": "s2", "display_name": "Sue Seller", "role": "seller", "manager_id": "m1"}])";

inline const char* const terms_json = R"([
  {"name": "budget", "kind": "keyword"},
  {"name": "pricing", "kind": "keyword"},
  {"name": "Contoso", "kind": "competitor"}])";

inline const char* const analyzer_options_json =
    R"({"signals": {"gazetteer": [{"name": "Litware Inc", "variants": ["Litware"]}]}})";

using capi_test::OwnedString;

inline nlohmann::json json_of(const OwnedString& text) { return nlohmann::json::parse(text.str()); }

// The calling thread's last error message.
inline std::string last_error() { return parley_last_error_message(); }

struct SegmentSpec {
  parley_role role;
  std::int64_t start_ms, end_ms;
  const char* text;
};

// A call built through the C ABI: the seller speaks as spk_0, the contact as spk_1.
inline capi_test::CallPtr make_call(const char* id, const char* seller, const char* contact,
                                    std::int64_t start, std::int64_t duration_ms,
                                    const std::vector<SegmentSpec>& segments) {
  parley_call* call = nullptr;
  CAPI_REQUIRE_OK(parley_call_create(id, PARLEY_NUL_TERMINATED, &call));
  capi_test::CallPtr owned(call);
  CAPI_REQUIRE_OK(parley_call_set_field(call, PARLEY_CALL_LANGUAGE, "en-US", PARLEY_NUL_TERMINATED));
  CAPI_REQUIRE_OK(parley_call_set_field(call, PARLEY_CALL_OWNER_SELLER_ID, seller, PARLEY_NUL_TERMINATED));
  CAPI_REQUIRE_OK(parley_call_set_field(call, PARLEY_CALL_CONTACT_ID, contact, PARLEY_NUL_TERMINATED));
  CAPI_REQUIRE_OK(parley_call_set_times(call, start, duration_ms));
  const parley_participant people[] = {
      {sizeof(parley_participant), "spk_0", 5, "Seller", 6, PARLEY_ROLE_SELLER, seller, std::strlen(seller)},
      {sizeof(parley_participant), "spk_1", 5, "Customer", 8, PARLEY_ROLE_CUSTOMER, contact,
       std::strlen(contact)}};
  for (const parley_participant& person : people)
    CAPI_REQUIRE_OK(parley_call_add_participant(call, &person, nullptr));
  std::vector<parley_segment> rows;
  for (const SegmentSpec& s : segments) {
    rows.push_back({sizeof(parley_segment), s.role == PARLEY_ROLE_SELLER ? 0u : 1u, s.start_ms, s.end_ms,
                    s.text, std::strlen(s.text), std::numeric_limits<double>::quiet_NaN()});
  }
  CAPI_REQUIRE_OK(parley_call_add_segments(call, rows.data(), rows.size()));
  return owned;
}

// The store file with the users and both calls analysed and ingested (at `now`).
class StoreFixture {
 public:
  StoreFixture() {
    const std::string path = dir_.file("capi.db");
    CAPI_REQUIRE_OK(parley_store_open(path.c_str(), PARLEY_NUL_TERMINATED, R"({"durable_commits": false})",
                                      PARLEY_NUL_TERMINATED, &store_));
    CAPI_REQUIRE_OK(parley_store_put_users(store_, &admin, users_json, PARLEY_NUL_TERMINATED));
    calls_[0] = make_call(
        "call-1", "s1", "contact-1", call_1_start, 30 * 60'000,
        {{PARLEY_ROLE_SELLER, 0, 10'000, "Thanks for joining today. What budget do you have?"},
         {PARLEY_ROLE_CUSTOMER, 12'000, 30'000, "Our budget is small, and Contoso quoted less than Litware."},
         {PARLEY_ROLE_SELLER, 31'000, 40'000, "Our pricing beats Contoso on value."}});
    calls_[1] =
        make_call("call-2", "s2", "contact-2", call_2_start, 60 * 60'000,
                  {{PARLEY_ROLE_SELLER, 0, 20'000, "Let us review the pricing for next year."},
                   {PARLEY_ROLE_CUSTOMER, 21'000, 41'000, "The pricing works for us, unlike Litware."}});
    parley_analyzer* analyzer = nullptr;
    CAPI_REQUIRE_OK(parley_analyzer_create(analyzer_options_json, PARLEY_NUL_TERMINATED, terms_json,
                                           PARLEY_NUL_TERMINATED, &analyzer));
    const capi_test::AnalyzerPtr owned_analyzer(analyzer);
    for (int i = 0; i < 2; ++i) {
      parley_analysis* analysis = nullptr;
      CAPI_REQUIRE_OK(parley_analyzer_analyze(analyzer, calls_[i].get(), &analysis));
      analyses_[i].reset(analysis);
    }
    const parley_call* calls[] = {calls_[0].get(), calls_[1].get()};
    const parley_analysis* analyses[] = {analyses_[0].get(), analyses_[1].get()};
    CAPI_REQUIRE_OK(parley_store_ingest(store_, &admin, calls, analyses, 2, now));
  }
  ~StoreFixture() { parley_store_close(store_); }
  StoreFixture(const StoreFixture&) = delete;
  StoreFixture& operator=(const StoreFixture&) = delete;

  parley_store* store() const { return store_; }
  parley_call* call(int i) { return calls_[i].get(); }
  const parley_analysis* analysis(int i) const { return analyses_[i].get(); }

 private:
  store_test::TempDir dir_;
  parley_store* store_ = nullptr;
  capi_test::CallPtr calls_[2];
  capi_test::AnalysisPtr analyses_[2];
};

}  // namespace capi_store_test
