// read_calendar: iCalendar files (RFC 5545) as meeting activities. docs/calendars.md documents every
// field and rule. The file is cut into VEVENTs first (calendar_scan), each VEVENT is parsed by
// libical on its own, so one broken VEVENT is one error and the others are still read.
#include <libical/ical.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "activities/calendar_scan.hpp"
#include "activities/calendar_zones.hpp"
#include "activities/linking.hpp"
#include "model/ascii.hpp"
#include "model/option_checks.hpp"
#include "parley/activities.hpp"
#include "parley/error.hpp"
#include "parley/utf8.hpp"

namespace parley {
namespace {

using activities_detail::CalendarBlock;
using activities_detail::CalendarZones;
using Zone = activities_detail::CalendarZones::Zone;

// A recurrence rule stops with an error after this many occurrences (counted from the window's
// start, or from DTSTART for a rule with COUNT), so FREQ=SECONDLY cannot exhaust time or memory.
constexpr std::size_t max_occurrences_per_rule = 10'000;
constexpr std::int64_t day_ms = 86'400'000;

// libical keeps global state (error flags, the UTC zone, its memory ring buffers); reads are
// serialised behind one lock.
std::mutex& libical_mutex() {
  static std::mutex mutex;
  return mutex;
}

struct ComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;

struct RecurIteratorFree {
  void operator()(icalrecur_iterator* iterator) const { icalrecur_iterator_free(iterator); }
};

// A DATE or DATE-TIME value: its wall-clock fields, its zone and its instant.
struct EventTime {
  icaltimetype local{};
  const Zone* zone = nullptr;
  bool floating = false;  // no zone of its own (a floating time or a date): the default zone
  std::int64_t utc_ms = 0;
};

struct Person {
  std::string email;  // lower-cased
  std::string name;   // CN, UTF-8
};

struct RecurrenceRule {
  icalrecurrencetype rule{};
  std::size_t line = 0;
};

// One VEVENT as read.
struct Event {
  std::size_t number = 0;  // "VEVENT N"
  std::size_t line = 0;    // its BEGIN:VEVENT
  std::string uid;
  std::optional<std::int64_t> recurrence_id_ms;
  int sequence = 0;
  std::int64_t dtstamp_ms = 0;
  bool cancelled = false;
  EventTime start;
  bool all_day = false;
  std::int64_t duration_ms = 0;
  std::string subject;
  std::optional<Person> organizer;
  std::vector<Person> attendees;
  std::vector<RecurrenceRule> rules;
  std::vector<std::int64_t> rdates_ms;
  std::set<std::int64_t> exdates_ms;

  [[nodiscard]] bool recurring() const { return !rules.empty() || !rdates_ms.empty(); }
  [[nodiscard]] std::string where() const {
    return "VEVENT " + std::to_string(number) + " (line " + std::to_string(line) + ")";
  }
};

struct ReadError {
  std::string message;
};

std::size_t line_of(const CalendarBlock& block, std::string_view name) {
  for (const auto& line : block.lines) {
    if (activities_detail::content_line_name(line.text) == name) return line.line;
  }
  return block.first_line;
}

std::string property_at(const CalendarBlock& block, std::string_view name) {
  return std::string(name) + " (line " + std::to_string(line_of(block, name)) + ")";
}

std::string utc_basic(std::int64_t ms) {
  const std::int64_t seconds = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
  const std::int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  const std::int64_t in_day = seconds - days * 86400;
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{days}}};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(in_day / 3600), static_cast<int>(in_day / 60 % 60),
                static_cast<int>(in_day % 60));
  return buffer;
}

// The properties the reader uses: libical's complaint about one of them is an error; about any
// other property it is ignored.
bool used_property(std::string_view name) {
  static constexpr std::string_view used[] = {"UID",      "DTSTART",   "DTEND",   "DURATION",      "SUMMARY",
                                              "STATUS",   "RRULE",     "RDATE",   "RECURRENCE-ID", "EXDATE",
                                              "SEQUENCE", "ORGANIZER", "ATTENDEE"};
  return std::find(std::begin(used), std::end(used), name) != std::end(used);
}

