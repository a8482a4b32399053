// Names of the CRM enums (stable strings used in JSON and by the C ABI).
#include "parley/crm.hpp"

#include "model/enum_names.hpp"

namespace parley {
namespace {

constexpr detail::EnumName<UserRole> user_role_names[] = {
    {UserRole::seller, "seller"}, {UserRole::manager, "manager"}, {UserRole::administrator, "administrator"}};
constexpr detail::EnumName<OpportunityStatus> opportunity_status_names[] = {
    {OpportunityStatus::open, "open"}, {OpportunityStatus::won, "won"}, {OpportunityStatus::lost, "lost"}};
constexpr detail::EnumName<ActivityType> activity_type_names[] = {{ActivityType::email, "email"},
                                                                  {ActivityType::meeting, "meeting"},
                                                                  {ActivityType::phone_call, "phone_call"}};
constexpr detail::EnumName<ActivityDirection> activity_direction_names[] = {
    {ActivityDirection::sent, "sent"}, {ActivityDirection::received, "received"}};
constexpr detail::EnumName<EngagementKind> engagement_kind_names[] = {
    {EngagementKind::opened, "opened"},
    {EngagementKind::replied, "replied"},
    {EngagementKind::link_clicked, "link_clicked"},
    {EngagementKind::attachment_viewed, "attachment_viewed"}};

}  // namespace

std::string_view user_role_name(UserRole role) noexcept { return detail::name_of(user_role_names, role); }
std::optional<UserRole> parse_user_role(std::string_view name) noexcept {
  return detail::parse_name(user_role_names, name);
}

std::string_view opportunity_status_name(OpportunityStatus status) noexcept {
  return detail::name_of(opportunity_status_names, status);
}
std::optional<OpportunityStatus> parse_opportunity_status(std::string_view name) noexcept {
  return detail::parse_name(opportunity_status_names, name);
}

std::string_view activity_type_name(ActivityType type) noexcept {
  return detail::name_of(activity_type_names, type);
}
std::optional<ActivityType> parse_activity_type(std::string_view name) noexcept {
  return detail::parse_name(activity_type_names, name);
}

std::string_view activity_direction_name(ActivityDirection direction) noexcept {
  return detail::name_of(activity_direction_names, direction);
}
std::optional<ActivityDirection> parse_activity_direction(std::string_view name) noexcept {
  return detail::parse_name(activity_direction_names, name);
}

std::string_view engagement_kind_name(EngagementKind kind) noexcept {
  return detail::name_of(engagement_kind_names, kind);
}
std::optional<EngagementKind> parse_engagement_kind(std::string_view name) noexcept {
  return detail::parse_name(engagement_kind_names, name);
}

}  // namespace parley
