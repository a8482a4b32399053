#pragma once
// Internal interface of the relationship area (for the areas above it; never installed): the JSON
// reader of the time-spent model, which the relationship options and the insight options both
// carry as "time_spent".
#include "json/json_input.hpp"
#include "parley/relationship.hpp"

namespace parley {

// {"email_write_minutes", "email_read_minutes", "meeting_per_attendee", "call_per_participant"},
// each optional (TimeSpentModel's defaults); unknown members are refused.
TimeSpentModel time_spent_from_json(const JsonField& field);

}  // namespace parley
