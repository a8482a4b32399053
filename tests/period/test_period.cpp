#include <doctest/doctest.h>

#include <cstdint>
#include <random>

#include "parley/error.hpp"
#include "parley/period.hpp"

using parley::BucketSize;
using parley::Period;
using parley::PeriodFilter;
using parley::PeriodKind;

namespace {

// Independent of ICU: UTC instant of a civil date-time, by counting days year by year.
std::int64_t utc(int year, int month, int day, int hour = 0, int minute = 0) {
  auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
  static constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::int64_t days = 0;
  for (int y = 1970; y < year; ++y) days += leap(y) ? 366 : 365;
  for (int m = 1; m < month; ++m) days += month_days[m - 1] + (m == 2 && leap(year) ? 1 : 0);
  days += day - 1;
  return ((days * 24 + hour) * 60 + minute) * 60'000LL;
}

constexpr std::int64_t hour_ms = 3'600'000;
constexpr std::int64_t day_ms = 24 * hour_ms;

PeriodFilter filter(PeriodKind kind, const char* zone, const char* locale) {
  PeriodFilter f;
  f.kind = kind;
  f.time_zone = zone;
  f.locale = locale;
  return f;
}

}  // namespace

TEST_CASE("utc helper agrees with known epoch instants") {
  CHECK(utc(1970, 1, 1) == 0);
  CHECK(utc(2000, 3, 1) == 951'868'800'000LL);  // 2000-03-01T00:00Z, a leap year's March
  CHECK(utc(2026, 11, 23) == 1'795'392'000'000LL);
}

TEST_CASE("this_month in Copenhagen spans the spring DST change") {
  // March 2026 in Copenhagen: 1 March 00:00 CET (+1) = 28 Feb 23:00Z; 1 April 00:00 CEST (+2) =
  // 31 March 22:00Z. Clocks jump forward on 29 March, so the month is 31 days minus one hour.
  const auto f = filter(PeriodKind::this_month, "Europe/Copenhagen", "da-DK");
  const Period p = parley::resolve_period(f, utc(2026, 3, 15, 12));
  CHECK(p.start_utc_ms == utc(2026, 2, 28, 23));
  CHECK(p.end_utc_ms == utc(2026, 3, 31, 22));
  CHECK(p.length_ms() == 31 * day_ms - hour_ms);
  // Previous: the whole of February (1 Feb 00:00 CET = 31 Jan 23:00Z).
  const Period prev = parley::previous_period(f, utc(2026, 3, 15, 12));
  CHECK(prev.start_utc_ms == utc(2026, 1, 31, 23));
  CHECK(prev.end_utc_ms == p.start_utc_ms);
}

TEST_CASE("last_month in Copenhagen spans the autumn DST change") {
  // October 2026: 1 Oct 00:00 CEST = 30 Sep 22:00Z; 1 Nov 00:00 CET = 31 Oct 23:00Z: 31 days + 1 h.
  const auto f = filter(PeriodKind::last_month, "Europe/Copenhagen", "da-DK");
  const std::int64_t now = utc(2026, 11, 10, 9);
  const Period p = parley::resolve_period(f, now);
  CHECK(p.start_utc_ms == utc(2026, 9, 30, 22));
  CHECK(p.end_utc_ms == utc(2026, 10, 31, 23));
  CHECK(p.length_ms() == 31 * day_ms + hour_ms);
  // Previous: September, 1 Sep 00:00 CEST = 31 Aug 22:00Z.
  const Period prev = parley::previous_period(f, now);
  CHECK(prev.start_utc_ms == utc(2026, 8, 31, 22));
  CHECK(prev.end_utc_ms == utc(2026, 9, 30, 22));
}

TEST_CASE("last_7_days in New York spans the spring DST change") {
  // now = 10 March 2026 15:00Z = 11:00 EDT. Today began 10 March 00:00 EDT (-4) = 04:00Z; six days
  // earlier is 4 March 00:00 EST (-5) = 05:00Z (DST began 8 March 02:00 EST = 07:00Z).
  const auto f = filter(PeriodKind::last_7_days, "America/New_York", "en-US");
  const std::int64_t now = utc(2026, 3, 10, 15);
  const Period p = parley::resolve_period(f, now);
  CHECK(p.start_utc_ms == utc(2026, 3, 4, 5));
  CHECK(p.end_utc_ms == now);
  // Previous: the seven local days before, 25 Feb 00:00 EST = 05:00Z .. 4 March 05:00Z.
  const Period prev = parley::previous_period(f, now);
  CHECK(prev.start_utc_ms == utc(2026, 2, 25, 5));
  CHECK(prev.end_utc_ms == utc(2026, 3, 4, 5));
}

TEST_CASE("this_week starts on the locale's first day") {
  // 25 Nov 2026 is a Wednesday. en-US weeks start on Sunday 22 Nov; de-DE and da-DK on Monday 23 Nov.
  const std::int64_t now = utc(2026, 11, 25, 15);
  const Period us = parley::resolve_period(filter(PeriodKind::this_week, "America/New_York", "en-US"), now);
  CHECK(us.start_utc_ms == utc(2026, 11, 22, 5));  // 00:00 EST = 05:00Z
  CHECK(us.end_utc_ms == utc(2026, 11, 29, 5));
  const Period de = parley::resolve_period(filter(PeriodKind::this_week, "Europe/Berlin", "de-DE"), now);
  CHECK(de.start_utc_ms == utc(2026, 11, 22, 23));  // Monday 00:00 CET = Sunday 23:00Z
  CHECK(de.end_utc_ms == utc(2026, 11, 29, 23));
  // Same zone, two locales: only the first day differs.
  const Period us_in_berlin =
      parley::resolve_period(filter(PeriodKind::this_week, "Europe/Berlin", "en-US"), now);
  CHECK(us_in_berlin.start_utc_ms == utc(2026, 11, 21, 23));  // Sunday 22 Nov 00:00 CET

  CHECK(parley::ZoneCalendar("UTC", "en-US").first_day_of_week() == 1);
  CHECK(parley::ZoneCalendar("UTC", "de-DE").first_day_of_week() == 2);
  CHECK(parley::ZoneCalendar("UTC", "da-DK").first_day_of_week() == 2);
}

TEST_CASE("last_week in Copenhagen is a week and an hour long across the autumn change") {
  // now = Wednesday 28 Oct 2026. Last week: Monday 19 Oct 00:00 CEST = 18 Oct 22:00Z to Monday
  // 26 Oct 00:00 CET = 25 Oct 23:00Z (clocks went back on 25 Oct 01:00Z).
  const auto f = filter(PeriodKind::last_week, "Europe/Copenhagen", "da-DK");
  const std::int64_t now = utc(2026, 10, 28, 12);
  const Period p = parley::resolve_period(f, now);
  CHECK(p.start_utc_ms == utc(2026, 10, 18, 22));
  CHECK(p.end_utc_ms == utc(2026, 10, 25, 23));
  CHECK(p.length_ms() == 7 * day_ms + hour_ms);
  const Period prev = parley::previous_period(f, now);
  CHECK(prev.start_utc_ms == utc(2026, 10, 11, 22));
  CHECK(prev.end_utc_ms == p.start_utc_ms);
}

TEST_CASE("last_24_hours, custom and all_time") {
  const std::int64_t now = utc(2026, 11, 23, 10);
  const auto last_day = filter(PeriodKind::last_24_hours, "Asia/Tokyo", "ja-JP");
  CHECK(parley::resolve_period(last_day, now) == Period{now - day_ms, now});
  CHECK(parley::previous_period(last_day, now) == Period{now - 2 * day_ms, now - day_ms});

  PeriodFilter custom;
  custom.kind = PeriodKind::custom;
  custom.custom_start_utc_ms = utc(2026, 1, 10);
  custom.custom_end_utc_ms = utc(2026, 1, 20);
  CHECK(parley::resolve_period(custom, now) == Period{utc(2026, 1, 10), utc(2026, 1, 20)});
  // Same length (10 days) immediately before.
  CHECK(parley::previous_period(custom, now) == Period{utc(2025, 12, 31), utc(2026, 1, 10)});

  const auto all = filter(PeriodKind::all_time, "UTC", "en-US");
  const Period everything = parley::resolve_period(all, now);
  CHECK(everything.contains(0));
  CHECK(everything.contains(now));
  CHECK(parley::previous_period(all, now).empty());
}

TEST_CASE("bad period filters are errors naming the field") {
  const std::int64_t now = utc(2026, 11, 23, 10);
  PeriodFilter custom;
  custom.kind = PeriodKind::custom;
  custom.custom_start_utc_ms = 5000;
  custom.custom_end_utc_ms = 5000;
  try {
    (void)parley::resolve_period(custom, now);
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::invalid_argument);
    CHECK(error.message() == "period filter: custom_start_utc_ms 5000 is not before custom_end_utc_ms 5000");
  }
  try {
    (void)parley::resolve_period(filter(PeriodKind::this_month, "Mars/Olympus_Mons", "en-US"), now);
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::invalid_argument);
    CHECK(error.message() ==
          "period filter: unknown time zone 'Mars/Olympus_Mons' (expected an IANA id such as "
          "Europe/Copenhagen)");
  }
  try {
    (void)parley::parse_period_kind("yesterday");
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.message() ==
          "period filter: unknown period kind 'yesterday' (expected last_24_hours, last_7_days, this_month, "
          "last_month, this_week, last_week, all_time or custom)");
  }
  CHECK_THROWS_AS(
      (void)parley::resolve_period(filter(PeriodKind::last_24_hours, "UTC", "en"), parley::all_time_end),
      parley::Error);
}

