#pragma once
// The transcript model: a Call with its Participants and Segments. Plain value types.
// Segments may overlap, arrive unsorted, be zero-length or duplicated, as real diarization output
// does; validate_call() rejects only what cannot be a transcript (reversed or negative times,
// unknown speakers, invalid UTF-8, absurd sizes).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

using Milliseconds = std::int64_t;

enum class Role : std::uint8_t { seller, customer, other };

// "seller", "customer", "other".
std::string_view role_name(Role role) noexcept;
// Inverse of role_name (also accepts "rep"/"agent" for seller, "prospect"/"client" for customer).
std::optional<Role> parse_role(std::string_view name) noexcept;

struct Participant {
  std::string id;            // unique within the call: the transcript's speaker label
  std::string display_name;  // as shown to people; defaults to id
  Role role = Role::other;   // readers leave it `other`: the host assigns roles (assign_roles)
  std::string crm_id;        // optional CRM user or contact id
};

struct WordTiming {
  Milliseconds start_ms = 0;
  Milliseconds end_ms = 0;
  std::string text;
  std::optional<double> confidence;  // 0..1 when the speech service gives one
};

struct Segment {
  std::uint32_t speaker = 0;  // index into Call::participants
  Milliseconds start_ms = 0;  // offset from call start
  Milliseconds end_ms = 0;
  std::string text;                  // UTF-8
  std::vector<WordTiming> words;     // optional per-word timings
  std::optional<double> confidence;  // 0..1 segment confidence, when given
};

struct Call {
  std::string id;
  std::int64_t start_time_ms = 0;  // UTC instant, milliseconds since the Unix epoch
  Milliseconds duration_ms = 0;    // 0 = unknown: effective_duration_ms() uses the last segment end
  std::string language;            // BCP 47 tag, e.g. "en-US", "zh-CN"
  std::string owner_seller_id;
  std::string account_id, contact_id, lead_id, opportunity_id;  // optional CRM links
  std::vector<Participant> participants;
  std::vector<Segment> segments;

  // The call's length for rates ("switches per hour"): the larger of duration_ms and the latest
  // segment end, so a missing or understated duration never yields an impossible rate.
  Milliseconds effective_duration_ms() const noexcept;
  // Index of the participant with this id, if any.
  std::optional<std::uint32_t> find_participant(std::string_view participant_id) const noexcept;
  // Index of the participant with this id, added with role `other` if missing.
  std::uint32_t participant_index(std::string_view participant_id);
};

// Sizes beyond which input is rejected as absurd (ErrorCode::limit_exceeded), not analysed.
struct ModelLimits {
  std::size_t max_segments = 10'000'000;
  std::size_t max_participants = 10'000;
  std::size_t max_segment_text_bytes = 64u << 20;  // 64 MiB in one segment
  std::size_t max_words_per_segment = 10'000'000;
  Milliseconds max_call_duration_ms = 7LL * 24 * 3600 * 1000;  // a week

  // Throws Error(invalid_argument) naming a field that is not > 0 ("ModelLimits.max_segments = 0:
  // must be > 0"); `where` names this struct in the message.
  void validate(std::string_view where = "ModelLimits") const;
};

// Throws parley::Error naming the segment, word or participant at fault and the field.
void validate_call(const Call& call, const ModelLimits& limits = {});

// How the host maps transcript speakers to roles; a reader never guesses.
struct RoleRules {
  // Exact speaker id or display name (compared case-insensitively for ASCII) -> role.
  std::vector<std::pair<std::string, Role>> by_name;
  // Names of our users (sellers); a speaker whose id or display name is one of them is a seller.
  std::vector<std::string> our_users;
  // Our email domains ("contoso.com"): a speaker id or CRM id that is an address in the domain or a
  // subdomain of it ("ana@eu.contoso.com") is a seller.
  std::vector<std::string> our_email_domains;
  // Role for speakers no rule matches: `other` by default, so nothing is attributed silently.
  Role unmatched = Role::other;
};

// Sets every participant's role by the rules; returns the ids of participants no rule matched.
std::vector<std::string> assign_roles(Call& call, const RoleRules& rules);

}  // namespace parley
