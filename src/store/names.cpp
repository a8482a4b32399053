// Names of the store enums (stable strings used in JSON and by the C ABI).
#include "parley/store.hpp"

namespace parley {

std::string_view processing_status_name(ProcessingStatus status) noexcept {
  switch (status) {
    case ProcessingStatus::received: return "received";
    case ProcessingStatus::analysed: return "analysed";
    case ProcessingStatus::failed: return "failed";
  }
  return "received";
}

std::string_view mention_kind_name(MentionKind kind) noexcept {
  switch (kind) {
    case MentionKind::keyword: return "keyword";
    case MentionKind::competitor: return "competitor";
    case MentionKind::brand: return "brand";
  }
  return "keyword";
}

}  // namespace parley