// The property a libical error names: "Can't parse as DATE-TIME value in DTSTART property. ..." and
// "Invalid VALUE type for property UID: VALUE=INTEGER"; "" when it names none.
std::string named_property(std::string_view message) {
  std::string_view name;
  if (const std::size_t in = message.find(" in "); in != std::string_view::npos) {
    const std::size_t suffix = message.find(" property", in + 4);
    if (suffix != std::string_view::npos && suffix > in + 4) name = message.substr(in + 4, suffix - in - 4);
  }
  if (const std::size_t for_property = message.find("for property ");
      name.empty() && for_property != std::string_view::npos) {
    name = message.substr(for_property + 13);
    name = name.substr(0, name.find(':'));
  }
  if (name.empty() || name.find(' ') != std::string_view::npos) return "";
  return activities_detail::upper_ascii(name);
}

// The address of a cal-address ("mailto:Ana@Contoso.com" -> "ana@contoso.com"); "" when it is not
// an email address.
std::string address_of(std::string_view value) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.size() >= 7 && detail::equals_ascii_case_insensitive(value.substr(0, 7), "mailto:"))
    value.remove_prefix(7);
  const std::size_t at = value.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 == value.size()) return "";
  return detail::ascii_lowered(value);
}

std::string clean_text(const char* text) {
  if (text == nullptr) return "";
  std::string_view view(text);
  while (!view.empty() && (view.front() == ' ' || view.front() == '\t')) view.remove_prefix(1);
  while (!view.empty() && (view.back() == ' ' || view.back() == '\t')) view.remove_suffix(1);
  return repair_utf8(view);
}

std::optional<Person> person_of(icalproperty* property) {
  const icalvalue* value = icalproperty_get_value(property);
  if (value == nullptr) return std::nullopt;
  const char* text = icalvalue_get_caladdress(value);
  Person person{address_of(text == nullptr ? "" : text), ""};
  if (person.email.empty() || !is_valid_utf8(person.email)) return std::nullopt;
  if (icalparameter* cn = icalproperty_get_first_parameter(property, ICAL_CN_PARAMETER)) {
    person.name = clean_text(icalparameter_get_cn(cn));
  }
  return person;
}

class EventReader {
 public:
  EventReader(CalendarZones& zones, const std::vector<std::string>& methods)
      : zones_(zones), methods_(methods) {}

  // The VEVENT or what is wrong with it.
  std::optional<Event> read(const CalendarBlock& block, std::size_t number, std::string& problem) {
    block_ = &block;
    Event event;
    event.number = number;
    event.line = block.first_line;
    if (!block.problem.empty()) {
      problem = block.problem;
      return std::nullopt;
    }
    std::string text;
    for (const auto& line : block.lines) text.append(line.text).append("\r\n");
    ComponentPtr component(icalparser_parse_string(text.c_str()));
    if (!component || icalcomponent_isa(component.get()) != ICAL_VEVENT_COMPONENT) {
      problem = "libical cannot parse it";
      return std::nullopt;
    }
    try {
      check_libical_errors(component.get());
      fill(component.get(), event);
    } catch (const ReadError& error) {
      problem = error.message;
      return std::nullopt;
    }
    return event;
  }

