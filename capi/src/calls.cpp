// The C ABI's calls: transcripts read from files or memory, or built by the host (parley.h, "Calls").
#include <cmath>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "arguments.hpp"
#include "capi_support.hpp"
#include "options_json.hpp"
#include "parley/readers.hpp"

using namespace parley;

namespace {

Role role_arg(const parley_role& role, std::string_view name) {
  switch (capi::enum_arg(role)) {
    case PARLEY_ROLE_SELLER: return Role::seller;
    case PARLEY_ROLE_CUSTOMER: return Role::customer;
    case PARLEY_ROLE_OTHER: return Role::other;
  }
  capi::argument_error(name, fmt::format("is {}: not a parley_role (0 seller, 1 customer, 2 other)",
                                         static_cast<int>(capi::enum_arg(role))));
}

parley_role role_of(Role role) {
  switch (role) {
    case Role::seller: return PARLEY_ROLE_SELLER;
    case Role::customer: return PARLEY_ROLE_CUSTOMER;
    case Role::other: break;
  }
  return PARLEY_ROLE_OTHER;
}

// "webvtt, srt, ..., deepgram": the names format_name gives, for messages.
std::string format_names() {
  constexpr TranscriptFormat formats[] = {TranscriptFormat::webvtt,
                                          TranscriptFormat::srt,
                                          TranscriptFormat::rttm,
                                          TranscriptFormat::parley_json,
                                          TranscriptFormat::amazon_transcribe,
                                          TranscriptFormat::assemblyai,
                                          TranscriptFormat::deepgram};
  std::string names;
  for (const TranscriptFormat format : formats) {
    if (!names.empty()) names += ", ";
    names += format_name(format);
  }
  return names;
}

std::optional<TranscriptFormat> format_arg(const char* data, std::size_t length) {
  const std::string_view name = capi::text_arg(data, length, "format");
  if (name.empty()) return std::nullopt;
  if (const std::optional<TranscriptFormat> format = parse_format_name(name)) return format;
  capi::argument_error("format", fmt::format("is '{}': not a transcript format ({})", name, format_names()));
}

std::optional<double> confidence_of(double value) {
  if (std::isnan(value)) return std::nullopt;
  return value;
}

parley_call* new_call(ReadResult result) {
  auto handle = std::make_unique<parley_call>();
  *handle->call = std::move(result.call);
  handle->warnings = std::move(result.warnings);
  return handle.release();
}

}  // namespace

