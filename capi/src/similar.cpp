// The C ABI's similar won opportunities: the features of every opportunity the viewer may see, from
// the activities the viewer may see, and the won ones nearest to an open one (parley/relationship.hpp).
#include <string>
#include <vector>

#include "parley/relationship.hpp"
#include "store_support.hpp"

using namespace parley;

extern "C" {

parley_status parley_store_similar_won(parley_store* store, const parley_viewer* viewer,
                                       const char* opportunity_id, size_t opportunity_id_length,
                                       const char* relationship_options_json,
                                       size_t relationship_options_json_length, size_t k, int64_t now_ms,
                                       char** out_json) {
  return capi::guarded([&] {
    char*& result = capi::out_arg(out_json, "out_json");
    Store& target = capi::store_arg(store);
    const Viewer who = capi::viewer_arg(viewer);
    const std::string id(capi::text_arg(opportunity_id, opportunity_id_length, "opportunity_id"));
    // Only the health part of the document is unused here.
    const capi::RelationshipDocument options =
        capi::options_arg(relationship_options_json, relationship_options_json_length,
                          "relationship_options_json", capi::relationship_document_from_json);
    const std::vector<Opportunity> opportunities = target.opportunities(who, OpportunityFilter{});
    const std::vector<Activity> activities = target.activities(who, ActivityFilter{});
    const FeatureMatrix matrix = refresh_features(opportunities, activities, options.relationship, now_ms);
    result = capi::copy_string(to_json(similar_won(matrix, id, k)));
  });
}

}  // extern "C"
