#pragma once
// Time zones of one calendar read: a TZID is the file's own VTIMEZONE when the VCALENDAR has one
// (libical's icaltimezone), else the ICU zone of that name (an IANA id, a Windows zone name through
// ICU's mapping, or the IANA id at the end of a path-like TZID such as
// "/freeassociation.sourceforge.net/Europe/Copenhagen"). Floating times and dates use the
// options' default zone.
#include <libical/ical.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::activities_detail {

class CalendarZones {
 public:
  struct Zone;

  // Throws Error(invalid_argument) when ICU does not know `default_time_zone`.
  explicit CalendarZones(std::string_view default_time_zone);
  ~CalendarZones();
  CalendarZones(const CalendarZones&) = delete;
  CalendarZones& operator=(const CalendarZones&) = delete;

  // Adds a VCALENDAR's VTIMEZONE (owned from now on); "" or what is wrong with it.
  std::string add_vtimezone(std::size_t calendar, icalcomponent* vtimezone);

  // The zone a TZID names in that VCALENDAR; nullptr when neither the file nor ICU knows it.
  const Zone* find(std::size_t calendar, std::string_view tzid);
  [[nodiscard]] const Zone* utc() const noexcept { return utc_; }
  [[nodiscard]] const Zone* floating() const noexcept { return floating_; }

  // The UTC instant (ms) of a wall-clock time (a date: its 00:00) in `zone`; nullopt when the
  // fields are not a valid date-time (month 13, 30 February, hour 25...) or lie outside years
  // 1..9999.
  std::optional<std::int64_t> to_utc_ms(const Zone* zone, const icaltimetype& local);
  // The zone's IANA id, "" when it has none (a VTIMEZONE whose TZID ICU does not know, UTC 'Z').
  static const std::string& iana_name(const Zone* zone);

 private:
  Zone* icu_zone(const std::string& id);

  std::vector<std::unique_ptr<Zone>> zones_;
  std::map<std::pair<std::size_t, std::string>, Zone*> file_zones_;
  std::map<std::string, Zone*> icu_zones_;      // by IANA id
  std::map<std::string, Zone*> zones_by_tzid_;  // ICU zones by the TZID that named them (nullptr: none)
  Zone* utc_ = nullptr;
  Zone* floating_ = nullptr;
};

// The IANA id ICU knows for a TZID (itself, its Windows mapping, or a path-like TZID's tail);
// nullopt when none.
std::optional<std::string> icu_zone_id(std::string_view tzid);

}  // namespace parley::activities_detail