extern "C" {

parley_status parley_call_read_file(const char* path, size_t path_length, const char* format,
                                    size_t format_length, const char* read_options_json,
                                    size_t read_options_json_length, parley_call** out_call) {
  return capi::guarded([&] {
    parley_call*& out = capi::out_arg(out_call, "out_call");
    const std::string file = capi::path_arg(path, path_length);
    const std::optional<TranscriptFormat> transcript_format = format_arg(format, format_length);
    const ReadOptions options = capi::options_arg(read_options_json, read_options_json_length,
                                                  "read_options_json", capi::read_options_from_json);
    out = new_call(read_transcript_with_warnings(file, options, transcript_format));
  });
}

parley_status parley_call_parse(const char* content, size_t content_length, const char* format,
                                size_t format_length, const char* source_name, size_t source_name_length,
                                const char* read_options_json, size_t read_options_json_length,
                                parley_call** out_call) {
  return capi::guarded([&] {
    parley_call*& out = capi::out_arg(out_call, "out_call");
    const std::string_view text = capi::text_arg(content, content_length, "content");
    const std::string_view source = capi::text_arg(source_name, source_name_length, "source_name");
    std::optional<TranscriptFormat> transcript_format = format_arg(format, format_length);
    const ReadOptions options = capi::options_arg(read_options_json, read_options_json_length,
                                                  "read_options_json", capi::read_options_from_json);
    if (!transcript_format) {
      transcript_format = detect_json_format(text);
      if (!transcript_format) {
        capi::argument_error("format",
                             fmt::format("is empty and '{}' is not one of the JSON forms parley detects: "
                                         "name the format ({})",
                                         source, format_names()));
      }
    }
    out = new_call(parse_transcript_with_warnings(text, *transcript_format, source, options));
  });
}

parley_status parley_call_create(const char* call_id, size_t call_id_length, parley_call** out_call) {
  return capi::guarded([&] {
    parley_call*& out = capi::out_arg(out_call, "out_call");
    ReadResult result;
    result.call.id = capi::utf8_arg(call_id, call_id_length, "call_id");
    out = new_call(std::move(result));
  });
}

void parley_call_free(parley_call* call) { delete call; }

parley_status parley_call_set_field(parley_call* call, parley_call_field field, const char* value,
                                    size_t value_length) {
  return capi::guarded([&] {
    parley_call& handle = capi::handle_arg(call, "call");
    std::string text = capi::utf8_arg(value, value_length, "value");
    std::string Call::*member = nullptr;
    switch (capi::enum_arg(field)) {
      case PARLEY_CALL_ID: member = &Call::id; break;
      case PARLEY_CALL_LANGUAGE: member = &Call::language; break;
      case PARLEY_CALL_OWNER_SELLER_ID: member = &Call::owner_seller_id; break;
      case PARLEY_CALL_ACCOUNT_ID: member = &Call::account_id; break;
      case PARLEY_CALL_CONTACT_ID: member = &Call::contact_id; break;
      case PARLEY_CALL_LEAD_ID: member = &Call::lead_id; break;
      case PARLEY_CALL_OPPORTUNITY_ID: member = &Call::opportunity_id; break;
    }
    if (member == nullptr)
      capi::argument_error(
          "field", fmt::format("is {}: not a parley_call_field", static_cast<int>(capi::enum_arg(field))));
    handle.mutable_call().*member = std::move(text);
  });
}

parley_status parley_call_set_times(parley_call* call, int64_t start_time_ms, int64_t duration_ms) {
  return capi::guarded([&] {
    parley_call& handle = capi::handle_arg(call, "call");
    if (duration_ms < 0)
      capi::argument_error("duration_ms", fmt::format("is {}: must be >= 0 (0 = unknown)", duration_ms));
    Call& target = handle.mutable_call();
    target.start_time_ms = start_time_ms;
    target.duration_ms = duration_ms;
  });
}

parley_status parley_call_add_participant(parley_call* call, const parley_participant* participant,
                                          uint32_t* out_index) {
  return capi::guarded([&] {
    uint32_t* index = capi::optional_out(out_index);
    parley_call& handle = capi::handle_arg(call, "call");
    const parley_participant in = capi::read_struct(participant, "participant");
    Participant added;
    added.id = capi::utf8_arg(in.id, in.id_length, "participant.id");
    if (added.id.empty()) capi::argument_error("participant.id", "is empty");
    added.display_name = capi::utf8_arg(in.display_name, in.display_name_length, "participant.display_name");
    if (added.display_name.empty()) added.display_name = added.id;
    added.role = role_arg(in.role, "participant.role");
    added.crm_id = capi::utf8_arg(in.crm_id, in.crm_id_length, "participant.crm_id");
    if (const std::optional<std::uint32_t> existing = handle.get().find_participant(added.id)) {
      capi::argument_error("participant.id",
                           fmt::format("is '{}', the id of participant {} already", added.id, *existing));
    }
    Call& target = handle.mutable_call();
    target.participants.push_back(std::move(added));
    if (index != nullptr) *index = static_cast<uint32_t>(target.participants.size() - 1);
  });
}

parley_status parley_call_set_role(parley_call* call, const char* participant_id,
                                   size_t participant_id_length, parley_role role) {
  return capi::guarded([&] {
    parley_call& handle = capi::handle_arg(call, "call");
    const std::string_view id = capi::text_arg(participant_id, participant_id_length, "participant_id");
    const Role new_role = role_arg(role, "role");
    const std::optional<std::uint32_t> index = handle.get().find_participant(id);
    if (!index) {
      throw Error(ErrorCode::not_found,
                  fmt::format("argument 'participant_id': no participant of call '{}' has the id '{}'",
                              handle.get().id, id));
    }
    handle.mutable_call().participants[*index].role = new_role;
  });
}

parley_status parley_call_add_segments(parley_call* call, const parley_segment* segments, size_t count) {
  return capi::guarded([&] {
    parley_call& handle = capi::handle_arg(call, "call");
    capi::array_arg(segments, count, "segments");
    const std::size_t participants = handle.get().participants.size();
    std::vector<Segment> added;
    added.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      const std::string name = fmt::format("segments[{}]", i);
      const parley_segment in = capi::read_element(segments, i, name);
      if (in.speaker >= participants) {
        capi::argument_error(
            name + ".speaker",
            fmt::format("is {}: the call has {} participant(s) (add them first)", in.speaker, participants));
      }
      Segment segment;
      segment.speaker = in.speaker;
      segment.start_ms = in.start_ms;
      segment.end_ms = in.end_ms;
      segment.text = capi::utf8_arg(in.text, in.text_length, name + ".text");
      segment.confidence = confidence_of(in.confidence);
      added.push_back(std::move(segment));
    }
    std::vector<Segment>& target = handle.mutable_call().segments;
    target.insert(target.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
  });
}

parley_status parley_call_set_words(parley_call* call, size_t segment_index, const parley_word* words,
                                    size_t count) {
  return capi::guarded([&] {
    parley_call& handle = capi::handle_arg(call, "call");
    capi::array_arg(words, count, "words");
    const std::size_t segments = handle.get().segments.size();
    if (segment_index >= segments) {
      capi::argument_error("segment_index",
                           fmt::format("is {}: the call has {} segment(s)", segment_index, segments));
    }
    std::vector<WordTiming> timings;
    timings.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      const std::string name = fmt::format("words[{}]", i);
      const parley_word in = capi::read_element(words, i, name);
      WordTiming word;
      word.start_ms = in.start_ms;
      word.end_ms = in.end_ms;
      word.text = capi::utf8_arg(in.text, in.text_length, name + ".text");
      word.confidence = confidence_of(in.confidence);
      timings.push_back(std::move(word));
    }
    handle.mutable_call().segments[segment_index].words = std::move(timings);
  });
}

