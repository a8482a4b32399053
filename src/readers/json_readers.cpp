// JSON transcript forms: parley's own (read and write), Amazon Transcribe, AssemblyAI, Deepgram.
// Documents are parsed with nlohmann::json; errors name the JSON path of the offending value
// ("results.items[3].start_time") because the DOM keeps no line numbers.
#include <charconv>
#include <chrono>

#include "readers/reader_support.hpp"
#include "readers/readers_json.hpp"

namespace parley {
namespace {

using nlohmann::json;
using readers::WordGrouper;

// A JSON path built on the stack as the reader descends; rendered only for an error message.
struct JsonPath {
  const JsonPath* parent = nullptr;
  std::string_view key;
  std::size_t index = std::string_view::npos;

  JsonPath member(std::string_view name) const noexcept {
    return JsonPath{this, name, std::string_view::npos};
  }
  JsonPath at(std::size_t i) const noexcept { return JsonPath{this, {}, i}; }

  void render(std::string& out) const {
    if (parent != nullptr) parent->render(out);
    if (index != std::string_view::npos) {
      out += fmt::format("[{}]", index);
    } else if (!key.empty()) {
      if (!out.empty()) out.push_back('.');
      out.append(key);
    }
  }
  std::string str() const {
    std::string out;
    render(out);
    return out.empty() ? std::string("(document)") : out;
  }
};

// What a reader needs to name its errors and report what it skips.
struct JsonContext {
  std::string_view source;
  const ReadOptions& options;
  readers::WarningList& warnings;
};

[[noreturn]] void fail(const JsonContext& context, const JsonPath& path, std::string_view what) {
  throw Error(ErrorCode::parse, fmt::format("{}: {}: {}", context.source, path.str(), what));
}

// A value quoted in a message, shortened.
std::string quote(const json& value) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 40) {
    std::size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "...";
  }
  return text;
}

[[noreturn]] void fail_type(const JsonContext& context, const JsonPath& path, std::string_view expected,
                            const json& found) {
  fail(context, path, fmt::format("expected {}, found {} {}", expected, found.type_name(), quote(found)));
}

// The member `name` of an object, or nullptr if absent or null.
const json* find(const json& object, std::string_view name) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(name);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

const json& require(const JsonContext& context, const json& object, const JsonPath& path,
                    std::string_view name) {
  const json* value = find(object, name);
  if (value == nullptr) fail(context, path, fmt::format("missing field '{}'", name));
  return *value;
}

const json& require_object(const JsonContext& context, const json& value, const JsonPath& path) {
  if (!value.is_object()) fail_type(context, path, "an object", value);
  return value;
}

const json& require_array(const JsonContext& context, const json& value, const JsonPath& path) {
  if (!value.is_array()) fail_type(context, path, "an array", value);
  return value;
}

std::string_view as_string(const JsonContext& context, const json& value, const JsonPath& path) {
  if (!value.is_string()) fail_type(context, path, "a string", value);
  return value.get_ref<const std::string&>();
}

// An optional string member, "" when absent.
std::string_view optional_string(const JsonContext& context, const json& object, const JsonPath& path,
                                 std::string_view name) {
  const json* value = find(object, name);
  return value == nullptr ? std::string_view{} : as_string(context, *value, path.member(name));
}

// Milliseconds given as a JSON number (parley JSON, AssemblyAI).
Milliseconds as_milliseconds(const JsonContext& context, const json& value, const JsonPath& path) {
  if (value.is_number_unsigned()) {
    const auto ms = value.get<std::uint64_t>();
    if (ms > static_cast<std::uint64_t>(INT64_MAX / 2))
      fail(context, path, fmt::format("time {} ms is absurd", ms));
    return static_cast<Milliseconds>(ms);
  }
  if (value.is_number_integer()) {
    fail(context, path, fmt::format("negative time {} ms", value.get<std::int64_t>()));
  }
  if (value.is_number_float()) {
    const double ms = value.get<double>();
    if (!(ms >= 0 && ms < 1e15)) fail(context, path, fmt::format("bad time {} ms", quote(value)));
    return static_cast<Milliseconds>(std::llround(ms));
  }
  fail_type(context, path, "a number of milliseconds", value);
}

