// Period filters resolved with ICU calendars in the viewer's zone and locale.
#include "parley/period.hpp"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "model/enum_names.hpp"
#include "parley/error.hpp"

namespace parley {

namespace {

// ECMAScript's Date range (±100,000,000 days): far beyond any call, well inside ICU's range, and
// small enough that subtracting a day or a period length can never overflow.
constexpr std::int64_t max_instant_ms = 8'640'000'000'000'000;

constexpr detail::EnumName<PeriodKind> period_kind_names[] = {
    {PeriodKind::last_24_hours, "last_24_hours"}, {PeriodKind::last_7_days, "last_7_days"},
    {PeriodKind::this_month, "this_month"},       {PeriodKind::last_month, "last_month"},
    {PeriodKind::this_week, "this_week"},         {PeriodKind::last_week, "last_week"},
    {PeriodKind::all_time, "all_time"},           {PeriodKind::custom, "custom"},
};

constexpr detail::EnumName<BucketSize> bucket_size_names[] = {
    {BucketSize::day, "day"},
    {BucketSize::week, "week"},
    {BucketSize::month, "month"},
};

void check_instant(std::int64_t instant, std::string_view what) {
  if (instant < -max_instant_ms || instant > max_instant_ms) {
    throw Error(ErrorCode::invalid_argument, "period filter: " + std::string(what) + " " +
                                                 std::to_string(instant) +
                                                 " is outside the supported range of +-8640000000000000 ms");
  }
}

}  // namespace

std::string_view period_kind_name(PeriodKind kind) noexcept {
  return detail::name_of(period_kind_names, kind);
}

PeriodKind parse_period_kind(std::string_view name) {
  if (const auto kind = detail::parse_name(period_kind_names, name)) return *kind;
  throw Error(ErrorCode::invalid_argument, "period filter: unknown period kind '" + std::string(name) +
                                               "' (expected " + detail::name_list(period_kind_names) + ")");
}

std::string_view bucket_size_name(BucketSize size) noexcept {
  return detail::name_of(bucket_size_names, size);
}

struct ZoneCalendar::Impl {
  std::unique_ptr<icu::Calendar> calendar;

  void set_time(std::int64_t instant) {
    UErrorCode status = U_ZERO_ERROR;
    calendar->setTime(static_cast<UDate>(instant), status);
    if (U_FAILURE(status)) {
      throw Error(ErrorCode::invalid_argument,
                  "period: instant " + std::to_string(instant) + " ms is outside the calendar's range");
    }
  }
  std::int64_t time() {
    UErrorCode status = U_ZERO_ERROR;
    const UDate value = calendar->getTime(status);
    if (U_FAILURE(status)) {
      throw Error(ErrorCode::internal, std::string("period: ICU calendar failed: ") + u_errorName(status));
    }
    return static_cast<std::int64_t>(value);
  }
  int get(UCalendarDateFields field) {
    UErrorCode status = U_ZERO_ERROR;
    const int value = calendar->get(field, status);
    if (U_FAILURE(status)) {
      throw Error(ErrorCode::internal, std::string("period: ICU calendar failed: ") + u_errorName(status));
    }
    return value;
  }
  void add(UCalendarDateFields field, int amount) {
    UErrorCode status = U_ZERO_ERROR;
    calendar->add(field, amount, status);
    if (U_FAILURE(status)) {
      throw Error(ErrorCode::invalid_argument,
                  std::string("period: calendar arithmetic left the supported range"));
    }
  }
  // Local 00:00 of the calendar's current day (a skipped midnight resolves to the first valid
  // local instant, ICU's "walltime last" rule for skipped times).
  void clear_time_of_day() {
    calendar->set(UCAL_HOUR_OF_DAY, 0);
    calendar->set(UCAL_MINUTE, 0);
    calendar->set(UCAL_SECOND, 0);
    calendar->set(UCAL_MILLISECOND, 0);
  }
  // Moves the calendar's current local day back to the bucket's first day.
  void to_bucket_first_day(BucketSize size) {
    if (size == BucketSize::week) {
      const int day_of_week = get(UCAL_DAY_OF_WEEK);
      const int back = (day_of_week - static_cast<int>(calendar->getFirstDayOfWeek()) + 7) % 7;
      if (back != 0) add(UCAL_DATE, -back);
    } else if (size == BucketSize::month) {
      calendar->set(UCAL_DATE, 1);
    }
  }
};

ZoneCalendar::ZoneCalendar(std::string_view time_zone, std::string_view locale)
    : impl_(std::make_unique<Impl>()) {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(
      icu::StringPiece(time_zone.data(), static_cast<int32_t>(time_zone.size())))));
  if (!zone || *zone == icu::TimeZone::getUnknown()) {
    throw Error(ErrorCode::invalid_argument, "period filter: unknown time zone '" + std::string(time_zone) +
                                                 "' (expected an IANA id such as Europe/Copenhagen)");
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale icu_locale = icu::Locale::forLanguageTag(
      icu::StringPiece(locale.data(), static_cast<int32_t>(locale.size())), status);
  if (U_FAILURE(status) || icu_locale.isBogus()) {
    throw Error(ErrorCode::invalid_argument, "period filter: invalid locale '" + std::string(locale) +
                                                 "' (expected a BCP 47 tag such as da-DK)");
  }
  // Always the Gregorian calendar (months and weeks as CRMs count them), with the locale's week data.
  status = U_ZERO_ERROR;
  impl_->calendar = std::make_unique<icu::GregorianCalendar>(zone.release(), icu_locale, status);
  if (U_FAILURE(status)) {
    throw Error(ErrorCode::invalid_argument, "period filter: no calendar for locale '" + std::string(locale) +
                                                 "': " + u_errorName(status));
  }
  // Local midnight never repeats in practice; take the first occurrence if it ever does.
  impl_->calendar->setRepeatedWallTimeOption(UCAL_WALLTIME_FIRST);
  impl_->calendar->setSkippedWallTimeOption(UCAL_WALLTIME_NEXT_VALID);
}

