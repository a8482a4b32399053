// Names of the store enums (stable strings used in JSON and by the C ABI).
#include "model/enum_names.hpp"
#include "parley/store.hpp"

namespace parley {
namespace {

constexpr detail::EnumName<ProcessingStatus> processing_status_names[] = {
    {ProcessingStatus::received, "received"},
    {ProcessingStatus::analysed, "analysed"},
    {ProcessingStatus::failed, "failed"}};
constexpr detail::EnumName<MentionKind> mention_kind_names[] = {{MentionKind::keyword, "keyword"},
                                                                {MentionKind::competitor, "competitor"},
                                                                {MentionKind::brand, "brand"}};

}  // namespace

std::string_view processing_status_name(ProcessingStatus status) noexcept {
  return detail::name_of(processing_status_names, status);
}

std::string_view mention_kind_name(MentionKind kind) noexcept {
  return detail::name_of(mention_kind_names, kind);
}

}  // namespace parley
