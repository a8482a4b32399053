// Names of the CRM enums (stable strings used in JSON and by the C ABI).
#include "parley/crm.hpp"

namespace parley {

std::string_view user_role_name(UserRole role) noexcept {
  switch (role) {
    case UserRole::seller: return "seller";
    case UserRole::manager: return "manager";
    case UserRole::administrator: return "administrator";
  }
  return "seller";
}

std::optional<UserRole> parse_user_role(std::string_view name) noexcept {
  if (name == "seller") return UserRole::seller;
  if (name == "manager") return UserRole::manager;
  if (name == "administrator") return UserRole::administrator;
  return std::nullopt;
}

std::string_view opportunity_status_name(OpportunityStatus status) noexcept {
  switch (status) {
    case OpportunityStatus::open: return "open";
    case OpportunityStatus::won: return "won";
    case OpportunityStatus::lost: return "lost";
  }
  return "open";
}

std::optional<OpportunityStatus> parse_opportunity_status(std::string_view name) noexcept {
  if (name == "open") return OpportunityStatus::open;
  if (name == "won") return OpportunityStatus::won;
  if (name == "lost") return OpportunityStatus::lost;
  return std::nullopt;
}

std::string_view activity_type_name(ActivityType type) noexcept {
  switch (type) {
    case ActivityType::email: return "email";
    case ActivityType::meeting: return "meeting";
    case ActivityType::phone_call: return "phone_call";
  }
  return "email";
}

std::string_view activity_direction_name(ActivityDirection direction) noexcept {
  return direction == ActivityDirection::sent ? "sent" : "received";
}

std::string_view engagement_kind_name(EngagementKind kind) noexcept {
  switch (kind) {
    case EngagementKind::opened: return "opened";
    case EngagementKind::replied: return "replied";
    case EngagementKind::link_clicked: return "link_clicked";
    case EngagementKind::attachment_viewed: return "attachment_viewed";
  }
  return "opened";
}

std::optional<ActivityType> parse_activity_type(std::string_view name) noexcept {
  if (name == "email") return ActivityType::email;
  if (name == "meeting") return ActivityType::meeting;
  if (name == "phone_call") return ActivityType::phone_call;
  return std::nullopt;
}

std::optional<ActivityDirection> parse_activity_direction(std::string_view name) noexcept {
  if (name == "sent") return ActivityDirection::sent;
  if (name == "received") return ActivityDirection::received;
  return std::nullopt;
}

std::optional<EngagementKind> parse_engagement_kind(std::string_view name) noexcept {
  if (name == "opened") return EngagementKind::opened;
  if (name == "replied") return EngagementKind::replied;
  if (name == "link_clicked") return EngagementKind::link_clicked;
  if (name == "attachment_viewed") return EngagementKind::attachment_viewed;
  return std::nullopt;
}

}  // namespace parley
