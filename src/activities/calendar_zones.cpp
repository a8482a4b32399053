#include "activities/calendar_zones.hpp"

#include <unicode/gregocal.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <chrono>

#include "model/option_checks.hpp"
#include "parley/error.hpp"

namespace parley::activities_detail {

struct CalendarZones::Zone {
  enum class Kind : std::uint8_t { utc, icu, vtimezone };
  Kind kind = Kind::utc;
  std::unique_ptr<icu::Calendar> calendar;  // icu
  icaltimezone* vtimezone = nullptr;        // vtimezone (owned)
  std::string iana_name;

  Zone() = default;
  Zone(const Zone&) = delete;
  Zone& operator=(const Zone&) = delete;
  ~Zone() {
    if (vtimezone != nullptr) icaltimezone_free(vtimezone, 1);
  }
};

namespace {

std::unique_ptr<icu::TimeZone> known_icu_zone(std::string_view id) {
  if (id.empty()) return nullptr;
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(
      icu::UnicodeString::fromUTF8(icu::StringPiece(id.data(), static_cast<int32_t>(id.size())))));
  if (!zone || *zone == icu::TimeZone::getUnknown()) return nullptr;
  return zone;
}

std::unique_ptr<icu::Calendar> calendar_in(const std::string& id) {
  std::unique_ptr<icu::TimeZone> zone = known_icu_zone(id);
  if (!zone) return nullptr;
  UErrorCode status = U_ZERO_ERROR;
  auto calendar = std::make_unique<icu::GregorianCalendar>(zone.release(), status);
  if (U_FAILURE(status)) return nullptr;
  // RFC 5545 3.3.5: a time that occurs twice is the first one; a time skipped by a DST gap is read
  // with the offset before the gap (02:30 -> 03:30 summer time).
  calendar->setRepeatedWallTimeOption(UCAL_WALLTIME_FIRST);
  calendar->setSkippedWallTimeOption(UCAL_WALLTIME_LAST);
  return calendar;
}

bool valid_fields(const icaltimetype& t) {
  if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12 || t.day < 1) return false;
  const std::chrono::year_month_day_last last{
      std::chrono::year{t.year} / std::chrono::month{static_cast<unsigned>(t.month)} / std::chrono::last};
  if (static_cast<unsigned>(t.day) > static_cast<unsigned>(last.day())) return false;
  if (t.is_date != 0) return true;
  return t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59 && t.second >= 0 && t.second <= 60;
}

// Seconds since the epoch of the fields read as UTC.
std::int64_t civil_seconds(const icaltimetype& t) {
  const std::chrono::sys_days day{std::chrono::year{t.year} /
                                  std::chrono::month{static_cast<unsigned>(t.month)} /
                                  std::chrono::day{static_cast<unsigned>(t.day)}};
  std::int64_t seconds = std::int64_t{day.time_since_epoch().count()} * 86400;
  if (t.is_date == 0) seconds += std::int64_t{t.hour} * 3600 + std::int64_t{t.minute} * 60 + t.second;
  return seconds;
}

}  // namespace

std::optional<std::string> icu_zone_id(std::string_view tzid) {
  if (known_icu_zone(tzid)) return std::string(tzid);
  // Outlook writes Windows names ("Romance Standard Time"); ICU maps them to the IANA id of the
  // zone's main region.
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString mapped;
  icu::TimeZone::getIDForWindowsID(
      icu::UnicodeString::fromUTF8(icu::StringPiece(tzid.data(), static_cast<int32_t>(tzid.size()))), nullptr,
      mapped, status);
  if (U_SUCCESS(status) && !mapped.isEmpty()) {
    std::string id;
    mapped.toUTF8String(id);
    if (known_icu_zone(id)) return id;
  }
  // Evolution and libical write "/freeassociation.sourceforge.net/Tzfile/Europe/Copenhagen".
  for (std::size_t slash = tzid.find('/'); slash != std::string_view::npos;
       slash = tzid.find('/', slash + 1)) {
    const std::string_view tail = tzid.substr(slash + 1);
    if (tail.find('/') != std::string_view::npos && known_icu_zone(tail)) return std::string(tail);
  }
  return std::nullopt;
}