parley_status parley_call_assign_roles(parley_call* call, const char* role_rules_json,
                                       size_t role_rules_json_length, char** out_unmatched_json) {
  return capi::guarded([&] {
    char** unmatched_out = capi::optional_out(out_unmatched_json);
    parley_call& handle = capi::handle_arg(call, "call");
    const RoleRules rules = capi::options_arg(role_rules_json, role_rules_json_length, "role_rules_json",
                                              capi::role_rules_from_json);
    const std::vector<std::string> unmatched = assign_roles(handle.mutable_call(), rules);
    if (unmatched_out != nullptr) *unmatched_out = capi::copy_string(nlohmann::json(unmatched).dump());
  });
}

parley_status parley_call_get_info(const parley_call* call, parley_call_info* out_info) {
  return capi::guarded([&] {
    const Call& source = capi::handle_arg(call, "call").get();
    parley_call_info info{};
    info.id = source.id.c_str();
    info.language = source.language.c_str();
    info.start_time_ms = source.start_time_ms;
    info.duration_ms = source.duration_ms;
    info.effective_duration_ms = source.effective_duration_ms();
    info.participant_count = source.participants.size();
    info.segment_count = source.segments.size();
    info.warning_count = call->warnings.size();
    capi::write_struct(out_info, info, "out_info");
  });
}

parley_status parley_call_get_participant(const parley_call* call, size_t index,
                                          parley_participant* out_participant) {
  return capi::guarded([&] {
    const Call& source = capi::handle_arg(call, "call").get();
    if (index >= source.participants.size()) {
      capi::argument_error("index", fmt::format("is {}: call '{}' has {} participant(s)", index, source.id,
                                                source.participants.size()));
    }
    const Participant& participant = source.participants[index];
    // The C++ model's rule: a participant without a display name is shown by its id.
    const std::string& display_name =
        participant.display_name.empty() ? participant.id : participant.display_name;
    parley_participant out{};
    out.id = participant.id.c_str();
    out.id_length = participant.id.size();
    out.display_name = display_name.c_str();
    out.display_name_length = display_name.size();
    out.role = role_of(participant.role);
    out.crm_id = participant.crm_id.c_str();
    out.crm_id_length = participant.crm_id.size();
    capi::write_struct(out_participant, out, "out_participant");
  });
}

parley_status parley_call_to_json(const parley_call* call, char** out_json) {
  return capi::guarded([&] {
    char*& out = capi::out_arg(out_json, "out_json");
    const parley_call& handle = capi::handle_arg(call, "call");
    out = capi::copy_string(write_parley_json(handle.get()));
  });
}

parley_status parley_call_warnings_json(const parley_call* call, char** out_json) {
  return capi::guarded([&] {
    char*& out = capi::out_arg(out_json, "out_json");
    const parley_call& handle = capi::handle_arg(call, "call");
    out = capi::copy_string(to_json(std::span<const ReadWarning>(handle.warnings)));
  });
}

}  // extern "C"