// Seconds given as a decimal string (Amazon Transcribe) or a number (Deepgram).
Milliseconds as_seconds(const JsonContext& context, const json& value, const JsonPath& path) {
  std::optional<Milliseconds> ms;
  if (value.is_string()) {
    ms = readers::parse_decimal_seconds(value.get_ref<const std::string&>());
  } else if (value.is_number()) {
    ms = readers::seconds_to_ms(value.get<double>());
  } else {
    fail_type(context, path, "seconds as a number or decimal string", value);
  }
  if (!ms) fail(context, path, fmt::format("bad time {} (expected seconds >= 0)", quote(value)));
  return *ms;
}

// A 0..1 confidence as a number or (Amazon Transcribe) a decimal string.
std::optional<double> as_confidence(const JsonContext& context, const json* value, const JsonPath& path) {
  if (value == nullptr) return std::nullopt;
  double confidence = 0;
  if (value->is_number()) {
    confidence = value->get<double>();
  } else if (value->is_string()) {
    const std::string& text = value->get_ref<const std::string&>();
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), confidence);
    if (error != std::errc{} || end != text.data() + text.size()) {
      fail(context, path, fmt::format("bad confidence {}", quote(*value)));
    }
  } else {
    fail_type(context, path, "a confidence between 0 and 1", *value);
  }
  if (!(confidence >= 0 && confidence <= 1)) {
    fail(context, path, fmt::format("confidence {} is outside 0..1", quote(*value)));
  }
  return confidence;
}