ZoneCalendar::~ZoneCalendar() = default;
ZoneCalendar::ZoneCalendar(ZoneCalendar&&) noexcept = default;
ZoneCalendar& ZoneCalendar::operator=(ZoneCalendar&&) noexcept = default;

int ZoneCalendar::first_day_of_week() const noexcept {
  return static_cast<int>(impl_->calendar->getFirstDayOfWeek());
}

std::int64_t ZoneCalendar::start_of(BucketSize size, std::int64_t instant_utc_ms) {
  check_instant(instant_utc_ms, "instant");
  impl_->set_time(instant_utc_ms);
  impl_->to_bucket_first_day(size);
  impl_->clear_time_of_day();
  return impl_->time();
}

std::int64_t ZoneCalendar::add(BucketSize size, std::int64_t instant_utc_ms, int count) {
  check_instant(instant_utc_ms, "instant");
  impl_->set_time(instant_utc_ms);
  switch (size) {
    case BucketSize::day: impl_->add(UCAL_DATE, count); break;
    case BucketSize::week: impl_->add(UCAL_DATE, 7 * count); break;
    case BucketSize::month:
      impl_->calendar->set(UCAL_DATE, 1);
      impl_->add(UCAL_MONTH, count);
      break;
  }
  impl_->clear_time_of_day();
  const std::int64_t result = impl_->time();
  check_instant(result, "calendar result");
  return result;
}

std::int64_t ZoneCalendar::utc_offset_ms(std::int64_t instant_utc_ms) {
  check_instant(instant_utc_ms, "instant");
  impl_->set_time(instant_utc_ms);
  return static_cast<std::int64_t>(impl_->get(UCAL_ZONE_OFFSET)) + impl_->get(UCAL_DST_OFFSET);
}

std::string ZoneCalendar::local_date(std::int64_t instant_utc_ms) {
  check_instant(instant_utc_ms, "instant");
  impl_->set_time(instant_utc_ms);
  const int year = impl_->get(UCAL_EXTENDED_YEAR);
  const int month = impl_->get(UCAL_MONTH) + 1;
  const int day = impl_->get(UCAL_DATE);
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%04d-%02d-%02d", year, month, day);
  return text.data();
}

