// The C ABI's store records: tracked-term lists, comments, CRM records, retention and deletion, and
// the processing log.
#include <string>
#include <vector>

#include "parley/ingest.hpp"
#include "store/store_json.hpp"
#include "store_support.hpp"
#include "terms/terms_json.hpp"

using namespace parley;

extern "C" {

parley_status parley_store_put_term_list(parley_store* store, const parley_viewer* viewer,
                                         const char* list_json, size_t list_json_length) {
  return capi::store_call(store, viewer, [&](Store& target, const Viewer& who) {
    target.put_term_list(who, capi::required_document_arg(list_json, list_json_length, "list_json",
                                                          "a term list object", term_list_from_json));
  });
}

parley_status parley_store_delete_term_list(parley_store* store, const parley_viewer* viewer,
                                            const char* list_id, size_t list_id_length) {
  return capi::store_call(store, viewer, [&](Store& target, const Viewer& who) {
    target.delete_term_list(who, capi::text_arg(list_id, list_id_length, "list_id"));
  });
}

parley_status parley_store_term_lists(parley_store* store, const parley_viewer* viewer, char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    return to_json_array(target.term_lists(who));
  });
}

parley_status parley_store_terms_for_seller(parley_store* store, const parley_viewer* viewer,
                                            const char* seller_id, size_t seller_id_length,
                                            char** out_terms_json) {
  return capi::store_query(
      store, viewer, out_terms_json, "out_terms_json", [&](Store& target, const Viewer& who) {
        const std::vector<TermList> lists =
            target.term_lists_for_seller(who, capi::text_arg(seller_id, seller_id_length, "seller_id"));
        // The store chose the lists of the seller's teams (their manager, that manager's manager...):
        // those lists' teams are the seller's teams.
        std::vector<std::string> team_ids;
        for (const TermList& list : lists) {
          if (list.scope.level == TermScope::Level::team) team_ids.push_back(list.scope.team_id);
        }
        return to_json_array(terms_for_seller(tracked_terms_from_lists(lists), team_ids));
      });
}

parley_status parley_store_add_comment(parley_store* store, const parley_viewer* viewer,
                                       const char* comment_json, size_t comment_json_length,
                                       char** out_comment_id) {
  return capi::guarded([&] {
    capi::optional_out(out_comment_id);
    Store& target = capi::store_arg(store);
    const Viewer who = capi::viewer_arg(viewer);
    const Comment comment = capi::required_document_arg(comment_json, comment_json_length, "comment_json",
                                                        "a comment object", comment_from_json);
    const std::string id = target.add_comment(who, comment);
    if (out_comment_id != nullptr) *out_comment_id = capi::copy_string(id);
  });
}

parley_status parley_store_delete_comment(parley_store* store, const parley_viewer* viewer,
                                          const char* comment_id, size_t comment_id_length) {
  return capi::store_call(store, viewer, [&](Store& target, const Viewer& who) {
    target.delete_comment(who, capi::text_arg(comment_id, comment_id_length, "comment_id"));
  });
}

parley_status parley_store_comments_for_call(parley_store* store, const parley_viewer* viewer,
                                             const char* call_id, size_t call_id_length, char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    return to_json_array(target.comments_for_call(who, capi::text_arg(call_id, call_id_length, "call_id")));
  });
}

parley_status parley_store_comments_for_seller(parley_store* store, const parley_viewer* viewer,
                                               const char* seller_id, size_t seller_id_length,
                                               int64_t from_ms, int64_t to_ms, char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    return to_json_array(target.comments_for_seller(
        who, capi::text_arg(seller_id, seller_id_length, "seller_id"), from_ms, to_ms));
  });
}

parley_status parley_store_put_opportunities(parley_store* store, const parley_viewer* viewer,
                                             const char* opportunities_json,
                                             size_t opportunities_json_length) {
  return capi::store_call(store, viewer, [&](Store& target, const Viewer& who) {
    const std::vector<Opportunity> items = capi::required_document_arg(
        opportunities_json, opportunities_json_length, "opportunities_json", "a JSON array of opportunities",
        [](const JsonField& field) { return array_from_json(field, opportunity_from_json); });
    target.put_opportunities(who, items);
  });
}