 private:
  void check_libical_errors(icalcomponent* component) const {
    for (icalproperty* property = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY);
         property != nullptr;
         property = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)) {
      const std::string message = clean_text(icalproperty_get_xlicerror(property));
      if (const std::string name = named_property(message); !name.empty()) {
        if (!used_property(name)) continue;
        throw ReadError{property_at(*block_, name) + ": " + message};
      }
      throw ReadError{"libical: " + message};
    }
  }

  EventTime time_of(icalproperty* property, std::string_view name) {
    const icalvalue* value = icalproperty_get_value(property);
    icaltimetype local{};
    const icalvalue_kind kind = value == nullptr ? ICAL_NO_VALUE : icalvalue_isa(value);
    if (kind == ICAL_DATE_VALUE) {
      local = icalvalue_get_date(value);
    } else if (kind == ICAL_DATETIME_VALUE) {
      local = icalvalue_get_datetime(value);
    } else if (kind == ICAL_DATETIMEPERIOD_VALUE) {
      const icaldatetimeperiodtype both = icalvalue_get_datetimeperiod(value);
      local = icaltime_is_null_time(both.time) ? both.period.start : both.time;
    } else {
      throw ReadError{property_at(*block_, name) + ": not a date or a date-time"};
    }
    EventTime time;
    if (local.is_date != 0) {
      time.zone = zones_.floating();
      time.floating = true;
    } else if (icaltime_is_utc(local) != 0) {
      time.zone = zones_.utc();
    } else if (icalparameter* tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER)) {
      const char* id = icalparameter_get_tzid(tzid);
      time.zone = zones_.find(block_->calendar, id == nullptr ? "" : id);
      if (time.zone == nullptr) {
        throw ReadError{property_at(*block_, name) + ": unknown TZID '" + clean_text(id) +
                        "' (no VTIMEZONE of that TZID in the file, and ICU knows no zone of that name)"};
      }
    } else {
      time.zone = zones_.floating();
      time.floating = true;
    }
    local.zone = nullptr;
    time.local = local;
    const std::optional<std::int64_t> instant = zones_.to_utc_ms(time.zone, local);
    if (!instant) {
      throw ReadError{property_at(*block_, name) + ": invalid date-time '" + icaltime_as_ical_string(local) +
                      "'"};
    }
    time.utc_ms = *instant;
    return time;
  }

  void fill(icalcomponent* component, Event& event) {
    icalproperty* uid = icalcomponent_get_first_property(component, ICAL_UID_PROPERTY);
    event.uid = uid == nullptr ? "" : clean_text(icalproperty_get_uid(uid));
    if (event.uid.empty()) throw ReadError{"no UID"};

    icalproperty* start = icalcomponent_get_first_property(component, ICAL_DTSTART_PROPERTY);
    if (start == nullptr) throw ReadError{"no DTSTART"};
    event.start = time_of(start, "DTSTART");
    event.all_day = event.start.local.is_date != 0;

    if (icalproperty* end = icalcomponent_get_first_property(component, ICAL_DTEND_PROPERTY)) {
      const EventTime end_time = time_of(end, "DTEND");
      if (end_time.utc_ms < event.start.utc_ms) {
        throw ReadError{property_at(*block_, "DTEND") + " is before " + property_at(*block_, "DTSTART")};
      }
      event.duration_ms = end_time.utc_ms - event.start.utc_ms;
    } else if (icalproperty* duration = icalcomponent_get_first_property(component, ICAL_DURATION_PROPERTY)) {
      const icaldurationtype length = icalproperty_get_duration(duration);
      if (length.is_neg != 0) throw ReadError{property_at(*block_, "DURATION") + " is negative"};
      event.duration_ms =
          ((((std::int64_t{length.weeks} * 7 + length.days) * 24 + length.hours) * 60 + length.minutes) * 60 +
           length.seconds) *
          1000;
    }
    if (event.all_day) event.duration_ms = 0;  // see docs/calendars.md: all-day events add no time

    if (icalproperty* summary = icalcomponent_get_first_property(component, ICAL_SUMMARY_PROPERTY)) {
      event.subject = clean_text(icalproperty_get_summary(summary));
    }
    if (icalproperty* sequence = icalcomponent_get_first_property(component, ICAL_SEQUENCE_PROPERTY)) {
      event.sequence = icalproperty_get_sequence(sequence);
    }
    if (icalproperty* stamp = icalcomponent_get_first_property(component, ICAL_DTSTAMP_PROPERTY)) {
      try {
        event.dtstamp_ms = time_of(stamp, "DTSTAMP").utc_ms;
      } catch (const ReadError&) {
        event.dtstamp_ms = 0;  // only breaks ties between versions: a bad one is no reason to drop the event
      }
    }
    icalproperty* status = icalcomponent_get_first_property(component, ICAL_STATUS_PROPERTY);
    event.cancelled = (status != nullptr && icalproperty_get_status(status) == ICAL_STATUS_CANCELLED) ||
                      methods_[block_->calendar] == "CANCEL";
    if (icalproperty* recurrence_id =
            icalcomponent_get_first_property(component, ICAL_RECURRENCEID_PROPERTY)) {
      event.recurrence_id_ms = time_of(recurrence_id, "RECURRENCE-ID").utc_ms;
    }

    std::size_t rule_index = 0;
    for (icalproperty* rule = icalcomponent_get_first_property(component, ICAL_RRULE_PROPERTY);
         rule != nullptr; rule = icalcomponent_get_next_property(component, ICAL_RRULE_PROPERTY)) {
      event.rules.push_back({icalproperty_get_rrule(rule), nth_line("RRULE", rule_index++)});
    }
    for (icalproperty* rdate = icalcomponent_get_first_property(component, ICAL_RDATE_PROPERTY);
         rdate != nullptr; rdate = icalcomponent_get_next_property(component, ICAL_RDATE_PROPERTY)) {
      event.rdates_ms.push_back(time_of(rdate, "RDATE").utc_ms);
    }
    for (icalproperty* exdate = icalcomponent_get_first_property(component, ICAL_EXDATE_PROPERTY);
         exdate != nullptr; exdate = icalcomponent_get_next_property(component, ICAL_EXDATE_PROPERTY)) {
      event.exdates_ms.insert(time_of(exdate, "EXDATE").utc_ms);
    }

    if (icalproperty* organizer = icalcomponent_get_first_property(component, ICAL_ORGANIZER_PROPERTY)) {
      event.organizer = person_of(organizer);
    }
    for (icalproperty* attendee = icalcomponent_get_first_property(component, ICAL_ATTENDEE_PROPERTY);
         attendee != nullptr; attendee = icalcomponent_get_next_property(component, ICAL_ATTENDEE_PROPERTY)) {
      // Meeting rooms and equipment are not people; an invitee who declined did not take part.
      if (icalparameter* type = icalproperty_get_first_parameter(attendee, ICAL_CUTYPE_PARAMETER)) {
        const icalparameter_cutype cutype = icalparameter_get_cutype(type);
        if (cutype == ICAL_CUTYPE_ROOM || cutype == ICAL_CUTYPE_RESOURCE) continue;
      }
      if (icalparameter* state = icalproperty_get_first_parameter(attendee, ICAL_PARTSTAT_PARAMETER)) {
        if (icalparameter_get_partstat(state) == ICAL_PARTSTAT_DECLINED) continue;
      }
      if (auto person = person_of(attendee)) event.attendees.push_back(std::move(*person));
    }
  }

  // The line of the index-th property of that name in the block.
  [[nodiscard]] std::size_t nth_line(std::string_view name, std::size_t index) const {
    for (const auto& line : block_->lines) {
      if (activities_detail::content_line_name(line.text) == name && index-- == 0) return line.line;
    }
    return block_->first_line;
  }

  CalendarZones& zones_;
  const std::vector<std::string>& methods_;
  const CalendarBlock* block_ = nullptr;
};