// "en_us" (AssemblyAI) -> "en-US"; BCP 47 tags pass through with their case normalised.
std::string normalize_language(std::string_view code) {
  std::string out;
  std::size_t part = 0;
  std::size_t part_start = 0;
  for (std::size_t i = 0; i <= code.size(); ++i) {
    if (i == code.size() || code[i] == '_' || code[i] == '-') {
      const std::string_view piece = code.substr(part_start, i - part_start);
      if (part > 0) out.push_back('-');
      for (char c : piece) {
        const bool region = part > 0 && piece.size() == 2;
        if (region && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (part == 0 && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        out.push_back(c);
      }
      ++part;
      part_start = i + 1;
    }
  }
  return out;
}

// ---- ISO 8601 instants (parley JSON start_time) ----

bool read_digits(std::string_view& text, std::size_t count, int& value) noexcept {
  if (text.size() < count) return false;
  value = 0;
  for (std::size_t k = 0; k < count; ++k) {
    if (text[k] < '0' || text[k] > '9') return false;
    value = value * 10 + (text[k] - '0');
  }
  text.remove_prefix(count);
  return true;
}

bool read_char(std::string_view& text, std::string_view allowed) noexcept {
  if (text.empty() || allowed.find(text[0]) == std::string_view::npos) return false;
  text.remove_prefix(1);
  return true;
}

// "2024-03-05T14:00:00Z", "...:00.250Z", "...:00+02:00"; a zone is required.
std::optional<std::int64_t> parse_iso8601_ms(std::string_view text) noexcept {
  int year, month, day, hour, minute, second;
  if (!read_digits(text, 4, year) || !read_char(text, "-") || !read_digits(text, 2, month) ||
      !read_char(text, "-") || !read_digits(text, 2, day) || !read_char(text, "Tt ") ||
      !read_digits(text, 2, hour) || !read_char(text, ":") || !read_digits(text, 2, minute) ||
      !read_char(text, ":") || !read_digits(text, 2, second)) {
    return std::nullopt;
  }
  std::int64_t ms = 0;
  if (read_char(text, ".,")) {
    std::size_t digits = 0;
    while (!text.empty() && text[0] >= '0' && text[0] <= '9') {
      if (digits < 3) ms = ms * 10 + (text[0] - '0');
      ++digits;
      text.remove_prefix(1);
    }
    if (digits == 0) return std::nullopt;
    for (std::size_t k = digits; k < 3; ++k) ms *= 10;
  }
  std::int64_t offset_minutes = 0;
  if (read_char(text, "Zz")) {
    // UTC
  } else if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    const int sign = text[0] == '-' ? -1 : 1;
    text.remove_prefix(1);
    int offset_hours, offset_mins;
    if (!read_digits(text, 2, offset_hours)) return std::nullopt;
    read_char(text, ":");
    if (!read_digits(text, 2, offset_mins) || offset_hours > 23 || offset_mins > 59) return std::nullopt;
    offset_minutes = sign * (offset_hours * 60 + offset_mins);
  } else {
    return std::nullopt;
  }
  if (!text.empty() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  using namespace std::chrono;
  const year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                            std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  const std::int64_t days = sys_days{date}.time_since_epoch().count();
  return ((days * 24 + hour) * 60 + minute - offset_minutes) * 60'000 + std::int64_t{second} * 1000 + ms;
}

std::string format_iso8601(std::int64_t ms_since_epoch) {
  using namespace std::chrono;
  const sys_time<milliseconds> instant{milliseconds{ms_since_epoch}};
  const sys_days day = floor<days>(instant);
  const year_month_day date{day};
  const auto in_day = (instant - day).count();  // ms within the day
  const auto ms = in_day % 1000;
  const auto seconds_of_day = in_day / 1000;
  std::string text = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", static_cast<int>(date.year()),
                                 static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                                 seconds_of_day / 3600, seconds_of_day / 60 % 60, seconds_of_day % 60);
  if (ms != 0) text += fmt::format(".{:03}", ms);
  text.push_back('Z');
  return text;
}

// The first of an entry's "alternatives" (Amazon Transcribe, Deepgram): the one they rank best.
// `best_path` is path.alternatives[0], built by the caller (paths live on its stack).
const json& best_alternative(const JsonContext& context, const json& entry, const JsonPath& path,
                             const JsonPath& best_path) {
  const JsonPath& alternatives_path = *best_path.parent;
  const json& alternatives =
      require_array(context, require(context, entry, path, "alternatives"), alternatives_path);
  if (alternatives.empty()) fail(context, alternatives_path, "no alternatives");
  return require_object(context, alternatives[0], best_path);
}

// ---- parley's own form ----

void read_parley_words(const JsonContext& context, const json& words, const JsonPath& path,
                       Segment& segment) {
  require_array(context, words, path);
  segment.words.reserve(words.size());
  for (std::size_t w = 0; w < words.size(); ++w) {
    const JsonPath word_path = path.at(w);
    const json& word = require_object(context, words[w], word_path);
    WordTiming& timing = segment.words.emplace_back();
    timing.text = as_string(context, require(context, word, word_path, "text"), word_path.member("text"));
    timing.start_ms =
        as_milliseconds(context, require(context, word, word_path, "start_ms"), word_path.member("start_ms"));
    timing.end_ms =
        as_milliseconds(context, require(context, word, word_path, "end_ms"), word_path.member("end_ms"));
    timing.confidence = as_confidence(context, find(word, "confidence"), word_path.member("confidence"));
  }
}

Call read_parley_json(const json& document, const JsonContext& context) {
  const JsonPath root;
  if (!document.is_object()) fail_type(context, root, "an object at the top level", document);
  if (const json* format = find(document, "format")) {
    const std::string_view name = as_string(context, *format, root.member("format"));
    if (name != "parley-transcript") {
      fail(context, root.member("format"),
           fmt::format("unknown format '{}' (expected 'parley-transcript')", name));
    }
  }
  if (const json* version = find(document, "version"); version != nullptr && *version != 1) {
    fail(context, root.member("version"),
         fmt::format("unsupported version {} (this reader reads version 1)", quote(*version)));
  }
  Call call;
  call.id = optional_string(context, document, root, "id");
  call.language = optional_string(context, document, root, "language");
  call.owner_seller_id = optional_string(context, document, root, "owner_seller_id");
  call.account_id = optional_string(context, document, root, "account_id");
  call.contact_id = optional_string(context, document, root, "contact_id");
  call.lead_id = optional_string(context, document, root, "lead_id");
  call.opportunity_id = optional_string(context, document, root, "opportunity_id");
  std::optional<std::int64_t> start_ms;
  if (const json* start = find(document, "start_time")) {
    const std::string_view text = as_string(context, *start, root.member("start_time"));
    start_ms = parse_iso8601_ms(text);
    if (!start_ms) {
      fail(context, root.member("start_time"),
           fmt::format("bad instant '{}' (expected ISO 8601 with a zone, e.g. 2024-03-05T14:00:00Z)", text));
    }
  }
  if (const json* start = find(document, "start_time_ms")) {
    if (!start->is_number_integer()) fail_type(context, root.member("start_time_ms"), "an integer", *start);
    const auto value = start->get<std::int64_t>();
    if (start_ms && *start_ms != value) {
      fail(context, root.member("start_time_ms"),
           fmt::format("{} disagrees with start_time ({} ms since the epoch)", value, *start_ms));
    }
    start_ms = value;
  }
  call.start_time_ms = start_ms.value_or(0);
  if (const json* duration = find(document, "duration_ms")) {
    call.duration_ms = as_milliseconds(context, *duration, root.member("duration_ms"));
  }

  const json* participants = find(document, "participants");
  if (participants != nullptr) {
    const JsonPath list_path = root.member("participants");
    require_array(context, *participants, list_path);
    for (std::size_t p = 0; p < participants->size(); ++p) {
      const JsonPath path = list_path.at(p);
      const json& entry = require_object(context, (*participants)[p], path);
      Participant& participant = call.participants.emplace_back();
      participant.id = as_string(context, require(context, entry, path, "id"), path.member("id"));
      if (participant.id.empty()) fail(context, path.member("id"), "empty participant id");
      const std::string_view name = optional_string(context, entry, path, "name");
      participant.display_name = name.empty() ? participant.id : std::string(name);
      participant.crm_id = optional_string(context, entry, path, "crm_id");
      if (const json* role = find(entry, "role")) {
        const std::string_view role_text = as_string(context, *role, path.member("role"));
        const auto parsed = parse_role(role_text);
        if (!parsed) {
          fail(context, path.member("role"),
               fmt::format("unknown role '{}' (expected seller, customer or other)", role_text));
        }
        participant.role = *parsed;
      }
    }
  }

  const JsonPath segments_path = root.member("segments");
  const json& segments = require_array(context, require(context, document, root, "segments"), segments_path);
  readers::SpeakerTable speakers(call, context.options, context.source);
  call.segments.reserve(segments.size());
  for (std::size_t s = 0; s < segments.size(); ++s) {
    const JsonPath path = segments_path.at(s);
    const json& entry = require_object(context, segments[s], path);
    const std::string_view speaker =
        as_string(context, require(context, entry, path, "speaker"), path.member("speaker"));
    Segment& segment = call.segments.emplace_back();
    if (participants != nullptr) {
      const auto index = speakers.find(speaker);
      if (!index)
        fail(context, path.member("speaker"), fmt::format("'{}' is not one of the participants", speaker));
      segment.speaker = *index;
    } else {
      if (speaker.empty()) fail(context, path.member("speaker"), "empty speaker");
      segment.speaker = speakers.index(speaker, [] { return std::string(); });
    }
    segment.start_ms =
        as_milliseconds(context, require(context, entry, path, "start_ms"), path.member("start_ms"));
    segment.end_ms = as_milliseconds(context, require(context, entry, path, "end_ms"), path.member("end_ms"));
    segment.text = optional_string(context, entry, path, "text");
    segment.confidence = as_confidence(context, find(entry, "confidence"), path.member("confidence"));
    if (const json* words = find(entry, "words"))
      read_parley_words(context, *words, path.member("words"), segment);
  }
  return call;
}

// ---- Amazon Transcribe ----

// Speaker turns of an older Transcribe output whose items carry no speaker_label.
struct SpeakerTurn {
  Milliseconds start_ms;
  Milliseconds end_ms;
  std::string_view label;
};

std::vector<SpeakerTurn> read_transcribe_turns(const JsonContext& context, const json& results,
                                               const JsonPath& path) {
  std::vector<SpeakerTurn> turns;
  const json* labels = find(results, "speaker_labels");
  if (labels == nullptr) return turns;
  const JsonPath labels_path = path.member("speaker_labels");
  const json* segments = find(*labels, "segments");
  if (segments == nullptr) return turns;
  const JsonPath segments_path = labels_path.member("segments");
  require_array(context, *segments, segments_path);
  for (std::size_t i = 0; i < segments->size(); ++i) {
    const JsonPath turn_path = segments_path.at(i);
    const json& turn = require_object(context, (*segments)[i], turn_path);
    turns.push_back(SpeakerTurn{
        as_seconds(context, require(context, turn, turn_path, "start_time"), turn_path.member("start_time")),
        as_seconds(context, require(context, turn, turn_path, "end_time"), turn_path.member("end_time")),
        as_string(context, require(context, turn, turn_path, "speaker_label"),
                  turn_path.member("speaker_label"))});
  }
  return turns;
}

std::string_view speaker_at(const std::vector<SpeakerTurn>& turns, Milliseconds start_ms) {
  // The turn containing the word's start, by binary search over turns sorted by start.
  auto it = std::upper_bound(turns.begin(), turns.end(), start_ms,
                             [](Milliseconds t, const SpeakerTurn& turn) { return t < turn.start_ms; });
  if (it == turns.begin()) return {};
  --it;
  return start_ms <= it->end_ms ? it->label : std::string_view{};
}

Call read_amazon_transcribe(const json& document, const JsonContext& context) {
  const JsonPath root;
  if (!document.is_object()) fail_type(context, root, "an object at the top level", document);
  if (const json* status = find(document, "status");
      status != nullptr && status->is_string() && *status != "COMPLETED") {
    fail(context, root.member("status"), fmt::format("job status is {}, not \"COMPLETED\"", quote(*status)));
  }
  const JsonPath results_path = root.member("results");
  const json& results = require_object(context, require(context, document, root, "results"), results_path);
  const JsonPath items_path = results_path.member("items");
  const json& items = require_array(context, require(context, results, results_path, "items"), items_path);
  std::vector<SpeakerTurn> turns = read_transcribe_turns(context, results, results_path);
  std::sort(turns.begin(), turns.end(),
            [](const SpeakerTurn& a, const SpeakerTurn& b) { return a.start_ms < b.start_ms; });

  Call call;
  if (const json* language = find(results, "language_code"); language != nullptr && language->is_string()) {
    call.language = normalize_language(language->get_ref<const std::string&>());
  }
  if (find(results, "channel_labels") != nullptr) {
    context.warnings.at_path(results_path.member("channel_labels").str(),
                             "channel identification is not read: speakers come from speaker_label only");
  }
  WordGrouper grouper(call, context.options);
  readers::SpeakerTable speakers(call, context.options, context.source);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const JsonPath path = items_path.at(i);
    const json& item = require_object(context, items[i], path);
    const std::string_view type =
        as_string(context, require(context, item, path, "type"), path.member("type"));
    const JsonPath alternatives_path = path.member("alternatives");
    const JsonPath best_path = alternatives_path.at(0);
    const json& best = best_alternative(context, item, path, best_path);
    const std::string_view content =
        as_string(context, require(context, best, best_path, "content"), best_path.member("content"));
    if (type == "punctuation") {
      if (!grouper.add_punctuation(content)) {
        context.warnings.at_path(path.str(), fmt::format("punctuation '{}' before the first word: dropped",
                                                         readers::excerpt(content)));
      }
      continue;
    }
    if (type != "pronunciation") {
      fail(context, path.member("type"),
           fmt::format("unknown item type '{}' (expected pronunciation or punctuation)", type));
    }
    const Milliseconds start =
        as_seconds(context, require(context, item, path, "start_time"), path.member("start_time"));
    const Milliseconds end =
        as_seconds(context, require(context, item, path, "end_time"), path.member("end_time"));
    if (end < start) {
      fail(context, path, fmt::format("end_time {} ms is before start_time {} ms", end, start));
    }
    std::string_view label = optional_string(context, item, path, "speaker_label");
    if (label.empty()) label = speaker_at(turns, start);
    const std::uint32_t speaker = speakers.index(label, [&] {
      return fmt::format("{}: {}: no speaker_label (was speaker identification on for this job?)",
                         context.source, path.str());
    });
    grouper.add_word(speaker, start, end, content,
                     as_confidence(context, find(best, "confidence"), best_path.member("confidence")));
  }
  return call;
}

