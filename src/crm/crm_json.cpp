// JSON forms of users, opportunities, activities and comments, and their readers.
#include "crm/crm_json.hpp"

namespace parley {
namespace {

constexpr UserRole user_roles[] = {UserRole::seller, UserRole::manager, UserRole::administrator};
constexpr OpportunityStatus opportunity_statuses[] = {OpportunityStatus::open, OpportunityStatus::won,
                                                      OpportunityStatus::lost};
constexpr ActivityType activity_types[] = {ActivityType::email, ActivityType::meeting,
                                           ActivityType::phone_call};
constexpr ActivityDirection activity_directions[] = {ActivityDirection::sent, ActivityDirection::received};
constexpr EngagementKind engagement_kinds[] = {EngagementKind::opened, EngagementKind::replied,
                                               EngagementKind::link_clicked,
                                               EngagementKind::attachment_viewed};

// A string member that the writer writes as null when empty (manager_id).
void read_string_or_null(JsonObject& object, std::string_view name, std::string& target) {
  if (std::optional<JsonField> member = object.find(name)) target = member->is_null() ? "" : member->string();
}

ActivityParty activity_party_from_json(const JsonField& field) {
  JsonObject object = field.object();
  ActivityParty party;
  party.id = object.require("id").string();
  object.read("display_name", party.display_name);
  object.read("email", party.email);
  object.read("time_zone", party.time_zone);
  object.finish();
  return party;
}

EngagementEvent engagement_event_from_json(const JsonField& field) {
  JsonObject object = field.object();
  EngagementEvent event;
  event.kind = object.require("kind").name_among(engagement_kinds, engagement_kind_name);
  object.read("time_ms", event.time_ms);
  object.finish();
  return event;
}

}  // namespace

nlohmann::json to_json_value(const User& user) {
  return {{"id", user.id},
          {"display_name", user.display_name},
          {"email", user.email},
          {"role", user_role_name(user.role)},
          {"manager_id", user.manager_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(user.manager_id)},
          {"time_zone", user.time_zone}};
}

nlohmann::json to_json_value(const Opportunity& o) {
  return {{"id", o.id},
          {"name", o.name},
          {"account_id", o.account_id},
          {"owner_id", o.owner_id},
          {"status", opportunity_status_name(o.status)},
          {"estimated_revenue", o.estimated_revenue},
          {"actual_revenue", o.actual_revenue},
          {"currency", o.currency},
          {"created_ms", o.created_ms},
          {"closed_ms", o.closed_ms ? nlohmann::json(*o.closed_ms) : nlohmann::json(nullptr)}};
}

nlohmann::json to_json_value(const Activity& a) {
  auto parties = [](const std::vector<ActivityParty>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : list) {
      out.push_back(
          {{"id", p.id}, {"display_name", p.display_name}, {"email", p.email}, {"time_zone", p.time_zone}});
    }
    return out;
  };
  nlohmann::json engagement = nlohmann::json::array();
  for (const auto& e : a.engagement) {
    engagement.push_back({{"kind", engagement_kind_name(e.kind)}, {"time_ms", e.time_ms}});
  }
  return {{"id", a.id},
          {"type", activity_type_name(a.type)},
          {"direction", activity_direction_name(a.direction)},
          {"owner_id", a.owner_id},
          {"initiator_id", a.initiator_id},
          {"our_side", parties(a.our_side)},
          {"customer_side", parties(a.customer_side)},
          {"timestamp_ms", a.timestamp_ms},
          {"duration_ms", a.duration_ms},
          {"subject", a.subject},
          {"thread_id", a.thread_id},
          {"message_id", a.message_id},
          {"in_reply_to", a.in_reply_to},
          {"references", a.references},
          {"automatic_reply", a.automatic_reply},
          {"tracked", a.tracked},
          {"attachment_count", a.attachment_count},
          {"engagement", engagement},
          {"account_id", a.account_id},
          {"contact_id", a.contact_id},
          {"lead_id", a.lead_id},
          {"opportunity_id", a.opportunity_id}};
}

nlohmann::json to_json_value(const Comment& c) {
  return {{"id", c.id},
          {"call_id", c.call_id},
          {"author_id", c.author_id},
          {"created_ms", c.created_ms},
          {"offset_ms", c.offset_ms},
          {"segment_index", c.segment_index ? nlohmann::json(*c.segment_index) : nlohmann::json(nullptr)},
          {"text", c.text}};
}

User user_from_json(const JsonField& field) {
  JsonObject object = field.object();
  User user;
  user.id = object.require("id").string();
  object.read("display_name", user.display_name);
  object.read("email", user.email);
  if (std::optional<JsonField> role = object.find("role"))
    user.role = role->name_among(user_roles, user_role_name);
  read_string_or_null(object, "manager_id", user.manager_id);
  object.read("time_zone", user.time_zone);
  object.finish();
  return user;
}

Opportunity opportunity_from_json(const JsonField& field) {
  JsonObject object = field.object();
  Opportunity o;
  o.id = object.require("id").string();
  object.read("name", o.name);
  object.read("account_id", o.account_id);
  object.read("owner_id", o.owner_id);
  if (std::optional<JsonField> status = object.find("status"))
    o.status = status->name_among(opportunity_statuses, opportunity_status_name);
  object.read("estimated_revenue", o.estimated_revenue);
  object.read("actual_revenue", o.actual_revenue);
  object.read("currency", o.currency);
  object.read("created_ms", o.created_ms);
  object.read("closed_ms", o.closed_ms);
  object.finish();
  return o;
}

Activity activity_from_json(const JsonField& field) {
  JsonObject object = field.object();
  Activity a;
  a.id = object.require("id").string();
  if (std::optional<JsonField> type = object.find("type"))
    a.type = type->name_among(activity_types, activity_type_name);
  if (std::optional<JsonField> direction = object.find("direction"))
    a.direction = direction->name_among(activity_directions, activity_direction_name);
  object.read("owner_id", a.owner_id);
  object.read("initiator_id", a.initiator_id);
  if (std::optional<JsonField> parties = object.find("our_side"))
    a.our_side = array_from_json(*parties, activity_party_from_json);
  if (std::optional<JsonField> parties = object.find("customer_side"))
    a.customer_side = array_from_json(*parties, activity_party_from_json);
  object.read("timestamp_ms", a.timestamp_ms);
  object.read("duration_ms", a.duration_ms);
  object.read("subject", a.subject);
  object.read("thread_id", a.thread_id);
  object.read("message_id", a.message_id);
  object.read("in_reply_to", a.in_reply_to);
  object.read("references", a.references);
  object.read("automatic_reply", a.automatic_reply);
  object.read("tracked", a.tracked);
  object.read("attachment_count", a.attachment_count);
  if (std::optional<JsonField> engagement = object.find("engagement"))
    a.engagement = array_from_json(*engagement, engagement_event_from_json);
  object.read("account_id", a.account_id);
  object.read("contact_id", a.contact_id);
  object.read("lead_id", a.lead_id);
  object.read("opportunity_id", a.opportunity_id);
  object.finish();
  return a;
}

Comment comment_from_json(const JsonField& field) {
  JsonObject object = field.object();
  Comment c;
  object.read("id", c.id);
  c.call_id = object.require("call_id").string();
  object.read("author_id", c.author_id);
  object.read("created_ms", c.created_ms);
  object.read("offset_ms", c.offset_ms);
  object.read("segment_index", c.segment_index);
  object.read("text", c.text);
  object.finish();
  return c;
}

}  // namespace parley