// [from, to) in UTC ms, or no window.
struct Window {
  bool set = false;
  std::int64_t from = 0, to = 0;
  [[nodiscard]] bool contains(std::int64_t ms) const { return ms >= from && ms < to; }
};

// An HOURLY, MINUTELY or SECONDLY rule limited to some dates: libical steps through every hour,
// minute or second to find them, for centuries when the dates never come (BYMONTH=2;BYMONTHDAY=30).
bool sub_daily_with_date_parts(const icalrecurrencetype& rule) {
  if (rule.freq != ICAL_HOURLY_RECURRENCE && rule.freq != ICAL_MINUTELY_RECURRENCE &&
      rule.freq != ICAL_SECONDLY_RECURRENCE) {
    return false;
  }
  return rule.by_month[0] != ICAL_RECURRENCE_ARRAY_MAX || rule.by_week_no[0] != ICAL_RECURRENCE_ARRAY_MAX ||
         rule.by_year_day[0] != ICAL_RECURRENCE_ARRAY_MAX ||
         rule.by_month_day[0] != ICAL_RECURRENCE_ARRAY_MAX || rule.by_day[0] != ICAL_RECURRENCE_ARRAY_MAX;
}

// The occurrences of a recurring event (DTSTART, RRULEs, RDATEs, less EXDATEs), as UTC instants of
// their original start. With a window: those starting in it. Without one: the first occurrence for
// which `survives` holds (not removed by a cancelled or internal override), if any.
template <typename Survives>
std::vector<std::int64_t> expand(const Event& event, const Window& window, CalendarZones& zones,
                                 Survives survives) {
  std::set<std::int64_t> found;
  std::optional<std::int64_t> first;
  const auto offer = [&](std::int64_t ms) {
    if (event.exdates_ms.count(ms) != 0) return false;
    if (window.set) {
      if (window.contains(ms)) found.insert(ms);
      return false;
    }
    if (!survives(ms)) return false;
    if (!first || ms < *first) first = ms;
    return true;
  };
  offer(event.start.utc_ms);  // DTSTART is always the first instance (RFC 5545 3.8.5.3)
  for (const std::int64_t rdate : event.rdates_ms) offer(rdate);

  for (const RecurrenceRule& recurrence : event.rules) {
    icalrecurrencetype rule = recurrence.rule;
    // UNTIL is checked here against the instance's instant: libical compares it with the floating
    // wall-clock instances the iterator is given.
    const icaltimetype until = rule.until;
    std::optional<std::int64_t> until_ms;
    if (!icaltime_is_null_time(until)) {
      rule.until = icaltime_null_time();
      icaltimetype local = until;
      local.zone = nullptr;
      if (until.is_date != 0) {
        local.is_date = 0;
        local.hour = 23, local.minute = 59, local.second = 59;  // a date UNTIL includes that day
      }
      until_ms = zones.to_utc_ms(icaltime_is_utc(until) != 0 ? zones.utc() : event.start.zone, local);
    }
    if (sub_daily_with_date_parts(rule)) {
      throw ReadError{
          "RRULE (line " + std::to_string(recurrence.line) +
          ") repeats more often than daily on restricted dates (BYMONTH, BYWEEKNO, BYYEARDAY, "
          "BYMONTHDAY or BYDAY): not a meeting, and libical may search for centuries to expand it"};
    }
    std::unique_ptr<icalrecur_iterator, RecurIteratorFree> iterator(
        icalrecur_iterator_new(rule, event.start.local));
    if (!iterator) {
      throw ReadError{"RRULE (line " + std::to_string(recurrence.line) + ") cannot be expanded by libical"};
    }
    // Start near the window (two days early covers any zone offset) unless COUNT needs every
    // instance from DTSTART.
    if (window.set && rule.count == 0 && window.from - 2 * day_ms > event.start.utc_ms) {
      const std::int64_t seconds = (window.from - 2 * day_ms) / 1000;
      const std::chrono::sys_days day{std::chrono::days{seconds / 86400}};
      const std::chrono::year_month_day date{day};
      icaltimetype skip = event.start.local;
      skip.year = static_cast<int>(date.year());
      skip.month = static_cast<int>(static_cast<unsigned>(date.month()));
      skip.day = static_cast<int>(static_cast<unsigned>(date.day()));
      icalrecur_iterator_set_start(iterator.get(), skip);
    }
    std::size_t count = 0;
    for (icaltimetype instance = icalrecur_iterator_next(iterator.get()); !icaltime_is_null_time(instance);
         instance = icalrecur_iterator_next(iterator.get())) {
      if (++count > max_occurrences_per_rule) {
        throw ReadError{"RRULE (line " + std::to_string(recurrence.line) + ") gives more than " +
                        std::to_string(max_occurrences_per_rule) +
                        (window.set ? " occurrences before the window's end" : " occurrences")};
      }
      instance.zone = nullptr;
      const std::optional<std::int64_t> ms = zones.to_utc_ms(event.start.zone, instance);
      if (!ms || (until_ms && *ms > *until_ms)) break;
      if (window.set && *ms >= window.to) break;
      if (offer(*ms) && !window.set) break;
    }
  }
  if (window.set) return {found.begin(), found.end()};
  if (first) return {*first};
  return {};
}