namespace {

struct Resolved {
  Period current;
  Period previous;
};

Resolved resolve(const PeriodFilter& filter, std::int64_t now) {
  check_instant(now, "now_utc_ms");
  constexpr std::int64_t day_ms = 24LL * 3600 * 1000;
  switch (filter.kind) {
    case PeriodKind::all_time: return {{all_time_start, all_time_end}, {all_time_start, all_time_start}};
    case PeriodKind::custom: {
      check_instant(filter.custom_start_utc_ms, "custom_start_utc_ms");
      check_instant(filter.custom_end_utc_ms, "custom_end_utc_ms");
      if (filter.custom_start_utc_ms >= filter.custom_end_utc_ms) {
        throw Error(ErrorCode::invalid_argument,
                    "period filter: custom_start_utc_ms " + std::to_string(filter.custom_start_utc_ms) +
                        " is not before custom_end_utc_ms " + std::to_string(filter.custom_end_utc_ms));
      }
      const Period current{filter.custom_start_utc_ms, filter.custom_end_utc_ms};
      return {current, {current.start_utc_ms - current.length_ms(), current.start_utc_ms}};
    }
    case PeriodKind::last_24_hours: return {{now - day_ms, now}, {now - 2 * day_ms, now - day_ms}};
    default: break;
  }
  ZoneCalendar calendar(filter.time_zone, filter.locale);
  switch (filter.kind) {
    case PeriodKind::last_7_days: {
      const std::int64_t today = calendar.start_of(BucketSize::day, now);
      const std::int64_t start = calendar.add(BucketSize::day, today, -6);
      return {{start, now}, {calendar.add(BucketSize::day, start, -7), start}};
    }
    case PeriodKind::this_month:
    case PeriodKind::last_month:
    case PeriodKind::this_week:
    case PeriodKind::last_week: {
      const bool month = filter.kind == PeriodKind::this_month || filter.kind == PeriodKind::last_month;
      const bool last = filter.kind == PeriodKind::last_month || filter.kind == PeriodKind::last_week;
      const BucketSize size = month ? BucketSize::month : BucketSize::week;
      std::int64_t start = calendar.start_of(size, now);
      if (last) start = calendar.add(size, start, -1);
      const Period current{start, calendar.add(size, start, 1)};
      return {current, {calendar.add(size, start, -1), start}};
    }
    default: break;
  }
  throw Error(ErrorCode::invalid_argument,
              "period filter: unknown period kind " + std::to_string(static_cast<int>(filter.kind)));
}

}  // namespace

Period resolve_period(const PeriodFilter& filter, std::int64_t now_utc_ms) {
  return resolve(filter, now_utc_ms).current;
}

Period previous_period(const PeriodFilter& filter, std::int64_t now_utc_ms) {
  return resolve(filter, now_utc_ms).previous;
}

std::size_t Buckets::index_of(std::int64_t instant_utc_ms) const noexcept {
  if (starts.size() < 2 || instant_utc_ms < starts.front() || instant_utc_ms >= starts.back()) {
    return count();
  }
  const auto after = std::upper_bound(starts.begin(), starts.end(), instant_utc_ms);
  return static_cast<std::size_t>(after - starts.begin()) - 1;
}

Buckets make_buckets(const Period& period, BucketSize size, ZoneCalendar& calendar, std::size_t max_buckets) {
  if (period.empty()) {
    throw Error(ErrorCode::invalid_argument, "buckets: the period [" + std::to_string(period.start_utc_ms) +
                                                 ", " + std::to_string(period.end_utc_ms) + ") is empty");
  }
  check_instant(period.start_utc_ms, "period start");
  check_instant(period.end_utc_ms, "period end");
  Buckets buckets;
  buckets.size = size;
  std::int64_t boundary = calendar.start_of(size, period.start_utc_ms);
  buckets.starts.push_back(boundary);
  while (boundary < period.end_utc_ms) {
    if (buckets.starts.size() > max_buckets) {
      throw Error(ErrorCode::limit_exceeded, "buckets: the period needs more than " +
                                                 std::to_string(max_buckets) + " " +
                                                 std::string(bucket_size_name(size)) + " buckets");
    }
    const std::int64_t next = calendar.add(size, boundary, 1);
    if (next <= boundary) {
      throw Error(ErrorCode::internal, "buckets: calendar did not advance at " + std::to_string(boundary));
    }
    boundary = next;
    buckets.starts.push_back(boundary);
  }
  return buckets;
}

}  // namespace parley
