#include "parley/model.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/ascii.hpp"
#include "model/enum_names.hpp"
#include "parley/error.hpp"
#include "parley/utf8.hpp"

namespace parley {
namespace {

using detail::equals_ascii_case_insensitive;
using detail::address_in_domain;

constexpr detail::EnumName<Role> role_names[] = {
    {Role::seller, "seller"}, {Role::customer, "customer"}, {Role::other, "other"},     {Role::seller, "rep"},
    {Role::seller, "agent"},  {Role::customer, "prospect"}, {Role::customer, "client"},
};

// `where` is a callable returning the location text ("call 'c1': segment 3"): it is only built
// when something is wrong, so valid calls cost no formatting.
template <typename Where>
void check_text(std::string_view text, std::size_t max_bytes, const Where& where) {
  if (text.size() > max_bytes) {
    throw Error(ErrorCode::limit_exceeded, fmt::format("{}: text is {} bytes, more than the limit of {}",
                                                       where(), text.size(), max_bytes));
  }
  if (const std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    throw Error(ErrorCode::invalid_utf8, fmt::format("{}: text is not valid UTF-8 (byte {})", where(), bad));
  }
}

template <typename Where>
void check_times(Milliseconds start, Milliseconds end, Milliseconds max_end, const Where& where) {
  if (start < 0)
    throw Error(ErrorCode::invalid_argument, fmt::format("{}: negative start time {} ms", where(), start));
  if (end < start) {
    throw Error(ErrorCode::invalid_argument,
                fmt::format("{}: end time {} ms is before start time {} ms", where(), end, start));
  }
  if (end > max_end) {
    throw Error(ErrorCode::limit_exceeded,
                fmt::format("{}: end time {} ms is beyond the limit of {} ms", where(), end, max_end));
  }
}

}  // namespace

std::string_view role_name(Role role) noexcept { return detail::name_of(role_names, role); }

std::optional<Role> parse_role(std::string_view name) noexcept {
  return detail::parse_name(role_names, name, detail::NameCase::ascii_insensitive);
}

Milliseconds Call::effective_duration_ms() const noexcept {
  Milliseconds latest = duration_ms;
  for (const Segment& segment : segments) latest = std::max(latest, segment.end_ms);
  return latest;
}

std::optional<std::uint32_t> Call::find_participant(std::string_view participant_id) const noexcept {
  for (std::size_t i = 0; i < participants.size(); ++i) {
    if (participants[i].id == participant_id) return static_cast<std::uint32_t>(i);
  }
  return std::nullopt;
}

std::uint32_t Call::participant_index(std::string_view participant_id) {
  if (auto found = find_participant(participant_id)) return *found;
  participants.push_back(
      Participant{std::string(participant_id), std::string(participant_id), Role::other, {}});
  return static_cast<std::uint32_t>(participants.size() - 1);
}

void validate_call(const Call& call, const ModelLimits& limits) {
  const std::string call_name = call.id.empty() ? std::string("call") : fmt::format("call '{}'", call.id);
  if (call.duration_ms < 0 || call.duration_ms > limits.max_call_duration_ms) {
    throw Error(ErrorCode::invalid_argument,
                fmt::format("{}: field 'duration_ms' is {} ms, outside 0..{}", call_name, call.duration_ms,
                            limits.max_call_duration_ms));
  }
  if (call.participants.size() > limits.max_participants) {
    throw Error(ErrorCode::limit_exceeded,
                fmt::format("{}: {} participants, more than the limit of {}", call_name,
                            call.participants.size(), limits.max_participants));
  }
  if (call.segments.size() > limits.max_segments) {
    throw Error(ErrorCode::limit_exceeded, fmt::format("{}: {} segments, more than the limit of {}",
                                                       call_name, call.segments.size(), limits.max_segments));
  }
  for (std::size_t i = 0; i < call.participants.size(); ++i) {
    const Participant& participant = call.participants[i];
    const auto where = [&] { return fmt::format("{}: participant {}", call_name, i); };
    if (participant.id.empty()) throw Error(ErrorCode::invalid_argument, where() + ": field 'id' is empty");
    check_text(participant.id, 4096, [&] { return where() + " field 'id'"; });
    check_text(participant.display_name, 4096, [&] { return where() + " field 'display_name'"; });
    for (std::size_t j = 0; j < i; ++j) {
      if (call.participants[j].id == participant.id) {
        throw Error(ErrorCode::invalid_argument,
                    fmt::format("{}: duplicate participant id '{}' (also participant {})", where(),
                                participant.id, j));
      }
    }
  }
  for (std::size_t i = 0; i < call.segments.size(); ++i) {
    const Segment& segment = call.segments[i];
    const auto where = [&] { return fmt::format("{}: segment {}", call_name, i); };
    if (segment.speaker >= call.participants.size()) {
      throw Error(ErrorCode::invalid_argument,
                  fmt::format("{}: unknown speaker {} (the call has {} participants)", where(),
                              segment.speaker, call.participants.size()));
    }
    check_times(segment.start_ms, segment.end_ms, limits.max_call_duration_ms, where);
    check_text(segment.text, limits.max_segment_text_bytes, where);
    if (segment.confidence && !(*segment.confidence >= 0.0 && *segment.confidence <= 1.0)) {
      throw Error(ErrorCode::invalid_argument,
                  fmt::format("{}: confidence {} is outside 0..1", where(), *segment.confidence));
    }
    if (segment.words.size() > limits.max_words_per_segment) {
      throw Error(ErrorCode::limit_exceeded, fmt::format("{}: {} words, more than the limit of {}", where(),
                                                         segment.words.size(), limits.max_words_per_segment));
    }
    for (std::size_t w = 0; w < segment.words.size(); ++w) {
      const WordTiming& word = segment.words[w];
      const auto word_where = [&] { return fmt::format("{} word {}", where(), w); };
      check_times(word.start_ms, word.end_ms, limits.max_call_duration_ms, word_where);
      check_text(word.text, limits.max_segment_text_bytes, word_where);
      if (word.confidence && !(*word.confidence >= 0.0 && *word.confidence <= 1.0)) {
        throw Error(ErrorCode::invalid_argument,
                    fmt::format("{}: confidence {} is outside 0..1", word_where(), *word.confidence));
      }
    }
  }
}

std::vector<std::string> assign_roles(Call& call, const RoleRules& rules) {
  std::vector<std::string> unmatched;
  for (Participant& participant : call.participants) {
    const auto names_match = [&](std::string_view name) {
      return equals_ascii_case_insensitive(participant.id, name) ||
             equals_ascii_case_insensitive(participant.display_name, name);
    };
    std::optional<Role> role;
    for (const auto& [name, named_role] : rules.by_name) {
      if (names_match(name)) {
        role = named_role;
        break;
      }
    }
    if (!role && std::any_of(rules.our_users.begin(), rules.our_users.end(), names_match))
      role = Role::seller;
    if (!role) {
      for (const std::string& domain : rules.our_email_domains) {
        if (address_in_domain(participant.id, domain) || address_in_domain(participant.crm_id, domain)) {
          role = Role::seller;
          break;
        }
      }
    }
    if (!role) unmatched.push_back(participant.id);
    participant.role = role.value_or(rules.unmatched);
  }
  return unmatched;
}

}  // namespace parley
