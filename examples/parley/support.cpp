// What several commands share: option values (instants, records), the viewer, and reading and
// analysing one transcript (parley analyze and parley ingest).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>

#include "commands.hpp"
#include "parley/error.hpp"

namespace parley_cli {
namespace {

// Reads exactly `digits` decimal digits at text[at], advancing `at`; nullopt otherwise.
std::optional<int> read_digits(std::string_view text, std::size_t& at, std::size_t digits) {
  if (at + digits > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    const char c = text[at + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  at += digits;
  return value;
}

std::optional<std::int64_t> parse_iso8601(std::string_view text) {
  using namespace std::chrono;
  std::size_t at = 0;
  const auto year = read_digits(text, at, 4);
  if (!year || at >= text.size() || text[at++] != '-') return std::nullopt;
  const auto month = read_digits(text, at, 2);
  if (!month || at >= text.size() || text[at++] != '-') return std::nullopt;
  const auto day = read_digits(text, at, 2);
  if (!day) return std::nullopt;
  const year_month_day date{std::chrono::year(*year), std::chrono::month(static_cast<unsigned>(*month)),
                            std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  std::int64_t ms = duration_cast<milliseconds>(sys_days(date).time_since_epoch()).count();
  if (at == text.size()) return ms;  // a date alone: 00:00 UTC
  if (text[at] != 'T' && text[at] != 't' && text[at] != ' ') return std::nullopt;
  ++at;
  const auto hour = read_digits(text, at, 2);
  if (!hour || *hour > 23 || at >= text.size() || text[at++] != ':') return std::nullopt;
  const auto minute = read_digits(text, at, 2);
  if (!minute || *minute > 59) return std::nullopt;
  int second = 0, millisecond = 0;
  if (at < text.size() && text[at] == ':') {
    ++at;
    const auto s = read_digits(text, at, 2);
    if (!s || *s > 59) return std::nullopt;
    second = *s;
    if (at < text.size() && text[at] == '.') {
      ++at;
      const auto fraction = read_digits(text, at, 3);
      if (!fraction) return std::nullopt;
      millisecond = *fraction;
    }
  }
  ms += ((*hour * 60LL + *minute) * 60 + second) * 1000 + millisecond;
  if (at == text.size()) return std::nullopt;  // the zone is required: no guessing local time
  if (text[at] == 'Z' || text[at] == 'z') return at + 1 == text.size() ? std::optional(ms) : std::nullopt;
  if (text[at] != '+' && text[at] != '-') return std::nullopt;
  const int sign = text[at++] == '+' ? 1 : -1;
  const auto offset_hours = read_digits(text, at, 2);
  if (!offset_hours || at >= text.size() || text[at++] != ':') return std::nullopt;
  const auto offset_minutes = read_digits(text, at, 2);
  if (!offset_minutes || at != text.size() || *offset_hours > 23 || *offset_minutes > 59) return std::nullopt;
  return ms - sign * (*offset_hours * 60LL + *offset_minutes) * 60'000;
}

}  // namespace

std::string_view take_value(std::span<const std::string_view> arguments, std::size_t& i) {
  if (i + 1 >= arguments.size()) throw UsageError(fmt::format("option {} needs a value", arguments[i]));
  return arguments[++i];
}

std::int64_t parse_instant(std::string_view option, std::string_view value) {
  std::int64_t ms = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), ms);
  if (error == std::errc() && end == value.data() + value.size() && !value.empty()) return ms;
  if (const auto parsed = parse_iso8601(value)) return *parsed;
  throw UsageError(fmt::format(
      "{} wants milliseconds since 1970 or an ISO 8601 time with a zone (2026-11-20T12:00:00Z), got '{}'",
      option, value));
}

std::int64_t clock_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

RecordRef parse_record(std::string_view value) {
  const std::size_t colon = value.find(':');
  RecordRef record;
  if (colon != std::string_view::npos) {
    record.type = std::string(value.substr(0, colon));
    record.id = std::string(value.substr(colon + 1));
  }
  if (record.id.empty() || (record.type != "account" && record.type != "contact" && record.type != "lead" &&
                            record.type != "opportunity")) {
    throw UsageError(fmt::format(
        "--record wants TYPE:ID with TYPE account, contact, lead or opportunity, got '{}'", value));
  }
  return record;
}

parley::Viewer resolve_viewer(parley::Store& store, const std::string& user_id) {
  parley::User user;
  try {
    // Any stored user may see themself: this reads the role without a viewer of higher rank.
    user = store.user(parley::Viewer::seller(user_id), user_id);
  } catch (const parley::Error& error) {
    if (error.code() != parley::ErrorCode::not_permitted && error.code() != parley::ErrorCode::not_found)
      throw;
    return parley::Viewer::administrator(user_id);
  }
  switch (user.role) {
    case parley::UserRole::administrator: return parley::Viewer::administrator(user_id);
    case parley::UserRole::manager: return parley::Viewer::manager(user_id, parley::Viewer::unlimited_depth);
    case parley::UserRole::seller: break;
  }
  return parley::Viewer::seller(user_id);
}

void add_role_rule(parley::RoleRules& rules, std::string_view value) {
  const std::size_t equals = value.rfind('=');
  if (equals == std::string_view::npos || equals == 0) {
    throw UsageError(fmt::format("--role wants NAME=ROLE, got '{}'", value));
  }
  const auto role = parley::parse_role(value.substr(equals + 1));
  if (!role) throw UsageError(fmt::format("--role {}: unknown role '{}'", value, value.substr(equals + 1)));
  rules.by_name.emplace_back(std::string(value.substr(0, equals)), *role);
}

AnalysedTranscript analyse_transcript(const std::string& file, const TranscriptOptions& options,
                                      const parley::CallAnalyzer& analyzer) {
  parley::ReadResult read =
      parley::read_transcript_with_warnings(file, options.read_options, options.input_format);
  for (const parley::ReadWarning& warning : read.warnings)
    fmt::print(stderr, "{}\n", parley::to_string(warning));
  AnalysedTranscript result{std::move(read.call), {}};
  // --role and the other rules decide; a speaker they do not match keeps the role its transcript
  // gave (parley JSON carries roles), and only one with none is reported.
  std::vector<parley::Role> written;
  for (const parley::Participant& participant : result.call.participants) written.push_back(participant.role);
  const std::vector<std::string> unmatched = parley::assign_roles(result.call, options.role_rules);
  for (std::size_t i = 0; i < result.call.participants.size(); ++i) {
    parley::Participant& participant = result.call.participants[i];
    if (std::find(unmatched.begin(), unmatched.end(), participant.id) == unmatched.end()) continue;
    if (written[i] != parley::Role::other) {
      participant.role = written[i];
      continue;
    }
    fmt::print(stderr, "parley: {}: speaker '{}' has no role (give --role '{}=seller|customer')\n", file,
               participant.id, participant.id);
  }
  result.analysis = analyzer.analyze(result.call);
  return result;
}

}  // namespace parley_cli