// A word as the vendor forms give it; the text points into the document.
struct TimedWord {
  std::string_view text;
  Milliseconds start_ms, end_ms;
  std::optional<double> confidence;
};

using TimeReader = Milliseconds (*)(const JsonContext&, const json&, const JsonPath&);

// One segment per utterance (AssemblyAI, Deepgram), with its words when given. The forms differ in
// the time unit, the text's field and how speakers and words are spelled, passed in here.
template <typename SpeakerOf, typename ReadWord>
void read_utterances(const JsonContext& context, const json& utterances, const JsonPath& list_path,
                     TimeReader as_time, std::string_view text_field, Call& call, SpeakerOf&& speaker_of,
                     ReadWord&& read_word) {
  require_array(context, utterances, list_path);
  call.segments.reserve(utterances.size());
  for (std::size_t u = 0; u < utterances.size(); ++u) {
    const JsonPath path = list_path.at(u);
    const json& utterance = require_object(context, utterances[u], path);
    const std::uint32_t speaker = speaker_of(utterance, path);
    Segment& segment = call.segments.emplace_back();
    segment.speaker = speaker;
    segment.start_ms = as_time(context, require(context, utterance, path, "start"), path.member("start"));
    segment.end_ms = as_time(context, require(context, utterance, path, "end"), path.member("end"));
    segment.text = as_string(context, require(context, utterance, path, text_field), path.member(text_field));
    segment.confidence = as_confidence(context, find(utterance, "confidence"), path.member("confidence"));
    if (const json* words = find(utterance, "words")) {
      const JsonPath words_path = path.member("words");
      require_array(context, *words, words_path);
      segment.words.reserve(words->size());
      for (std::size_t w = 0; w < words->size(); ++w) {
        const TimedWord word = read_word((*words)[w], words_path.at(w));
        segment.words.push_back(
            WordTiming{word.start_ms, word.end_ms, std::string(word.text), word.confidence});
      }
    }
  }
}

