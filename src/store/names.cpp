// Names of the store enums (stable strings used in JSON and by the C ABI).
#include "parley/store.hpp"

namespace parley {

std::string_view stored_term_kind_name(StoredTermKind kind) noexcept {
  return kind == StoredTermKind::keyword ? "keyword" : "competitor";
}

std::string_view processing_status_name(ProcessingStatus status) noexcept {
  switch (status) {
    case ProcessingStatus::received: return "received";
    case ProcessingStatus::analysed: return "analysed";
    case ProcessingStatus::failed: return "failed";
  }
  return "received";
}

std::string_view stored_mention_kind_name(StoredMentionKind kind) noexcept {
  switch (kind) {
    case StoredMentionKind::keyword: return "keyword";
    case StoredMentionKind::competitor: return "competitor";
    case StoredMentionKind::brand: return "brand";
  }
  return "keyword";
}

}  // namespace parley
