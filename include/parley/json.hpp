#pragma once
// JSON helpers shared by hosts that assemble parley's JSON documents into larger ones. Every result
// type has its own `to_json` beside it in its area's header.
#include <string>
#include <string_view>

namespace parley {

// `text` (UTF-8) as a quoted JSON string literal, escaped per RFC 8259.
std::string json_string(std::string_view text);

}  // namespace parley
