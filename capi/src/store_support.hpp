#pragma once
// What the store and insight entry points share: running a request on behalf of a viewer, the
// documents they require (records, lists), and writing a JSON result to the caller's out-parameter.
// Optional documents (filters, options) are read with options_arg: (NULL, 0) gives the defaults.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "capi_support.hpp"
#include "options_json.hpp"

namespace parley::capi {

inline Store& store_arg(parley_store* store) { return *handle_arg(store, "store").store; }

// A document that must be given, read by `read`; `what` names what it holds for the message when
// it is empty ("argument 'users_json' is empty: a JSON array of users is required").
template <typename Read>
auto required_document_arg(const char* text, std::size_t length, std::string_view name, std::string_view what,
                           Read read) {
  const std::optional<nlohmann::json> document = json_document_arg(text, length, name);
  if (!document) argument_error(name, "is empty: " + std::string(what) + " is required");
  return read(JsonField(*document, std::string(name)));
}

// Runs `request(store, viewer)` (which returns nothing) on behalf of the viewer.
template <typename Request>
parley_status store_call(parley_store* store, const parley_viewer* viewer, Request&& request) noexcept {
  return guarded([&] {
    Store& target = store_arg(store);
    request(target, viewer_arg(viewer));
  });
}

// Runs `query(store, viewer)`, which returns a JSON value, and writes it to *out (named `out_name`).
template <typename Query>
parley_status store_query(parley_store* store, const parley_viewer* viewer, char** out,
                          std::string_view out_name, Query&& query) noexcept {
  return guarded([&] {
    char*& result = out_arg(out, out_name);
    Store& target = store_arg(store);
    const nlohmann::json value = query(target, viewer_arg(viewer));
    result = copy_string(value.dump());
  });
}

}  // namespace parley::capi
