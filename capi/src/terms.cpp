// The C ABI's tracked terms: term-list files read into the JSON term objects the analyzer takes
// (parley.h, "Tracked terms").
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "arguments.hpp"
#include "capi_support.hpp"
#include "parley/terms.hpp"
#include "terms/terms_json.hpp"

using namespace parley;

namespace {

std::string terms_json(const std::vector<TrackedTerm>& terms) {
  nlohmann::json array = nlohmann::json::array();
  for (const TrackedTerm& term : terms) array.push_back(to_json_value(term));
  return array.dump();
}

}  // namespace

extern "C" {

parley_status parley_terms_read_file(const char* path, size_t path_length, char** out_terms_json) {
  return capi::guarded([&] {
    char*& out = capi::out_arg(out_terms_json, "out_terms_json");
    out = capi::copy_string(terms_json(load_term_list(capi::path_arg(path, path_length))));
  });
}

parley_status parley_terms_parse(const char* text, size_t text_length, const char* source_name,
                                 size_t source_name_length, char** out_terms_json) {
  return capi::guarded([&] {
    char*& out = capi::out_arg(out_terms_json, "out_terms_json");
    const std::string_view content = capi::text_arg(text, text_length, "text");
    const std::string_view source = capi::text_arg(source_name, source_name_length, "source_name");
    out = capi::copy_string(terms_json(parse_term_list(content, source)));
  });
}

}  // extern "C"
