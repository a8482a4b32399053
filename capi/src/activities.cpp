// The C ABI's activity readers: mail, calendars and the JSON and CSV forms of activities and
// opportunities (parley/activities.hpp).
#include "activities/activities_json.hpp"
#include "arguments.hpp"
#include "capi_support.hpp"
#include "options_json.hpp"

using namespace parley;

namespace {

// Reads the options, runs `read(options)` and writes its result as JSON to *out.
template <typename Read>
parley_status read_activities(const char* options_json, size_t options_json_length, char** out, Read&& read) {
  return capi::guarded([&] {
    char*& result = capi::out_arg(out, "out_result_json");
    const ActivityReadOptions options = capi::options_arg(
        options_json, options_json_length, "read_options_json", activity_read_options_from_json);
    result = capi::copy_string(to_json_value(read(options)).dump());
  });
}

// Runs `read()` and writes its OpportunityReadResult as JSON to *out.
template <typename Read>
parley_status read_opportunities(char** out, Read&& read) {
  return capi::guarded([&] {
    char*& result = capi::out_arg(out, "out_result_json");
    result = capi::copy_string(to_json_value(read()).dump());
  });
}

}  // namespace

extern "C" {

parley_status parley_activities_read_mail(const char* path, size_t path_length, const char* read_options_json,
                                          size_t read_options_json_length, char** out_result_json) {
  return read_activities(read_options_json, read_options_json_length, out_result_json,
                         [&](const ActivityReadOptions& options) {
                           return read_mail(capi::path_arg(path, path_length), options);
                         });
}

parley_status parley_activities_parse_mail(const char* message, size_t message_length, const char* name,
                                           size_t name_length, const char* read_options_json,
                                           size_t read_options_json_length, char** out_result_json) {
  return read_activities(read_options_json, read_options_json_length, out_result_json,
                         [&](const ActivityReadOptions& options) {
                           return read_mail_message(capi::text_arg(message, message_length, "message"),
                                                    capi::text_arg(name, name_length, "name"), options);
                         });
}

parley_status parley_activities_read_calendar(const char* path, size_t path_length,
                                              const char* read_options_json, size_t read_options_json_length,
                                              char** out_result_json) {
  return read_activities(read_options_json, read_options_json_length, out_result_json,
                         [&](const ActivityReadOptions& options) {
                           return read_calendar(capi::path_arg(path, path_length), options);
                         });
}

parley_status parley_activities_parse_calendar(const char* text, size_t text_length, const char* name,
                                               size_t name_length, const char* read_options_json,
                                               size_t read_options_json_length, char** out_result_json) {
  return read_activities(read_options_json, read_options_json_length, out_result_json,
                         [&](const ActivityReadOptions& options) {
                           return read_calendar_text(capi::text_arg(text, text_length, "text"),
                                                     capi::text_arg(name, name_length, "name"), options);
                         });
}

parley_status parley_activities_read_json(const char* path, size_t path_length, const char* read_options_json,
                                          size_t read_options_json_length, char** out_result_json) {
  return read_activities(read_options_json, read_options_json_length, out_result_json,
                         [&](const ActivityReadOptions& options) {
                           return read_activities_json(capi::path_arg(path, path_length), options);
                         });
}

parley_status parley_activities_parse_json(const char* text, size_t text_length, const char* name,
                                           size_t name_length, const char* read_options_json,
                                           size_t read_options_json_length, char** out_result_json) {
  return read_activities(read_options_json, read_options_json_length, out_result_json,
                         [&](const ActivityReadOptions& options) {
                           return read_activities_json_text(capi::text_arg(text, text_length, "text"),
                                                            capi::text_arg(name, name_length, "name"), options);
                         });
}

parley_status parley_activities_read_csv(const char* path, size_t path_length, const char* read_options_json,
                                         size_t read_options_json_length, char** out_result_json) {
  return read_activities(read_options_json, read_options_json_length, out_result_json,
                         [&](const ActivityReadOptions& options) {
                           return read_activities_csv(capi::path_arg(path, path_length), options);
                         });
}

parley_status parley_activities_parse_csv(const char* text, size_t text_length, const char* name,
                                          size_t name_length, const char* read_options_json,
                                          size_t read_options_json_length, char** out_result_json) {
  return read_activities(read_options_json, read_options_json_length, out_result_json,
                         [&](const ActivityReadOptions& options) {
                           return read_activities_csv_text(capi::text_arg(text, text_length, "text"),
                                                           capi::text_arg(name, name_length, "name"), options);
                         });
}

parley_status parley_opportunities_read_json(const char* path, size_t path_length, char** out_result_json) {
  return read_opportunities(out_result_json, [&] { return read_opportunities_json(capi::path_arg(path, path_length)); });
}

parley_status parley_opportunities_parse_json(const char* text, size_t text_length, const char* name,
                                              size_t name_length, char** out_result_json) {
  return read_opportunities(out_result_json, [&] {
    return read_opportunities_json_text(capi::text_arg(text, text_length, "text"),
                                        capi::text_arg(name, name_length, "name"));
  });
}

parley_status parley_opportunities_read_csv(const char* path, size_t path_length, char** out_result_json) {
  return read_opportunities(out_result_json, [&] { return read_opportunities_csv(capi::path_arg(path, path_length)); });
}

parley_status parley_opportunities_parse_csv(const char* text, size_t text_length, const char* name,
                                             size_t name_length, char** out_result_json) {
  return read_opportunities(out_result_json, [&] {
    return read_opportunities_csv_text(capi::text_arg(text, text_length, "text"),
                                       capi::text_arg(name, name_length, "name"));
  });
}

}  // extern "C"