// ---- AssemblyAI ----

Call read_assemblyai(const json& document, const JsonContext& context) {
  const JsonPath root;
  if (!document.is_object()) fail_type(context, root, "an object at the top level", document);
  if (const json* status = find(document, "status");
      status != nullptr && status->is_string() && *status != "completed") {
    std::string what = fmt::format("transcript status is {}, not \"completed\"", quote(*status));
    if (const json* error = find(document, "error"); error != nullptr && error->is_string()) {
      what += fmt::format(" ({})", error->get_ref<const std::string&>());
    }
    fail(context, root.member("status"), what);
  }
  Call call;
  if (const json* language = find(document, "language_code"); language != nullptr && language->is_string()) {
    call.language = normalize_language(language->get_ref<const std::string&>());
  }
  if (const json* duration = find(document, "audio_duration")) {
    call.duration_ms = as_seconds(context, *duration, root.member("audio_duration"));
  }
  readers::SpeakerTable speakers(call, context.options, context.source);
  const auto speaker_of = [&](const json& entry, const JsonPath& path) {
    const std::string_view label = optional_string(context, entry, path, "speaker");
    return speakers.index(label, [&] {
      return fmt::format("{}: {}: no speaker (was speaker_labels on for this transcript?)", context.source,
                         path.str());
    });
  };
  const auto read_word = [&](const json& entry, const JsonPath& path) {
    const json& word = require_object(context, entry, path);
    return TimedWord{as_string(context, require(context, word, path, "text"), path.member("text")),
                     as_milliseconds(context, require(context, word, path, "start"), path.member("start")),
                     as_milliseconds(context, require(context, word, path, "end"), path.member("end")),
                     as_confidence(context, find(word, "confidence"), path.member("confidence"))};
  };

  if (const json* utterances = find(document, "utterances")) {
    read_utterances(context, *utterances, root.member("utterances"), as_milliseconds, "text", call,
                    speaker_of, read_word);
    return call;
  }
  const json* words = find(document, "words");
  if (words == nullptr)
    fail(context, root, "neither 'utterances' nor 'words' is present: no timed speech to read");
  const JsonPath words_path = root.member("words");
  require_array(context, *words, words_path);
  WordGrouper grouper(call, context.options);
  for (std::size_t w = 0; w < words->size(); ++w) {
    const JsonPath path = words_path.at(w);
    const TimedWord word = read_word((*words)[w], path);
    grouper.add_word(speaker_of((*words)[w], path), word.start_ms, word.end_ms, word.text, word.confidence);
  }
  return call;
}

