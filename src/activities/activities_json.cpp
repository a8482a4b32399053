// The activity readers' options document and the JSON form of their results.
#include "activities/activities_json.hpp"

#include <string>
#include <utility>
#include <vector>

#include "crm/crm_json.hpp"

namespace parley {

ActivityReadOptions activity_read_options_from_json(const JsonField& field) {
  JsonObject object = field.object();
  ActivityReadOptions options;
  if (std::optional<JsonField> our_side = object.find("our_side")) {
    JsonObject side = our_side->object();
    side.read("domains", options.our_side.domains);
    side.read("addresses", options.our_side.addresses);
    side.finish();
  }
  if (std::optional<JsonField> linking = object.find("linking")) {
    JsonObject links = linking->object();
    ActivityLinking& target = options.linking;
    if (std::optional<JsonField> ids = links.find("ids_by_email")) {
      // An object keeps no order, and needs none: an address has one id.
      JsonObject by_email = ids->object();
      for (const auto& [address, id] : ids->value().items())
        target.ids_by_email.emplace_back(address, by_email.require(address).string());
      by_email.finish();
    }
    links.read("account_id", target.account_id);
    links.read("contact_id", target.contact_id);
    links.read("lead_id", target.lead_id);
    links.read("opportunity_id", target.opportunity_id);
    links.read("account_from_customer_domain", target.account_from_customer_domain);
    links.finish();
  }
  object.read("expand_from_ms", options.expand_from_ms);
  object.read("expand_to_ms", options.expand_to_ms);
  object.read("default_time_zone", options.default_time_zone);
  object.read("max_file_bytes", options.max_file_bytes);
  object.finish();
  return options;
}

namespace {

nlohmann::json errors_json(const std::vector<ActivityReadError>& errors) {
  nlohmann::json out = nlohmann::json::array();
  for (const ActivityReadError& error : errors)
    out.push_back({{"file", error.file}, {"where", error.where}, {"message", error.message}});
  return out;
}

}  // namespace

nlohmann::json to_json_value(const ActivityReadResult& result) {
  nlohmann::json activities = nlohmann::json::array();
  for (const Activity& activity : result.activities) activities.push_back(to_json_value(activity));
  return {{"activities", std::move(activities)}, {"errors", errors_json(result.errors)}, {"skipped", result.skipped}};
}

nlohmann::json to_json_value(const OpportunityReadResult& result) {
  nlohmann::json opportunities = nlohmann::json::array();
  for (const Opportunity& opportunity : result.opportunities) opportunities.push_back(to_json_value(opportunity));
  return {{"opportunities", std::move(opportunities)}, {"errors", errors_json(result.errors)}};
}

}  // namespace parley