// Whether the event has someone on each side.
bool has_both_sides(const Event& event, const OurSide& ours) {
  bool our = false, theirs = false;
  const auto look = [&](const Person& person) { (ours.contains(person.email) ? our : theirs) = true; };
  if (event.organizer) look(*event.organizer);
  for (const Person& attendee : event.attendees) look(attendee);
  return our && theirs;
}

Activity activity_of(const Event& event, std::int64_t start_ms, std::string id,
                     const ActivityReadOptions& options) {
  Activity activity;
  activity.id = std::move(id);
  activity.type = ActivityType::meeting;
  activity.timestamp_ms = start_ms;
  activity.duration_ms = event.duration_ms;
  activity.subject = event.subject;
  std::string time_zone;
  if (!event.start.floating) {
    // A floating time's or a date's zone is the host's guess, not the event's.
    time_zone = CalendarZones::iana_name(event.start.zone);
  }
  std::vector<Person> people;
  if (event.organizer) people.push_back(*event.organizer);
  for (const Person& attendee : event.attendees) {
    const auto same = std::find_if(people.begin(), people.end(),
                                   [&](const Person& known) { return known.email == attendee.email; });
    if (same == people.end()) {
      people.push_back(attendee);
    } else if (same->name.empty()) {
      same->name = attendee.name;
    }
  }
  for (const Person& person : people) {
    ActivityParty party{activities_detail::party_id(options.linking, person.email), person.name, person.email,
                        time_zone};
    (options.our_side.contains(person.email) ? activity.our_side : activity.customer_side)
        .push_back(std::move(party));
  }
  const bool organizer_ours = event.organizer && options.our_side.contains(event.organizer->email);
  activity.direction = organizer_ours ? ActivityDirection::sent : ActivityDirection::received;
  if (event.organizer)
    activity.initiator_id = activities_detail::party_id(options.linking, event.organizer->email);
  activity.owner_id = activity.our_side.front().id;
  activities_detail::link_records(activity, options.linking);
  return activity;
}