// ---- Deepgram ----

// Deepgram speakers are integers ("speaker": 2 -> participant "2"); without diarization, a
// multichannel recording's channels are the speakers ("channel_1").
std::string_view deepgram_label(const JsonContext& context, const json& entry, const JsonPath& path,
                                std::size_t channel, bool multichannel, char (&buffer)[32]) {
  if (const json* speaker = find(entry, "speaker")) {
    if (!speaker->is_number_integer() || speaker->get<std::int64_t>() < 0) {
      fail_type(context, path.member("speaker"), "a speaker number", *speaker);
    }
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, speaker->get<std::int64_t>());
    return std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer));
  }
  if (multichannel) {
    const auto result = fmt::format_to_n(buffer, sizeof buffer, "channel_{}", channel);
    return std::string_view(buffer, result.size);
  }
  return {};
}

Call read_deepgram(const json& document, const JsonContext& context) {
  const JsonPath root;
  if (!document.is_object()) fail_type(context, root, "an object at the top level", document);
  const JsonPath results_path = root.member("results");
  const json& results = require_object(context, require(context, document, root, "results"), results_path);
  const JsonPath channels_path = results_path.member("channels");
  const json& channels =
      require_array(context, require(context, results, results_path, "channels"), channels_path);
  const bool multichannel = channels.size() > 1;

  Call call;
  if (const json* metadata = find(document, "metadata")) {
    if (const json* duration = find(*metadata, "duration")) {
      call.duration_ms = as_seconds(context, *duration, root.member("metadata").member("duration"));
    }
  }
  if (!channels.empty()) {
    if (const json* language = find(channels[0], "detected_language");
        language != nullptr && language->is_string()) {
      call.language = normalize_language(language->get_ref<const std::string&>());
    }
  }
  char label_buffer[32];
  readers::SpeakerTable speakers(call, context.options, context.source);
  const auto speaker_of = [&](const json& entry, const JsonPath& path, std::size_t channel) {
    const std::string_view label = deepgram_label(context, entry, path, channel, multichannel, label_buffer);
    return speakers.index(label, [&] {
      return fmt::format("{}: {}: no speaker (was diarize on for this request?)", context.source, path.str());
    });
  };
  const auto read_word = [&](const json& entry, const JsonPath& path) {
    const json& word = require_object(context, entry, path);
    TimedWord out;
    const json* punctuated = find(word, "punctuated_word");
    out.text = punctuated != nullptr
                   ? as_string(context, *punctuated, path.member("punctuated_word"))
                   : as_string(context, require(context, word, path, "word"), path.member("word"));
    out.start_ms = as_seconds(context, require(context, word, path, "start"), path.member("start"));
    out.end_ms = as_seconds(context, require(context, word, path, "end"), path.member("end"));
    if (out.end_ms < out.start_ms) {
      fail(context, path, fmt::format("end {} ms is before start {} ms", out.end_ms, out.start_ms));
    }
    out.confidence = as_confidence(context, find(word, "confidence"), path.member("confidence"));
    return out;
  };

  // With utterances=true Deepgram segments the speech itself; keep its segments.
  if (const json* utterances = find(results, "utterances")) {
    const auto utterance_speaker = [&](const json& utterance, const JsonPath& path) {
      std::size_t channel = 0;
      if (const json* c = find(utterance, "channel"); c != nullptr && c->is_number_unsigned()) {
        channel = c->get<std::size_t>();
      }
      return speaker_of(utterance, path, channel);
    };
    read_utterances(context, *utterances, results_path.member("utterances"), as_seconds, "transcript", call,
                    utterance_speaker, read_word);
    return call;
  }

  for (std::size_t c = 0; c < channels.size(); ++c) {
    const JsonPath channel_path = channels_path.at(c);
    const json& channel = require_object(context, channels[c], channel_path);
    const JsonPath alternatives_path = channel_path.member("alternatives");
    const JsonPath best_path = alternatives_path.at(0);
    const json& best = best_alternative(context, channel, channel_path, best_path);
    const JsonPath words_path = best_path.member("words");
    const json& words = require_array(context, require(context, best, best_path, "words"), words_path);
    WordGrouper grouper(call, context.options);  // one per channel: segments never span channels
    for (std::size_t w = 0; w < words.size(); ++w) {
      const JsonPath path = words_path.at(w);
      const TimedWord word = read_word(words[w], path);
      grouper.add_word(speaker_of(words[w], path, c), word.start_ms, word.end_ms, word.text, word.confidence);
    }
  }
  return call;
}

