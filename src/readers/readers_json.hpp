#pragma once
// JSON conversions of the readers area (private: public headers never expose nlohmann).
#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

#include "parley/model.hpp"
#include "parley/readers.hpp"
#include "json/json_input.hpp"
#include "readers/reader_support.hpp"

namespace parley {

// A Call as parley's JSON transcript form (docs/transcript-formats.md), keys in document order.
nlohmann::ordered_json to_parley_json_value(const Call& call);

// A parsed JSON document in one of the JSON transcript forms, as a Call (not yet validated: callers
// that bypass parse_transcript should call validate_call). Errors and warnings name `source_name`
// and the JSON path.
Call call_from_json_value(const nlohmann::json& document, TranscriptFormat format,
                          std::string_view source_name, const ReadOptions& options,
                          readers::WarningList& warnings);

// Which JSON transcript form a parsed document is, from its top-level keys.
std::optional<TranscriptFormat> detect_json_document_format(const nlohmann::json& document);

}  // namespace parley
