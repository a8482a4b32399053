#pragma once
// Period filters: the time ranges every insight is computed over, resolved in the viewer's
// time zone and locale (ICU calendars: a week starts on the locale's first day), the previous
// period used for trends, and day / week / month buckets for "over time" series.
//
// All instants are UTC milliseconds since the Unix epoch; every period is half-open
// [start_utc_ms, end_utc_ms). docs/insights.md states the rule for every kind.
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

enum class PeriodKind : std::uint8_t {
  last_24_hours,  // [now - 24 h, now)
  last_7_days,    // today and the six local days before it: [local midnight 6 days ago, now)
  this_month,     // the local calendar month containing now, whole: [1st 00:00, next 1st 00:00)
  last_month,     // the local calendar month before this one, whole
  this_week,      // the local week containing now (first day from the locale), whole
  last_week,      // the local week before this one, whole
  all_time,       // everything: [all_time_start, all_time_end)
  custom,         // [custom_start_utc_ms, custom_end_utc_ms) as given
};

// "last_24_hours", "last_7_days", "this_month", ... (the JSON spelling).
std::string_view period_kind_name(PeriodKind kind) noexcept;
// Inverse of period_kind_name; throws Error(invalid_argument) naming the unknown text.
PeriodKind parse_period_kind(std::string_view name);

// A half-open UTC range. Empty when start == end.
struct Period {
  std::int64_t start_utc_ms = 0;
  std::int64_t end_utc_ms = 0;

  bool contains(std::int64_t instant_utc_ms) const noexcept {
    return instant_utc_ms >= start_utc_ms && instant_utc_ms < end_utc_ms;
  }
  std::int64_t length_ms() const noexcept { return end_utc_ms - start_utc_ms; }
  bool empty() const noexcept { return end_utc_ms <= start_utc_ms; }
  friend bool operator==(const Period&, const Period&) = default;
};

// The bounds of PeriodKind::all_time (the full range of the instant type).
inline constexpr std::int64_t all_time_start = std::numeric_limits<std::int64_t>::min();
inline constexpr std::int64_t all_time_end = std::numeric_limits<std::int64_t>::max();

// What a viewer picked in the period filter, and where they are.
struct PeriodFilter {
  PeriodKind kind = PeriodKind::this_month;
  std::string time_zone = "UTC";         // IANA id ("Europe/Copenhagen"); unknown ids are an error
  std::string locale = "en-US";          // BCP 47; decides the first day of the week
  std::int64_t custom_start_utc_ms = 0;  // PeriodKind::custom only; must be < custom_end_utc_ms
  std::int64_t custom_end_utc_ms = 0;
};

// The period a filter selects at `now_utc_ms`. Throws Error(invalid_argument) for an unknown time
// zone or locale, or a custom range whose start is not before its end.
Period resolve_period(const PeriodFilter& filter, std::int64_t now_utc_ms);

// The period trends compare against (docs/insights.md, "Periods"):
// - last_24_hours, custom: the range of the same length ending where the current one starts;
// - last_7_days: the seven local days before the current range's first day, whole;
// - this_month / last_month: the whole local calendar month before (so its length may differ by up
//   to three days; a month-to-date is compared with a whole month);
// - this_week / last_week: the whole local week before;
// - all_time: the empty period [all_time_start, all_time_start).
Period previous_period(const PeriodFilter& filter, std::int64_t now_utc_ms);

// Bucket sizes of "over time" series.
enum class BucketSize : std::uint8_t { day, week, month };
std::string_view bucket_size_name(BucketSize size) noexcept;

// Local calendar arithmetic in one time zone and locale, built once (it owns an ICU calendar) and
// reused. Not thread-safe: one per thread.
class ZoneCalendar {
 public:
  // Throws Error(invalid_argument) for an unknown IANA time zone id or an unusable locale.
  ZoneCalendar(std::string_view time_zone, std::string_view locale);
  ~ZoneCalendar();
  ZoneCalendar(ZoneCalendar&&) noexcept;
  ZoneCalendar& operator=(ZoneCalendar&&) noexcept;

  // First day of the week for the locale: 1 = Sunday ... 7 = Saturday (ICU's numbering).
  int first_day_of_week() const noexcept;
  // The start (local 00:00, or the first valid local instant that day) of the local day, week or
  // month containing the instant.
  std::int64_t start_of(BucketSize size, std::int64_t instant_utc_ms);
  // The instant `count` local days, weeks or months after (count may be negative) a bucket start.
  std::int64_t add(BucketSize size, std::int64_t instant_utc_ms, int count);
  // Offset of local time from UTC at the instant, in ms (DST included).
  std::int64_t utc_offset_ms(std::int64_t instant_utc_ms);
  // The local calendar date of an instant as "YYYY-MM-DD".
  std::string local_date(std::int64_t instant_utc_ms);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Consecutive local buckets covering a bounded period: bucket i is [starts[i], starts[i+1]), the
// first starts at the period start's bucket start, the last ends at or after the period's end.
struct Buckets {
  BucketSize size = BucketSize::day;
  std::vector<std::int64_t> starts;  // size() + 1 boundaries
  std::size_t count() const noexcept { return starts.empty() ? 0 : starts.size() - 1; }
  // Index of the bucket containing the instant, or count() when outside every bucket.
  std::size_t index_of(std::int64_t instant_utc_ms) const noexcept;
};

// Buckets over a bounded period (not all_time: clamp it to the data's range first). Throws
// Error(limit_exceeded) beyond `max_buckets` buckets, Error(invalid_argument) for an empty period.
Buckets make_buckets(const Period& period, BucketSize size, ZoneCalendar& calendar,
                     std::size_t max_buckets = 10'000);

}  // namespace parley