bool has(const json& object, std::string_view name) { return object.is_object() && object.contains(name); }

}  // namespace

std::optional<TranscriptFormat> detect_json_document_format(const nlohmann::json& document) {
  if (!document.is_object()) return std::nullopt;
  if (const json* format = find(document, "format"); format != nullptr && *format == "parley-transcript") {
    return TranscriptFormat::parley_json;
  }
  if (const json* results = find(document, "results"); results != nullptr && results->is_object()) {
    if (has(*results, "items") || has(*results, "transcripts")) return TranscriptFormat::amazon_transcribe;
    if (has(*results, "channels")) return TranscriptFormat::deepgram;
  }
  if (has(document, "utterances") || has(document, "words")) return TranscriptFormat::assemblyai;
  if (const json* segments = find(document, "segments"); segments != nullptr && segments->is_array()) {
    return TranscriptFormat::parley_json;
  }
  return std::nullopt;
}

Call call_from_json_value(const nlohmann::json& document, TranscriptFormat format,
                          std::string_view source_name, const ReadOptions& options,
                          readers::WarningList& warnings) {
  const JsonContext context{source_name, options, warnings};
  switch (format) {
    case TranscriptFormat::parley_json: return read_parley_json(document, context);
    case TranscriptFormat::amazon_transcribe: return read_amazon_transcribe(document, context);
    case TranscriptFormat::assemblyai: return read_assemblyai(document, context);
    case TranscriptFormat::deepgram: return read_deepgram(document, context);
    default: break;
  }
  throw Error(ErrorCode::invalid_argument,
              fmt::format("{}: {} is not a JSON transcript format", source_name, format_name(format)));
}

