// The C ABI's relationship analytics: a record's KPIs and health from the activities the viewer may
// see (parley/relationship.hpp).
#include <string>
#include <vector>

#include "parley/relationship.hpp"
#include "store/store_json.hpp"
#include "store_support.hpp"

using namespace parley;

extern "C" {

parley_status parley_store_relationship(parley_store* store, const parley_viewer* viewer,
                                        const char* activity_filter_json, size_t activity_filter_json_length,
                                        const char* relationship_options_json,
                                        size_t relationship_options_json_length, int64_t now_ms,
                                        char** out_json) {
  return capi::guarded([&] {
    char*& result = capi::out_arg(out_json, "out_json");
    Store& target = capi::store_arg(store);
    const Viewer who = capi::viewer_arg(viewer);
    const ActivityFilter filter = capi::options_arg(activity_filter_json, activity_filter_json_length,
                                                    "activity_filter_json", activity_filter_from_json);
    const capi::RelationshipDocument options =
        capi::options_arg(relationship_options_json, relationship_options_json_length,
                          "relationship_options_json", capi::relationship_document_from_json);
    const std::vector<Activity> activities = target.activities(who, filter);
    const std::string kpis = to_json(relationship_kpis(activities, options.relationship, now_ms));
    const std::string health =
        to_json(relationship_health(activities, options.relationship, options.health, now_ms));
    result = capi::copy_string("{\"kpis\":" + kpis + ",\"health\":" + health + "}");
  });
}

}  // extern "C"
