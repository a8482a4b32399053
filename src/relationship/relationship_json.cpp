// JSON forms of the relationship KPIs and threading: field names as in relationship.hpp, absent
// optional figures as null.
#include <nlohmann/json.hpp>

#include "relationship/relationship_json.hpp"

namespace parley {
namespace {

template <typename T>
nlohmann::json optional_value(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json to_json_value(const ModeCounts& counts) {
  return {{"emails", counts.emails},
          {"meetings", counts.meetings},
          {"phone_calls", counts.phone_calls},
          {"total", counts.total()}};
}

nlohmann::json to_json_value(const TopContact& contact) {
  return {{"id", contact.id},
          {"display_name", contact.display_name},
          {"email", contact.email},
          {"interactions", to_json_value(contact.interactions)},
          {"last_contact_ms", contact.last_contact_ms}};
}

nlohmann::json to_json_value(const std::vector<TopContact>& contacts) {
  nlohmann::json out = nlohmann::json::array();
  for (const TopContact& contact : contacts) out.push_back(to_json_value(contact));
  return out;
}

nlohmann::json to_json_value(const InteractionGap& gap) {
  return {{"start_date", gap.start_date}, {"days", gap.days}};
}

nlohmann::json to_json_value(const std::optional<InteractionRef>& ref) {
  if (!ref) return nullptr;
  return {{"activity_id", ref->activity_id},
          {"type", activity_type_name(ref->type)},
          {"timestamp_ms", ref->timestamp_ms}};
}

nlohmann::json to_json_value(const ResponseTime& time) {
  return {{"responses", time.responses},
          {"mean_seconds", optional_value(time.mean_seconds)},
          {"median_seconds", optional_value(time.median_seconds)},
          {"business_mean_seconds", optional_value(time.business_mean_seconds)},
          {"business_median_seconds", optional_value(time.business_median_seconds)}};
}

nlohmann::json to_json_value(const ResponseRate& rate) {
  return {{"messages", rate.messages}, {"responded", rate.responded}, {"rate", optional_value(rate.rate)}};
}

nlohmann::json to_json_value(const RelationshipDay& day) {
  return {{"date", day.date},
          {"start_ms", day.start_ms},
          {"emails_sent", day.emails_sent},
          {"emails_received", day.emails_received},
          {"meetings_sent", day.meetings_sent},
          {"meetings_received", day.meetings_received},
          {"calls_made", day.calls_made},
          {"calls_received", day.calls_received},
          {"minutes_ours", day.minutes_ours},
          {"minutes_customer", day.minutes_customer}};
}

nlohmann::json to_json_value(const Threading& threading) {
  nlohmann::json replies = nlohmann::json::array();
  for (const ReplyLink& link : threading.replies) {
    replies.push_back({{"parent_id", link.parent_id},
                       {"reply_id", link.reply_id},
                       {"match", reply_match_name(link.match)},
                       {"role", reply_role_name(link.role)}});
  }
  nlohmann::json responses = nlohmann::json::array();
  for (const ResponsePair& pair : threading.responses) {
    responses.push_back({{"parent_id", pair.parent_id},
                         {"reply_id", pair.reply_id},
                         {"responder", side_name(pair.responder)},
                         {"seconds", pair.seconds},
                         {"business_seconds", optional_value(pair.business_seconds)}});
  }
  return {{"replies", std::move(replies)},      {"responses", std::move(responses)},
          {"duplicates", threading.duplicates}, {"automatic_replies", threading.automatic_replies},
          {"forwards", threading.forwards},     {"replies_without_parent", threading.replies_without_parent}};
}

nlohmann::json to_json_value(const RelationshipKpis& k) {
  nlohmann::json summary = nlohmann::json::array();
  for (const SummarySentence& sentence : k.summary) {
    nlohmann::json figures = nlohmann::json::object();
    for (const auto& [name, value] : sentence.figures) figures[name] = value;
    summary.push_back({{"topic", sentence.topic}, {"text", sentence.text}, {"figures", std::move(figures)}});
  }
  nlohmann::json days = nlohmann::json::array();
  for (const RelationshipDay& day : k.days) days.push_back(to_json_value(day));
  nlohmann::json gaps = nlohmann::json::array();
  for (const InteractionGap& gap : k.gaps) gaps.push_back(to_json_value(gap));
  return {
      {"now_ms", k.now_ms},
      {"time_zone", k.time_zone},
      {"activities", k.activities},
      {"scheduled", k.scheduled},
      {"summary", std::move(summary)},
      {"top_contacts_ours", to_json_value(k.top_contacts_ours)},
      {"top_contacts_customer", to_json_value(k.top_contacts_customer)},
      {"initiated",
       {{"by_us", to_json_value(k.initiated.by_us)},
        {"by_customer", to_json_value(k.initiated.by_customer)}}},
      {"engagement",
       {{"tracked_emails", k.engagement.tracked_emails},
        {"opened", k.engagement.opened},
        {"replied", k.engagement.replied},
        {"link_clicked", k.engagement.link_clicked},
        {"attachment_viewed", k.engagement.attachment_viewed}}},
      {"email_ratio",
       {{"emails_by_us", k.email_ratio.emails_by_us},
        {"emails_by_customer", k.email_ratio.emails_by_customer},
        {"by_them", optional_value(k.email_ratio.by_them)},
        {"by_us", optional_value(k.email_ratio.by_us)}}},
      {"days", std::move(days)},
      {"gaps", std::move(gaps)},
      {"longest_gap", k.longest_gap ? to_json_value(*k.longest_gap) : nlohmann::json(nullptr)},
      {"minutes_ours", k.minutes_ours},
      {"minutes_customer", k.minutes_customer},
      {"response_time_ours", to_json_value(k.response_time_ours)},
      {"response_time_customer", to_json_value(k.response_time_customer)},
      {"response_rate_ours", to_json_value(k.response_rate_ours)},
      {"response_rate_customer", to_json_value(k.response_rate_customer)},
      {"last_interaction", to_json_value(k.last_interaction)},
      {"next_interaction", to_json_value(k.next_interaction)},
      {"threading", to_json_value(k.threading)},
  };
}

nlohmann::json to_json_value(const RelationshipHealth& h) {
  nlohmann::json components = nlohmann::json::array();
  for (const HealthComponent& c : h.components) {
    components.push_back({{"name", c.name},
                          {"value", c.value},
                          {"weight", c.weight},
                          {"points", c.points},
                          {"explanation", c.explanation}});
  }
  nlohmann::json history = nlohmann::json::array();
  for (const HealthPoint& point : h.history)
    history.push_back({{"as_of_ms", point.as_of_ms}, {"score", point.score}});
  nlohmann::json signals = nlohmann::json::array();
  for (const HealthSignal& signal : h.signals) {
    signals.push_back({{"component", signal.component}, {"points", signal.points}, {"text", signal.text}});
  }
  return {{"score", h.score},
          {"band", health_band_name(h.band)},
          {"trend", health_trend_name(h.trend)},
          {"components", std::move(components)},
          {"history", std::move(history)},
          {"signals", std::move(signals)},
          {"last_interaction", to_json_value(h.last_interaction)},
          {"next_interaction", to_json_value(h.next_interaction)}};
}

}  // namespace

TimeSpentModel time_spent_from_json(const JsonField& field) {
  JsonObject members = field.object();
  TimeSpentModel model;
  members.read("email_write_minutes", model.email_write_minutes);
  members.read("email_read_minutes", model.email_read_minutes);
  members.read("meeting_per_attendee", model.meeting_per_attendee);
  members.read("call_per_participant", model.call_per_participant);
  members.finish();
  return model;
}

std::string to_json(const RelationshipHealth& health) { return to_json_value(health).dump(); }
std::string to_json(const RelationshipKpis& kpis) { return to_json_value(kpis).dump(); }
std::string to_json(const Threading& threading) { return to_json_value(threading).dump(); }

}  // namespace parley