parley_status parley_store_opportunities(parley_store* store, const parley_viewer* viewer,
                                         const char* opportunity_filter_json,
                                         size_t opportunity_filter_json_length, char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    const OpportunityFilter filter =
        capi::options_arg(opportunity_filter_json, opportunity_filter_json_length, "opportunity_filter_json",
                          opportunity_filter_from_json);
    return to_json_array(target.opportunities(who, filter));
  });
}

parley_status parley_store_put_activities(parley_store* store, const parley_viewer* viewer,
                                          const char* activities_json, size_t activities_json_length) {
  return capi::store_call(store, viewer, [&](Store& target, const Viewer& who) {
    const std::vector<Activity> items = capi::required_document_arg(
        activities_json, activities_json_length, "activities_json", "a JSON array of activities",
        [](const JsonField& field) { return array_from_json(field, activity_from_json); });
    target.put_activities(who, items);
  });
}

parley_status parley_store_activities(parley_store* store, const parley_viewer* viewer,
                                      const char* activity_filter_json, size_t activity_filter_json_length,
                                      char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    const ActivityFilter filter = capi::options_arg(activity_filter_json, activity_filter_json_length,
                                                    "activity_filter_json", activity_filter_from_json);
    return to_json_array(target.activities(who, filter));
  });
}

parley_status parley_store_set_retention(parley_store* store, const parley_viewer* viewer,
                                         const char* policy_json, size_t policy_json_length) {
  return capi::store_call(store, viewer, [&](Store& target, const Viewer& who) {
    target.set_retention(
        who, capi::required_document_arg(policy_json, policy_json_length, "policy_json",
                                         "a retention policy object", retention_policy_from_json));
  });
}

parley_status parley_store_clear_retention(parley_store* store, const parley_viewer* viewer,
                                           const char* scope_json, size_t scope_json_length) {
  return capi::store_call(store, viewer, [&](Store& target, const Viewer& who) {
    target.clear_retention(who, capi::required_document_arg(scope_json, scope_json_length, "scope_json",
                                                            "a scope object", term_scope_from_json));
  });
}

parley_status parley_store_retention_policies(parley_store* store, const parley_viewer* viewer,
                                              char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    return to_json_array(target.retention_policies(who));
  });
}

parley_status parley_store_purge_expired(parley_store* store, const parley_viewer* viewer, int64_t now_ms,
                                         char** out_report_json) {
  return capi::store_query(
      store, viewer, out_report_json, "out_report_json",
      [&](Store& target, const Viewer& who) { return to_json_value(target.purge_expired(who, now_ms)); });
}

parley_status parley_store_delete_seller_data(parley_store* store, const parley_viewer* viewer,
                                              const char* seller_id, size_t seller_id_length,
                                              char** out_report_json) {
  return capi::store_query(
      store, viewer, out_report_json, "out_report_json", [&](Store& target, const Viewer& who) {
        return to_json_value(
            target.delete_seller_data(who, capi::text_arg(seller_id, seller_id_length, "seller_id")));
      });
}

parley_status parley_store_delete_contact_data(parley_store* store, const parley_viewer* viewer,
                                               const char* contact_id, size_t contact_id_length,
                                               char** out_report_json) {
  return capi::store_query(
      store, viewer, out_report_json, "out_report_json", [&](Store& target, const Viewer& who) {
        return to_json_value(
            target.delete_contact_data(who, capi::text_arg(contact_id, contact_id_length, "contact_id")));
      });
}

parley_status parley_store_log_processing(parley_store* store, const parley_viewer* viewer,
                                          const char* event_json, size_t event_json_length) {
  return capi::store_call(store, viewer, [&](Store& target, const Viewer& who) {
    target.log_processing(
        who, capi::required_document_arg(event_json, event_json_length, "event_json",
                                         "a processing event object", processing_event_from_json));
  });
}

parley_status parley_store_processing_summary(parley_store* store, const parley_viewer* viewer,
                                              int64_t from_ms, int64_t to_ms, char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    return to_json_value(target.processing_summary(who, from_ms, to_ms));
  });
}

parley_status parley_store_processing_events(parley_store* store, const parley_viewer* viewer,
                                             int64_t from_ms, int64_t to_ms, char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    return to_json_array(target.processing_events(who, from_ms, to_ms));
  });
}

}  // extern "C"