CalendarZones::CalendarZones(std::string_view default_time_zone) {
  auto utc = std::make_unique<Zone>();
  utc_ = utc.get();
  zones_.push_back(std::move(utc));
  floating_ = icu_zone(std::string(default_time_zone));
  if (floating_ == nullptr) {
    option_checks::fail("ActivityReadOptions", "default_time_zone", default_time_zone,
                        "unknown time zone (expected an IANA id such as Europe/Copenhagen)");
  }
}

CalendarZones::~CalendarZones() = default;

CalendarZones::Zone* CalendarZones::icu_zone(const std::string& id) {
  if (const auto found = icu_zones_.find(id); found != icu_zones_.end()) return found->second;
  auto zone = std::make_unique<Zone>();
  zone->kind = Zone::Kind::icu;
  zone->calendar = calendar_in(id);
  if (!zone->calendar) return nullptr;
  zone->iana_name = id;
  Zone* result = zone.get();
  zones_.push_back(std::move(zone));
  icu_zones_.emplace(id, result);
  return result;
}

std::string CalendarZones::add_vtimezone(std::size_t calendar, icalcomponent* vtimezone) {
  auto zone = std::make_unique<Zone>();
  zone->kind = Zone::Kind::vtimezone;
  zone->vtimezone = icaltimezone_new();
  if (zone->vtimezone == nullptr || icaltimezone_set_component(zone->vtimezone, vtimezone) == 0) {
    icalcomponent_free(vtimezone);
    return "libical cannot use it as a time zone (no TZID, or no STANDARD / DAYLIGHT part)";
  }
  const char* tzid = icaltimezone_get_tzid(zone->vtimezone);
  if (tzid == nullptr || *tzid == '\0') return "it has no TZID";
  if (const auto id = icu_zone_id(tzid)) zone->iana_name = *id;
  file_zones_[{calendar, tzid}] = zone.get();
  zones_.push_back(std::move(zone));
  return "";
}

const CalendarZones::Zone* CalendarZones::find(std::size_t calendar, std::string_view tzid) {
  if (const auto found = file_zones_.find({calendar, std::string(tzid)}); found != file_zones_.end()) {
    return found->second;
  }
  auto [cached, inserted] = zones_by_tzid_.try_emplace(std::string(tzid), nullptr);
  if (inserted) {
    const std::optional<std::string> id = icu_zone_id(tzid);
    cached->second = id ? icu_zone(*id) : nullptr;
  }
  return cached->second;
}

std::optional<std::int64_t> CalendarZones::to_utc_ms(const Zone* zone, const icaltimetype& local) {
  if (!valid_fields(local)) return std::nullopt;
  switch (zone->kind) {
    case Zone::Kind::utc: return civil_seconds(local) * 1000;
    case Zone::Kind::vtimezone: {
      icaltimetype wall = local;
      wall.is_date = 0;
      wall.zone = nullptr;
      int is_daylight = 0;
      const int offset = icaltimezone_get_utc_offset(zone->vtimezone, &wall, &is_daylight);
      return (civil_seconds(local) - offset) * 1000;
    }
    case Zone::Kind::icu: {
      icu::Calendar& calendar = *zone->calendar;
      calendar.clear();
      if (local.is_date != 0) {
        calendar.set(local.year, local.month - 1, local.day, 0, 0, 0);
      } else {
        calendar.set(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
      }
      UErrorCode status = U_ZERO_ERROR;
      const UDate instant = calendar.getTime(status);
      if (U_FAILURE(status)) return std::nullopt;
      return static_cast<std::int64_t>(instant);
    }
  }
  return std::nullopt;
}

const std::string& CalendarZones::iana_name(const Zone* zone) { return zone->iana_name; }

}  // namespace parley::activities_detail