TEST_CASE("period kind names round-trip") {
  for (int i = 0; i <= static_cast<int>(PeriodKind::custom); ++i) {
    const auto kind = static_cast<PeriodKind>(i);
    CHECK(parley::parse_period_kind(parley::period_kind_name(kind)) == kind);
  }
}

TEST_CASE("property: every calendar period holds now and its previous period ends where it starts") {
  std::mt19937_64 random(42);
  const char* zones[] = {"Europe/Copenhagen",   "America/New_York",  "Asia/Kolkata",
                         "Australia/Lord_Howe", "America/Sao_Paulo", "UTC"};
  const char* locales[] = {"en-US", "da-DK", "fr-FR", "ar-BH", "he-IL", "ja-JP"};
  const PeriodKind kinds[] = {PeriodKind::last_24_hours, PeriodKind::last_7_days, PeriodKind::this_month,
                              PeriodKind::this_week};
  for (int i = 0; i < 300; ++i) {
    const std::int64_t now = utc(2015, 1, 1) + static_cast<std::int64_t>(random() % (12ULL * 365 * day_ms));
    const auto f = filter(kinds[i % 4], zones[i % 6], locales[(i / 6) % 6]);
    const Period p = parley::resolve_period(f, now);
    const Period prev = parley::previous_period(f, now);
    CAPTURE(i);
    CHECK(p.start_utc_ms <= now);
    CHECK(now <= p.end_utc_ms);
    CHECK(prev.end_utc_ms == p.start_utc_ms);
    CHECK(prev.start_utc_ms < prev.end_utc_ms);
    // A local day is 23..25 hours (Lord Howe shifts by 30 minutes).
    if (f.kind == PeriodKind::last_7_days) {
      CHECK(prev.length_ms() >= 7 * day_ms - hour_ms);
      CHECK(prev.length_ms() <= 7 * day_ms + hour_ms);
    }
  }
}