// The latest version of one VEVENT: the highest SEQUENCE, then the latest DTSTAMP, then the last in
// the file.
const Event* latest(const std::vector<const Event*>& versions) {
  return *std::max_element(versions.begin(), versions.end(), [](const Event* a, const Event* b) {
    if (a->sequence != b->sequence) return a->sequence < b->sequence;
    if (a->dtstamp_ms != b->dtstamp_ms) return a->dtstamp_ms < b->dtstamp_ms;
    return a->number < b->number;
  });
}

// Every VEVENT of one UID, in file order.
struct Series {
  std::vector<const Event*> masters;                            // no RECURRENCE-ID
  std::map<std::int64_t, std::vector<const Event*>> overrides;  // by RECURRENCE-ID instant
};

void emit_series(const std::string& uid, const Series& series, const ActivityReadOptions& options,
                 const Window& window, CalendarZones& zones, ActivityReadResult& result) {
  const Event* master = nullptr;
  if (!series.masters.empty()) {
    master = latest(series.masters);
    result.skipped += series.masters.size() - 1;  // older versions
  }
  std::map<std::int64_t, const Event*> overrides;  // usable ones; nullptr = that occurrence is removed
  for (const auto& [recurrence_id, versions] : series.overrides) {
    const Event* version = latest(versions);
    result.skipped += versions.size() - 1;
    if (master != nullptr && master->cancelled) {
      ++result.skipped;  // the whole series is cancelled
      continue;
    }
    const bool usable = !version->cancelled && has_both_sides(*version, options.our_side);
    if (!usable) ++result.skipped;
    overrides[recurrence_id] = usable ? version : nullptr;
  }
  std::vector<Activity> activities;
  const auto occurrence_id = [&](std::int64_t original_ms) { return uid + "/" + utc_basic(original_ms); };
  std::set<std::int64_t> used_overrides;
  bool master_expanded_without_window = false;
  if (master != nullptr) {
    if (master->cancelled || !has_both_sides(*master, options.our_side)) {
      ++result.skipped;
      master = nullptr;
    }
  }
  if (master != nullptr) {
    if (!master->recurring()) {
      const auto moved = overrides.find(master->start.utc_ms);
      if (moved == overrides.end()) {
        activities.push_back(activity_of(*master, master->start.utc_ms, uid, options));
      } else {
        used_overrides.insert(moved->first);
        if (moved->second != nullptr) {
          activities.push_back(activity_of(*moved->second, moved->second->start.utc_ms, uid, options));
        }
      }
    } else {
      const auto survives = [&](std::int64_t ms) {
        const auto moved = overrides.find(ms);
        return moved == overrides.end() || moved->second != nullptr;
      };
      for (const std::int64_t original : expand(*master, window, zones, survives)) {
        const auto moved = overrides.find(original);
        if (moved == overrides.end()) {
          activities.push_back(activity_of(*master, original, occurrence_id(original), options));
        } else if (!window.set) {
          used_overrides.insert(original);
          activities.push_back(
              activity_of(*moved->second, moved->second->start.utc_ms, occurrence_id(original), options));
        }
      }
      master_expanded_without_window = !window.set;
    }
  }
  for (const auto& [original, version] : overrides) {
    if (version == nullptr || used_overrides.count(original) != 0 || master_expanded_without_window) continue;
    if (window.set && !window.contains(version->start.utc_ms)) continue;
    activities.push_back(activity_of(*version, version->start.utc_ms, occurrence_id(original), options));
  }
  std::sort(activities.begin(), activities.end(), [](const Activity& a, const Activity& b) {
    return a.timestamp_ms != b.timestamp_ms ? a.timestamp_ms < b.timestamp_ms : a.id < b.id;
  });
  std::move(activities.begin(), activities.end(), std::back_inserter(result.activities));
}

