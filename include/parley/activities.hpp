#pragma once
// Activities from real mail and calendars (SPEC 7 and 9): RFC 5322 messages (one .eml file, a
// folder of them, or an mbox file), read with GMime, and iCalendar files, read with libical, each
// mapped onto crm.hpp's Activity. docs/mail.md and docs/calendars.md say where every field comes from.
// Activities and opportunities a CRM exports: the documented JSON and CSV forms (docs/crm-input.md).
//
// A reader never guesses sides: an address is ours only by the host's OurSide. A malformed message
// or event is one ActivityReadError naming the file and the message or line; the rest of the input
// is still read. A path that does not exist throws Error(io); bad options throw
// Error(invalid_argument).
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/crm.hpp"

namespace parley {

// Which addresses are ours. An address is ours when it equals one of `addresses`, or when its
// domain is one of `domains` or a subdomain of one ("contoso.com" covers "eu.contoso.com", not
// "notcontoso.com"). Compared case-insensitively (ASCII).
struct OurSide {
  std::vector<std::string> domains;
  std::vector<std::string> addresses;

  [[nodiscard]] bool contains(std::string_view email) const noexcept;
};

// How read activities are tied to people and CRM records.
struct ActivityLinking {
  // Email address (any case) -> the person's id: a User id for our side, a contact id for the
  // customer's. An address without an entry is its own id, lowercased.
  std::vector<std::pair<std::string, std::string>> ids_by_email;
  // Records every activity read belongs to (the host's `--record TYPE:ID`); empty = none.
  std::string account_id, contact_id, lead_id, opportunity_id;
  // The rule "the customer's domain names the account": when account_id is empty, the account is
  // the email domain of the first customer-side party (lowercased).
  bool account_from_customer_domain = false;
};

struct ActivityReadOptions {
  OurSide our_side;
  ActivityLinking linking;
  // Recurring meetings are expanded into one activity per occurrence starting in
  // [expand_from_ms, expand_to_ms) (UTC instants, ms since the Unix epoch).
  std::int64_t expand_from_ms = 0;
  std::int64_t expand_to_ms = 0;
  // The zone of floating times (no TZID, no UTC 'Z') and of dates without a zone: an IANA name.
  std::string default_time_zone = "UTC";
  // Reading stops with an error after this many bytes of one file (a guard for hosts).
  std::uint64_t max_file_bytes = std::uint64_t{1} << 32;
};

// One message, event or record that could not be read; `where` names it inside the file
// ("message 3 (line 120)", "VEVENT 2 (line 48)", "line 7, column type" in CSV, "[3].type" in JSON;
// empty for the whole file), `message` says what was wrong.
struct ActivityReadError {
  std::string file;
  std::string where;
  std::string message;
};

struct ActivityReadResult {
  std::vector<Activity> activities;  // in the input's order
  std::vector<ActivityReadError> errors;
  // Messages or events left out on purpose, not errors: a cancelled meeting, a message with no
  // party on either side that is ours.
  std::size_t skipped = 0;
};

// RFC 5322 mail: `path` is one message (.eml), a folder (every *.eml file in it, sorted by name,
// not recursive), or an mbox file ("From " separator lines, mboxrd/mboxo quoting). An activity per
// message with at least one party on our side; its id is its Message-ID (or a digest of the
// message when it has none), so the same message read twice is one activity.
ActivityReadResult read_mail(const std::filesystem::path& path, const ActivityReadOptions& options);
// One message from memory; `name` stands for the file in errors.
ActivityReadResult read_mail_message(std::string_view message, std::string_view name,
                                     const ActivityReadOptions& options);

// iCalendar (RFC 5545): every VEVENT of the file, recurring ones expanded over the options' window,
// moved occurrences (RECURRENCE-ID) at their new time, cancelled ones left out (counted in
// `skipped`). Meetings with at least one attendee or organiser on our side.
ActivityReadResult read_calendar(const std::filesystem::path& path, const ActivityReadOptions& options);
ActivityReadResult read_calendar_text(std::string_view text, std::string_view name,
                                      const ActivityReadOptions& options);

// ---- Activities and opportunities in the documented JSON and CSV forms (docs/crm-input.md) ----
//
// JSON: an array of objects in the store's form (to_json in store.hpp). CSV (RFC 4180, read with
// libcsv): a header row naming columns by the same members' names, then one record per row; an
// empty cell is a member left out; lists (parties, references, engagement events) are encoded in
// one cell as docs/crm-input.md says. UTF-8, with or without a byte order mark; CRLF or LF.
//
// A record that cannot be read is one ActivityReadError (JSON: where = its path, "[3].type"; CSV:
// "line 7, column type", or "line 7" for the whole row) and the other records are still read. A
// file that cannot be read at all (a JSON syntax error, a CSV header with an unknown column) is one
// error with the whole file's `where` ("" or "line 1, column fax"). A path that does not exist
// throws Error(io). Values are checked where the records are stored.

// Activities. Of the options only `linking` (each of its record ids fills the link a record leaves
// empty; then the customer-domain rule for an account still empty) and `max_file_bytes` apply:
// the records name their own sides and people.
ActivityReadResult read_activities_json(const std::filesystem::path& path, const ActivityReadOptions& options = {});
ActivityReadResult read_activities_json_text(std::string_view text, std::string_view name,
                                             const ActivityReadOptions& options = {});
ActivityReadResult read_activities_csv(const std::filesystem::path& path, const ActivityReadOptions& options = {});
ActivityReadResult read_activities_csv_text(std::string_view text, std::string_view name,
                                            const ActivityReadOptions& options = {});

struct OpportunityReadResult {
  std::vector<Opportunity> opportunities;  // in the input's order
  std::vector<ActivityReadError> errors;   // the same shape as the activity readers' errors
};

// Opportunities, in the same forms.
OpportunityReadResult read_opportunities_json(const std::filesystem::path& path);
OpportunityReadResult read_opportunities_json_text(std::string_view text, std::string_view name);
OpportunityReadResult read_opportunities_csv(const std::filesystem::path& path);
OpportunityReadResult read_opportunities_csv_text(std::string_view text, std::string_view name);

}  // namespace parley
