// The C ABI's store: opening, users, ingesting analysed calls, call queries and aggregates.
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "arguments.hpp"
#include "parley/ingest.hpp"
#include "store/store_json.hpp"
#include "store_support.hpp"

using namespace parley;

namespace {

// SqliteStoreOptions: {"create_if_missing", "busy_timeout_ms", "durable_commits", "cache_size_kib",
// "sentiment_labels": SentimentOptions}.
SqliteStoreOptions sqlite_store_options_from_json(const JsonField& field) {
  JsonObject object = field.object();
  SqliteStoreOptions options;
  object.read("create_if_missing", options.create_if_missing);
  object.read("busy_timeout_ms", options.busy_timeout_ms);
  object.read("durable_commits", options.durable_commits);
  object.read("cache_size_kib", options.cache_size_kib);
  if (std::optional<JsonField> labels = object.find("sentiment_labels"))
    options.sentiment_labels = capi::sentiment_options_from_json(*labels);
  object.finish();
  return options;
}

CallFilter call_filter_arg(const char* filter_json, size_t filter_json_length) {
  return capi::options_arg(filter_json, filter_json_length, "filter_json", call_filter_from_json);
}

std::span<const std::int64_t> bucket_edges_arg(const int64_t* bucket_edges, size_t bucket_edge_count) {
  capi::array_arg(bucket_edges, bucket_edge_count, "bucket_edges");
  if (bucket_edge_count == 0) return {};
  return {bucket_edges, bucket_edge_count};
}

}  // namespace

extern "C" {

parley_status parley_store_open(const char* path, size_t path_length, const char* options_json,
                                size_t options_json_length, parley_store** out_store) {
  return capi::guarded([&] {
    parley_store*& result = capi::out_arg(out_store, "out_store");
    const std::string file = capi::path_arg(path, path_length);
    const SqliteStoreOptions options =
        capi::options_arg(options_json, options_json_length, "options_json", sqlite_store_options_from_json);
    auto handle = std::make_unique<parley_store>();
    handle->store = open_sqlite_store(file, options);
    result = handle.release();
  });
}

void parley_store_close(parley_store* store) { delete store; }

parley_status parley_store_put_users(parley_store* store, const parley_viewer* viewer, const char* users_json,
                                     size_t users_json_length) {
  return capi::store_call(store, viewer, [&](Store& target, const Viewer& who) {
    const std::vector<User> users = capi::required_document_arg(
        users_json, users_json_length, "users_json", "a JSON array of users",
        [](const JsonField& field) { return array_from_json(field, user_from_json); });
    target.put_users(who, users);
  });
}

parley_status parley_store_users(parley_store* store, const parley_viewer* viewer, char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    return to_json_array(target.users(who));
  });
}

parley_status parley_store_user(parley_store* store, const parley_viewer* viewer, const char* user_id,
                                size_t user_id_length, char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    return to_json_value(target.user(who, capi::text_arg(user_id, user_id_length, "user_id")));
  });
}

parley_status parley_store_ingest(parley_store* store, const parley_viewer* viewer,
                                  const parley_call* const* calls, const parley_analysis* const* analyses,
                                  size_t count, int64_t now_ms) {
  return capi::store_call(store, viewer, [&](Store& target, const Viewer& who) {
    capi::array_arg(calls, count, "calls");
    capi::array_arg(analyses, count, "analyses");
    std::vector<CallWithAnalysis> items;
    items.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      const parley_call* call = calls[i];
      const parley_analysis* analysis = analyses[i];
      if (call == nullptr) capi::argument_error(fmt::format("calls[{}]", i), "is NULL");
      if (analysis == nullptr) capi::argument_error(fmt::format("analyses[{}]", i), "is NULL");
      // The same Call object: an analysis of another call, or of this call before a change, is refused.
      if (analysis->call.get() != call->call.get()) {
        capi::argument_error(
            fmt::format("analyses[{}]", i),
            fmt::format("was not made from calls[{}] (call '{}'): pass each call's own analysis", i,
                        call->get().id));
      }
      const std::span<const TrackedTerm> terms =
          analysis->terms ? std::span<const TrackedTerm>(*analysis->terms) : std::span<const TrackedTerm>();
      items.push_back({call->get(), make_analysis_record(analysis->analysis, terms)});
    }
    target.ingest_calls(who, items, now_ms);
  });
}

