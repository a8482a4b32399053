// The C ABI's insights: the dashboards' pages as JSON or readable text.
#include <fmt/format.h>

#include "arguments.hpp"
#include "insights/insights_json.hpp"
#include "parley/insights.hpp"
#include "store_support.hpp"

using namespace parley;

namespace {

InsightOptions insight_options_arg(const char* options_json, size_t options_json_length) {
  // No document is an empty one: its missing now_utc_ms is the error.
  const std::optional<nlohmann::json> document =
      capi::json_document_arg(options_json, options_json_length, "insight_options_json");
  const nlohmann::json value = document ? *document : nlohmann::json::object();
  return insight_options_from_json(JsonField(value, "insight_options_json"));
}

// The format the caller passed, read as an integer (C lets any int through).
int format_arg(const parley_output_format& format) {
  const int value = static_cast<int>(capi::enum_arg(format));
  if (value != PARLEY_FORMAT_JSON && value != PARLEY_FORMAT_TEXT)
    capi::argument_error("format", fmt::format("is {}: not a parley_output_format", value));
  return value;
}

// A page for the viewer: `make(store, viewer, options)` computes it, `render` writes its text.
template <typename Make, typename Render>
parley_status insight_page(parley_store* store, const parley_viewer* viewer, const char* options_json,
                           size_t options_json_length, parley_output_format format, char** out_page,
                           Make&& make, Render&& render) noexcept {
  return capi::guarded([&] {
    char*& result = capi::out_arg(out_page, "out_page");
    Store& target = capi::store_arg(store);
    const Viewer who = capi::viewer_arg(viewer);
    const int page_format = format_arg(format);
    const InsightOptions options = insight_options_arg(options_json, options_json_length);
    const auto page = make(target, who, options);
    result = capi::copy_string(page_format == PARLEY_FORMAT_TEXT ? render(page) : to_json(page));
  });
}

}  // namespace

extern "C" {

parley_status parley_insights_seller_details(parley_store* store, const parley_viewer* viewer,
                                             const char* seller_id, size_t seller_id_length,
                                             const char* insight_options_json,
                                             size_t insight_options_json_length, parley_output_format format,
                                             char** out_page) {
  return insight_page(
      store, viewer, insight_options_json, insight_options_json_length, format, out_page,
      [&](Store& target, const Viewer& who, const InsightOptions& options) {
        return seller_details(target, who, capi::text_arg(seller_id, seller_id_length, "seller_id"), options);
      },
      [](const SellerDetails& page) { return render_seller_details_text(page); });
}

parley_status parley_insights_team_view(parley_store* store, const parley_viewer* viewer,
                                        const char* team_manager_id, size_t team_manager_id_length,
                                        const char* insight_options_json, size_t insight_options_json_length,
                                        parley_output_format format, char** out_page) {
  return insight_page(
      store, viewer, insight_options_json, insight_options_json_length, format, out_page,
      [&](Store& target, const Viewer& who, const InsightOptions& options) {
        return team_view(target, who,
                         capi::text_arg(team_manager_id, team_manager_id_length, "team_manager_id"), options);
      },
      [](const TeamView& page) { return render_team_view_text(page); });
}

parley_status parley_insights_home_page(parley_store* store, const parley_viewer* viewer,
                                        const char* team_manager_id, size_t team_manager_id_length,
                                        const char* insight_options_json, size_t insight_options_json_length,
                                        parley_output_format format, char** out_page) {
  return insight_page(
      store, viewer, insight_options_json, insight_options_json_length, format, out_page,
      [&](Store& target, const Viewer& who, const InsightOptions& options) {
        return home_page(target, who,
                         capi::text_arg(team_manager_id, team_manager_id_length, "team_manager_id"), options);
      },
      [](const HomePage& page) { return render_home_page_text(page); });
}

parley_status parley_insights_processing_counts(parley_store* store, const parley_viewer* viewer,
                                                const char* insight_options_json,
                                                size_t insight_options_json_length, char** out_json) {
  return capi::store_query(store, viewer, out_json, "out_json", [&](Store& target, const Viewer& who) {
    return to_json_value(processing_counts(
        target, who, insight_options_arg(insight_options_json, insight_options_json_length)));
  });
}

}  // extern "C"