TEST_CASE("day buckets follow local midnights across DST") {
  // New York, 7..10 March 2026: 8 March has 23 hours.
  parley::ZoneCalendar calendar("America/New_York", "en-US");
  const Period p{utc(2026, 3, 7, 12), utc(2026, 3, 10, 1)};
  const parley::Buckets buckets = parley::make_buckets(p, BucketSize::day, calendar);
  REQUIRE(buckets.count() == 3);
  CHECK(buckets.starts[0] == utc(2026, 3, 7, 5));   // 7 March 00:00 EST
  CHECK(buckets.starts[1] == utc(2026, 3, 8, 5));   // 8 March 00:00 EST
  CHECK(buckets.starts[2] == utc(2026, 3, 9, 4));   // 9 March 00:00 EDT
  CHECK(buckets.starts[3] == utc(2026, 3, 10, 4));  // 10 March 00:00 EDT
  CHECK(buckets.starts[2] - buckets.starts[1] == 23 * hour_ms);
  CHECK(buckets.index_of(utc(2026, 3, 9, 3)) == 1);  // 8 March 23:00 EDT
  CHECK(buckets.index_of(utc(2026, 3, 9, 4)) == 2);
  CHECK(buckets.index_of(utc(2026, 3, 7, 4)) == 3);  // before the first bucket: count()
  CHECK(calendar.local_date(utc(2026, 3, 9, 3)) == "2026-03-08");
  CHECK(calendar.utc_offset_ms(utc(2026, 3, 9, 3)) == -4 * hour_ms);
}

TEST_CASE("week and month buckets") {
  parley::ZoneCalendar copenhagen("Europe/Copenhagen", "da-DK");
  const Period year{utc(2025, 12, 31, 23), utc(2026, 12, 31, 23)};  // 2026 in Copenhagen
  const parley::Buckets months = parley::make_buckets(year, BucketSize::month, copenhagen);
  REQUIRE(months.count() == 12);
  CHECK(months.starts[3] == utc(2026, 3, 31, 22));    // 1 April 00:00 CEST
  CHECK(months.starts[10] == utc(2026, 10, 31, 23));  // 1 November 00:00 CET
  // Weeks of November 2026 (Mondays 2, 9, 16, 23, 30 Nov; 1 Nov is a Sunday, in the week of 26 Oct).
  const Period november{utc(2026, 10, 31, 23), utc(2026, 11, 30, 23)};
  const parley::Buckets weeks = parley::make_buckets(november, BucketSize::week, copenhagen);
  REQUIRE(weeks.count() == 6);
  CHECK(weeks.starts[0] == utc(2026, 10, 25, 23));  // Monday 26 Oct 00:00 CET
  CHECK(weeks.starts[6] == utc(2026, 12, 6, 23));
  CHECK_THROWS_AS(parley::make_buckets(Period{0, utc(2026, 1, 1)}, BucketSize::day, copenhagen, 100),
                  parley::Error);
}