nlohmann::ordered_json to_parley_json_value(const Call& call) {
  using nlohmann::ordered_json;
  ordered_json document;
  document["format"] = "parley-transcript";
  document["version"] = 1;
  document["id"] = call.id;
  if (call.start_time_ms != 0) document["start_time"] = format_iso8601(call.start_time_ms);
  document["duration_ms"] = call.duration_ms;
  if (!call.language.empty()) document["language"] = call.language;
  const auto put_if = [&](const char* key, const std::string& value) {
    if (!value.empty()) document[key] = value;
  };
  put_if("owner_seller_id", call.owner_seller_id);
  put_if("account_id", call.account_id);
  put_if("contact_id", call.contact_id);
  put_if("lead_id", call.lead_id);
  put_if("opportunity_id", call.opportunity_id);
  ordered_json participants = ordered_json::array();
  for (const Participant& participant : call.participants) {
    ordered_json entry;
    entry["id"] = participant.id;
    entry["name"] = participant.display_name;
    entry["role"] = role_name(participant.role);
    if (!participant.crm_id.empty()) entry["crm_id"] = participant.crm_id;
    participants.push_back(std::move(entry));
  }
  document["participants"] = std::move(participants);
  ordered_json segments = ordered_json::array();
  for (const Segment& segment : call.segments) {
    ordered_json entry;
    entry["speaker"] = segment.speaker < call.participants.size() ? call.participants[segment.speaker].id
                                                                  : fmt::format("#{}", segment.speaker);
    entry["start_ms"] = segment.start_ms;
    entry["end_ms"] = segment.end_ms;
    entry["text"] = segment.text;
    if (segment.confidence) entry["confidence"] = *segment.confidence;
    if (!segment.words.empty()) {
      ordered_json words = ordered_json::array();
      for (const WordTiming& word : segment.words) {
        ordered_json w;
        w["text"] = word.text;
        w["start_ms"] = word.start_ms;
        w["end_ms"] = word.end_ms;
        if (word.confidence) w["confidence"] = *word.confidence;
        words.push_back(std::move(w));
      }
      entry["words"] = std::move(words);
    }
    segments.push_back(std::move(entry));
  }
  document["segments"] = std::move(segments);
  return document;
}

std::string write_parley_json(const Call& call) {
  try {
    return to_parley_json_value(call).dump(2) + "\n";
  } catch (const nlohmann::json::exception&) {
    throw Error(ErrorCode::invalid_utf8,
                fmt::format("write_parley_json: call '{}' holds text that is not valid UTF-8", call.id));
  }
}

}  // namespace parley
