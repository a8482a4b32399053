#pragma once
// Shared by the relationship area's sources (never installed): subject parsing, local calendars by
// zone, business-hours arithmetic, and the record's activities prepared once (sorted, sides
// decided, duplicates, automatic replies and scheduled activities set apart).
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parley/period.hpp"
#include "parley/relationship.hpp"

namespace parley::relationship_detail {

enum class SubjectKind : std::uint8_t { plain, reply, forward };

struct ParsedSubject {
  std::string base;                       // RFC 5256 base subject, case-folded
  SubjectKind kind = SubjectKind::plain;  // from the outermost prefix, else the "(fwd)" trailer
};

ParsedSubject parse_subject(std::string_view subject);

// One ZoneCalendar per IANA zone, built on first use.
class ZoneCalendars {
 public:
  // Throws Error(invalid_argument) naming `context` for an unknown zone.
  ZoneCalendar& get(const std::string& zone, std::string_view context);

 private:
  std::map<std::string, std::unique_ptr<ZoneCalendar>, std::less<>> calendars_;
};

// Seconds of [from_ms, to_ms) inside the working hours, in the calendar's zone.
double business_seconds(ZoneCalendar& calendar, const BusinessHours& hours, std::int64_t from_ms,
                        std::int64_t to_ms);

// to_ms - from_ms without overflow (any two instants, however far apart).
inline double ms_between(std::int64_t from_ms, std::int64_t to_ms) noexcept {
  return static_cast<double>(to_ms) - static_cast<double>(from_ms);
}

// "2 h 5 min", "45 s", "3 d 4 h", "0 min": whole seconds under a minute, else whole minutes.
std::string format_duration(double seconds);

// A kept activity, with what every figure needs decided once. The views point into the
// activities' own strings: a PreparedRecord lives no longer than the activities it was made from.
struct Entry {
  const Activity* activity = nullptr;
  Side side = Side::ours;                    // the initiator's side
  std::string_view sender;                   // the initiator's id (emails: the sender)
  std::vector<std::string_view> recipients;  // emails: every listed party but the sender, sorted, unique
};

// Where a Message-ID leads: the kept message, and the time of the activity that carried it (later
// than the message's own for a copy stored under another Message-ID).
struct MessageRef {
  std::size_t kept = 0;
  std::int64_t seen_ms = 0;
};

struct PreparedRecord {
  std::vector<Entry> kept;                 // past, once each, no automatic reply; by (time, id)
  std::vector<const Activity*> scheduled;  // after now, by (time, id)
  std::size_t duplicates = 0;
  std::size_t automatic_replies = 0;
  // Message-ID (without <>) -> the kept message; duplicates' ids point at the kept copy.
  std::unordered_map<std::string_view, MessageRef> by_message_id;
};

// Every decision about an activity depends only on the activities sorted before it, so the record
// prepared at an earlier instant is the prefix of `kept` up to that instant (health's trend relies
// on it; a Message-ID is known from its seen_ms on).
PreparedRecord prepare_record(const std::vector<Activity>& activities, const RelationshipOptions& options,
                              std::int64_t now_utc_ms);
PreparedRecord prepare_record(std::span<const Activity* const> activities, const RelationshipOptions& options,
                              std::int64_t now_utc_ms);

// The id of a Message-ID header value: surrounding whitespace and angle brackets removed.
std::string_view message_id_key(std::string_view value) noexcept;

// Minutes spent by [ours, customer] on one kept activity (the TimeSpentModel; kpis.cpp).
std::array<double, 2> minutes_spent(const Entry& entry, const TimeSpentModel& model);

// Mean and median response time of `responder`'s responses (kpis.cpp).
ResponseTime response_time(const std::vector<ResponsePair>& pairs, Side responder);

// Response rates indexed by Side: [ours] = customer emails we responded to, [customer] = our emails
// the customer responded to (kpis.cpp).
std::array<ResponseRate, 2> response_rates(const std::vector<Entry>& kept, const Threading& threading);

// What health's trend needs from a threading to derive it at earlier instants (health.cpp).
struct ThreadingTrace {
  // Per ResponsePair, in order: the kept indexes of its parent and its reply.
  std::vector<std::pair<std::size_t, std::size_t>> responses;
  // [reply time, seen_ms) of each reply whose parent was found through a Message-ID first carried
  // by a later copy: a record prepared at an instant in that range does not know the Message-ID
  // yet, so its threading may differ there.
  std::vector<std::pair<std::int64_t, std::int64_t>> unsettled;
};

Threading thread_prepared(const PreparedRecord& record, const RelationshipOptions& options,
                          ZoneCalendars& calendars, ThreadingTrace* trace = nullptr);

}  // namespace parley::relationship_detail