parley_status parley_store_load_call(parley_store* store, const parley_viewer* viewer, const char* call_id,
                                     size_t call_id_length, parley_call** out_call,
                                     char** out_analysis_json) {
  return capi::guarded([&] {
    capi::optional_out(out_call);
    capi::optional_out(out_analysis_json);
    Store& target = capi::store_arg(store);
    const Viewer who = capi::viewer_arg(viewer);
    CallWithAnalysis loaded = target.load_call(who, capi::text_arg(call_id, call_id_length, "call_id"));
    char* analysis_json =
        out_analysis_json != nullptr ? capi::copy_string(to_json(loaded.analysis)) : nullptr;
    if (out_call != nullptr) {
      try {
        auto handle = std::make_unique<parley_call>();
        handle->call = std::make_shared<Call>(std::move(loaded.call));
        *out_call = handle.release();
      } catch (...) {
        parley_string_free(analysis_json);
        throw;
      }
    }
    if (out_analysis_json != nullptr) *out_analysis_json = analysis_json;
  });
}

parley_status parley_store_call_summaries(parley_store* store, const parley_viewer* viewer,
                                          const char* filter_json, size_t filter_json_length,
                                          char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    return to_json_array(target.call_summaries(who, call_filter_arg(filter_json, filter_json_length)));
  });
}

parley_status parley_store_term_hits(parley_store* store, const parley_viewer* viewer,
                                     const char* filter_json, size_t filter_json_length, char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    return to_json_array(target.term_hits(who, call_filter_arg(filter_json, filter_json_length)));
  });
}

parley_status parley_store_term_counts(parley_store* store, const parley_viewer* viewer,
                                       const char* filter_json, size_t filter_json_length, const char* role,
                                       size_t role_length, char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    const CallFilter filter = call_filter_arg(filter_json, filter_json_length);
    const std::string_view role_text = capi::text_arg(role, role_length, "role");
    std::optional<Role> said_by;
    if (!role_text.empty()) {
      said_by = parse_role(role_text);
      if (!said_by) {
        capi::argument_error(
            "role",
            fmt::format("is \"{}\": expected seller, customer or other (empty: any speaker)", role_text));
      }
    }
    return to_json_array(target.term_counts(who, filter, said_by));
  });
}

parley_status parley_store_brand_mentions(parley_store* store, const parley_viewer* viewer,
                                          const char* filter_json, size_t filter_json_length,
                                          char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    return to_json_array(target.brand_mentions(who, call_filter_arg(filter_json, filter_json_length)));
  });
}

parley_status parley_store_brand_first_mentions(parley_store* store, const parley_viewer* viewer,
                                                const char* filter_json, size_t filter_json_length,
                                                char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    return to_json_array(target.brand_first_mentions(who, call_filter_arg(filter_json, filter_json_length)));
  });
}

parley_status parley_store_call_span(parley_store* store, const parley_viewer* viewer,
                                     const char* filter_json, size_t filter_json_length, char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    return to_json_value(target.call_span(who, call_filter_arg(filter_json, filter_json_length)));
  });
}

parley_status parley_store_call_totals(parley_store* store, const parley_viewer* viewer,
                                       const char* filter_json, size_t filter_json_length,
                                       const int64_t* bucket_edges, size_t bucket_edge_count,
                                       char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    const CallFilter filter = call_filter_arg(filter_json, filter_json_length);
    return to_json_array(target.call_totals(who, filter, bucket_edges_arg(bucket_edges, bucket_edge_count)));
  });
}

parley_status parley_store_mention_totals(parley_store* store, const parley_viewer* viewer,
                                          const char* filter_json, size_t filter_json_length,
                                          const int64_t* bucket_edges, size_t bucket_edge_count,
                                          size_t recent_calls, char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    const CallFilter filter = call_filter_arg(filter_json, filter_json_length);
    return to_json_value(
        target.mention_totals(who, filter, bucket_edges_arg(bucket_edges, bucket_edge_count), recent_calls));
  });
}

parley_status parley_store_activity_totals(parley_store* store, const parley_viewer* viewer,
                                           const char* activity_filter_json,
                                           size_t activity_filter_json_length, char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    const ActivityFilter filter = capi::options_arg(activity_filter_json, activity_filter_json_length,
                                                    "activity_filter_json", activity_filter_from_json);
    return to_json_array(target.activity_totals(who, filter));
  });
}

}  // extern "C"
