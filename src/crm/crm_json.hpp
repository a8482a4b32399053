#pragma once
// Internal interface of the crm area (for the areas above it and the C ABI; never installed): the
// JSON forms of users, opportunities, activities and comments, and their readers. Each reader
// accepts what the writer writes (an optional member may be absent or null: its default), refuses
// unknown members and fails with Error(parse) naming the JSON path; the identifying member ("id", a
// comment's "call_id") is required; values are checked where the records are stored.
#include <nlohmann/json.hpp>

#include "json/json_input.hpp"
#include "parley/crm.hpp"

namespace parley {

nlohmann::json to_json_value(const User& user);
nlohmann::json to_json_value(const Opportunity& opportunity);
nlohmann::json to_json_value(const Activity& activity);
nlohmann::json to_json_value(const Comment& comment);

User user_from_json(const JsonField& field);
Opportunity opportunity_from_json(const JsonField& field);
Activity activity_from_json(const JsonField& field);
// A comment to add ({"call_id", "offset_ms", "segment_index", "text", "created_ms"}; "id" and
// "author_id" are accepted as written, the store assigns both when adding).
Comment comment_from_json(const JsonField& field);

}  // namespace parley
