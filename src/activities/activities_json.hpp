#pragma once
// Internal interface of the activities area (for the C ABI; never installed): the options document
// the readers take and the JSON form of what they read.
#include <nlohmann/json.hpp>

#include "json/json_input.hpp"
#include "parley/activities.hpp"

namespace parley {

// {"our_side": {"domains": [...], "addresses": [...]}, "linking": {"ids_by_email": {address: id},
// "account_id", "contact_id", "lead_id", "opportunity_id", "account_from_customer_domain"},
// "expand_from_ms", "expand_to_ms", "default_time_zone", "max_file_bytes"}; every member optional.
ActivityReadOptions activity_read_options_from_json(const JsonField& field);

// {"activities": [activity...] (crm_json's form, what the store's put_activities takes),
//  "errors": [{"file", "where", "message"}...], "skipped": n}.
nlohmann::json to_json_value(const ActivityReadResult& result);
// {"opportunities": [opportunity...], "errors": [{"file", "where", "message"}...]}.
nlohmann::json to_json_value(const OpportunityReadResult& result);

}  // namespace parley