ActivityReadResult read_text(std::string_view text, const std::string& name,
                             const ActivityReadOptions& options) {
  ActivityReadResult result;
  const auto file_error = [&](std::string where, std::string message) {
    result.errors.push_back({name, std::move(where), std::move(message)});
  };
  if (text.size() > options.max_file_bytes) {
    file_error("", "larger than the limit of " + std::to_string(options.max_file_bytes) +
                           " bytes (ActivityReadOptions.max_file_bytes)");
    return result;
  }
  Window window;
  if (options.expand_from_ms != 0 || options.expand_to_ms != 0) {
    if (options.expand_to_ms <= options.expand_from_ms) {
      option_checks::fail("ActivityReadOptions", "expand_to_ms", options.expand_to_ms,
                          "must be after expand_from_ms (" + std::to_string(options.expand_from_ms) +
                              "), or both 0 for no window");
    }
    window = {true, options.expand_from_ms, options.expand_to_ms};
  }

  const std::lock_guard<std::mutex> lock(libical_mutex());
  icalerror_set_errors_are_fatal(0);
  CalendarZones zones(options.default_time_zone);
  const activities_detail::CalendarScan scan = activities_detail::scan_calendar(text);
  for (const auto& problem : scan.problems) file_error(problem.where, problem.message);

  for (const CalendarBlock& block : scan.time_zones) {
    const std::string where = "VTIMEZONE (line " + std::to_string(block.first_line) + ")";
    if (!block.problem.empty()) {
      file_error(where, block.problem);
      continue;
    }
    std::string vtimezone;
    for (const auto& line : block.lines) vtimezone.append(line.text).append("\r\n");
    icalcomponent* component = icalparser_parse_string(vtimezone.c_str());
    if (component == nullptr || icalcomponent_isa(component) != ICAL_VTIMEZONE_COMPONENT) {
      if (component != nullptr) icalcomponent_free(component);
      file_error(where, "libical cannot parse it");
      continue;
    }
    if (std::string problem = zones.add_vtimezone(block.calendar, component); !problem.empty()) {
      file_error(where, std::move(problem));
    }
  }

  EventReader reader(zones, scan.methods);
  std::vector<Event> events;
  events.reserve(scan.events.size());
  for (std::size_t index = 0; index < scan.events.size(); ++index) {
    const CalendarBlock& block = scan.events[index];
    std::string problem;
    if (auto event = reader.read(block, index + 1, problem)) {
      events.push_back(std::move(*event));
    } else {
      result.errors.push_back(
          {name, "VEVENT " + std::to_string(index + 1) + " (line " + std::to_string(block.first_line) + ")",
           std::move(problem)});
    }
  }

  std::vector<std::string> order;  // UIDs in order of first appearance
  std::map<std::string, Series> by_uid;
  for (const Event& event : events) {
    auto [entry, inserted] = by_uid.try_emplace(event.uid);
    if (inserted) order.push_back(event.uid);
    if (event.recurrence_id_ms) {
      entry->second.overrides[*event.recurrence_id_ms].push_back(&event);
    } else {
      entry->second.masters.push_back(&event);
    }
  }
  for (const std::string& uid : order) {
    const Series& series = by_uid.at(uid);
    try {
      emit_series(uid, series, options, window, zones, result);
    } catch (const ReadError& error) {
      const Event& first =
          series.masters.empty() ? *series.overrides.begin()->second.front() : *latest(series.masters);
      result.errors.push_back({name, first.where(), error.message});
    }
  }
  return result;
}

}  // namespace

ActivityReadResult read_calendar_text(std::string_view text, std::string_view name,
                                      const ActivityReadOptions& options) {
  return read_text(text, std::string(name), options);
}

ActivityReadResult read_calendar(const std::filesystem::path& path, const ActivityReadOptions& options) {
  const std::string name = path.string();
  std::error_code code;
  const std::uintmax_t size = std::filesystem::file_size(path, code);
  // As read_mail: a path that is not there is the caller's error, not the file's.
  if (code) throw Error(ErrorCode::io, "cannot read the calendar '" + name + "': " + code.message());
  if (size > options.max_file_bytes) {
    return {{},
            {{name, "",
              "larger than the limit of " + std::to_string(options.max_file_bytes) +
                  " bytes (ActivityReadOptions.max_file_bytes)"}},
            0};
  }
  std::ifstream in(path, std::ios::binary);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!in || !in.read(text.data(), static_cast<std::streamsize>(size))) {
    return {{}, {{name, "", "cannot read it"}}, 0};
  }
  return read_text(text, name, options);
}

}  // namespace parley
