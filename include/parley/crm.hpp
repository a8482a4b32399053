#pragma once
// CRM value types (SPEC 1): users with their manager hierarchy, opportunities, activities (emails,
// meetings, phone calls) and comments on call transcripts. Plain value structs; the store keeps
// them and the insights and relationship areas read them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

// What a user may do: sellers own calls, managers head a team (the subtree of users below them),
// administrators configure the organisation and see everything.
enum class UserRole : std::uint8_t { seller, manager, administrator };

// "seller", "manager", "administrator".
std::string_view user_role_name(UserRole role) noexcept;
std::optional<UserRole> parse_user_role(std::string_view name) noexcept;

struct User {
  std::string id;            // the CRM's user id
  std::string display_name;  // as shown to people
  std::string email;         // optional
  UserRole role = UserRole::seller;
  std::string manager_id;  // the user's manager; empty for the top of the hierarchy
  std::string time_zone;   // optional IANA zone ("Europe/Copenhagen") for period filters
};

enum class OpportunityStatus : std::uint8_t { open, won, lost };

// "open", "won", "lost".
std::string_view opportunity_status_name(OpportunityStatus status) noexcept;
std::optional<OpportunityStatus> parse_opportunity_status(std::string_view name) noexcept;

struct Opportunity {
  std::string id;
  std::string name;
  std::string account_id;
  std::string owner_id;  // the seller who owns it (a User id)
  OpportunityStatus status = OpportunityStatus::open;
  double estimated_revenue = 0;
  double actual_revenue = 0;              // meaningful once won
  std::string currency;                   // ISO 4217 code, optional
  std::int64_t created_ms = 0;            // UTC instant, ms since the Unix epoch
  std::optional<std::int64_t> closed_ms;  // set once won or lost
};

enum class ActivityType : std::uint8_t { email, meeting, phone_call };
// Sent by us (our side initiated / wrote it) or received from the customer.
enum class ActivityDirection : std::uint8_t { sent, received };
enum class EngagementKind : std::uint8_t { opened, replied, link_clicked, attachment_viewed };

// "email", "meeting", "phone_call"; "sent", "received"; "opened", "replied", "link_clicked",
// "attachment_viewed".
std::string_view activity_type_name(ActivityType type) noexcept;
std::string_view activity_direction_name(ActivityDirection direction) noexcept;
std::string_view engagement_kind_name(EngagementKind kind) noexcept;
std::optional<ActivityType> parse_activity_type(std::string_view name) noexcept;
std::optional<ActivityDirection> parse_activity_direction(std::string_view name) noexcept;
std::optional<EngagementKind> parse_engagement_kind(std::string_view name) noexcept;

// One person taking part in an activity: on our side a User id, on the customer's side a contact id.
struct ActivityParty {
  std::string id;
  std::string display_name;  // optional
  std::string email;         // optional
  std::string time_zone;     // optional IANA zone, for business-hours response times
};

// A tracked-email engagement event (the recipient opened it, replied, clicked a link...).
struct EngagementEvent {
  EngagementKind kind = EngagementKind::opened;
  std::int64_t time_ms = 0;  // UTC instant
};

struct Activity {
  std::string id;
  ActivityType type = ActivityType::email;
  ActivityDirection direction = ActivityDirection::sent;
  std::string owner_id;                 // the seller (User id) whose activity it is; decides who may see it
  std::string initiator_id;             // who started it: a User id or a contact id
  std::vector<ActivityParty> our_side;  // our participants (User ids)
  std::vector<ActivityParty> customer_side;  // the customer's participants (contact ids)
  std::int64_t timestamp_ms = 0;             // sent / start time, UTC instant; future = scheduled
  std::int64_t duration_ms = 0;              // meetings and phone calls
  std::string subject;
  // Email threading (RFC 5256): conversation id, this message's Message-ID, In-Reply-To and
  // References, oldest first.
  std::string thread_id;
  std::string message_id;
  std::string in_reply_to;
  std::vector<std::string> references;
  bool automatic_reply = false;  // an auto-responder's email (out of office)
  bool tracked = false;          // a tracked email: engagement events are recorded
  std::uint32_t attachment_count = 0;  // an email's attachments: counted, not stored
  std::vector<EngagementEvent> engagement;
  // The CRM records it belongs to (each optional).
  std::string account_id, contact_id, lead_id, opportunity_id;
};

// A note on a call transcript, anchored at a time offset and optionally a segment.
struct Comment {
  std::string id;  // empty when adding: the store assigns one
  std::string call_id;
  std::string author_id;                       // a User id; the store sets it to the viewer when adding
  std::int64_t created_ms = 0;                 // UTC instant
  std::int64_t offset_ms = 0;                  // anchor: time offset from call start
  std::optional<std::uint32_t> segment_index;  // anchor: segment, when the note is on one
  std::string text;                            // UTF-8
};

}  // namespace parley
