#include "readers/reader_support.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace parley::readers {

void fail_at_line(std::string_view source, std::size_t line, std::string_view what) {
  throw Error(ErrorCode::parse, fmt::format("{}:{}: {}", source, line, what));
}

void WarningList::add(std::size_t line, std::string json_path, std::string message) {
  if (warnings_.size() >= limit_) {
    ++not_listed_;
    return;
  }
  warnings_.push_back(ReadWarning{std::string(source_), line, std::move(json_path), std::move(message)});
}

std::vector<ReadWarning> WarningList::take() {
  if (not_listed_ > 0) {
    warnings_.push_back(
        ReadWarning{std::string(source_),
                    0,
                    {},
                    fmt::format("{} more {} not listed (ReadOptions::max_warnings = {})", not_listed_,
                                not_listed_ == 1 ? "warning" : "warnings", limit_)});
    not_listed_ = 0;
  }
  return std::move(warnings_);
}

std::string excerpt(std::string_view line) {
  if (line.size() <= 60) return std::string(line);
  std::size_t cut = 60;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("{}...", line.substr(0, cut));
}

namespace {

std::string_view drop_trailing_space(std::string_view line) noexcept {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
    line.remove_suffix(1);
  return line;
}

}  // namespace

std::optional<std::string_view> LineCursor::next() noexcept {
  if (position_ >= text_.size()) return std::nullopt;
  const std::size_t newline = text_.find('\n', position_);
  const std::size_t end = newline == std::string_view::npos ? text_.size() : newline;
  const std::string_view line = text_.substr(position_, end - position_);
  position_ = newline == std::string_view::npos ? text_.size() : newline + 1;
  ++line_number_;
  return drop_trailing_space(line);
}

std::optional<std::string_view> LineCursor::peek() const noexcept {
  LineCursor copy = *this;
  return copy.next();
}

std::string_view trim(std::string_view text) noexcept {
  std::size_t begin = 0;
  while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\t' || text[begin] == '\r')) ++begin;
  std::size_t end = text.size();
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r')) --end;
  return text.substr(begin, end - begin);
}

bool starts_with_word(std::string_view line, std::string_view word) noexcept {
  return line.starts_with(word) &&
         (line.size() == word.size() || line[word.size()] == ' ' || line[word.size()] == '\t');
}

namespace {

bool all_digits(std::string_view text) noexcept {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::int64_t digits_value(std::string_view text) noexcept {
  std::int64_t value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

// Milliseconds from the digits after the decimal separator, rounded half up.
Milliseconds fraction_ms(std::string_view digits) noexcept {
  Milliseconds ms = 0;
  for (std::size_t k = 0; k < 3; ++k) ms = ms * 10 + (k < digits.size() ? digits[k] - '0' : 0);
  if (digits.size() > 3 && digits[3] >= '5') ++ms;
  return ms;
}

}  // namespace

std::optional<Milliseconds> parse_clock_time(std::string_view text) noexcept {
  std::string_view fraction;
  const std::size_t separator = text.find_first_of(".,");
  if (separator != std::string_view::npos) {
    fraction = text.substr(separator + 1);
    text = text.substr(0, separator);
    if (fraction.size() > 9 || !all_digits(fraction)) return std::nullopt;
  }
  std::string_view fields[3];
  std::size_t count = 0;
  while (true) {
    const std::size_t colon = text.find(':');
    if (count == 3) return std::nullopt;
    fields[count++] = text.substr(0, colon);
    if (colon == std::string_view::npos) break;
    text = text.substr(colon + 1);
  }
  if (count < 2) return std::nullopt;  // a bare number of seconds is not a cue time
  for (std::size_t k = 0; k < count; ++k) {
    if (!all_digits(fields[k])) return std::nullopt;
  }
  std::int64_t hours = 0, minutes = 0, seconds = 0;
  if (count == 3) {
    if (fields[0].size() > 9 || fields[1].size() > 2) return std::nullopt;
    hours = digits_value(fields[0]);
    minutes = digits_value(fields[1]);
    if (minutes >= 60) return std::nullopt;
  } else {
    // "mm:ss.ttt": minutes may run past an hour as some tools write them.
    if (fields[0].size() > 9) return std::nullopt;
    minutes = digits_value(fields[0]);
  }
  const std::string_view seconds_field = fields[count - 1];
  if (seconds_field.size() > 2) return std::nullopt;
  seconds = digits_value(seconds_field);
  if (seconds >= 60) return std::nullopt;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction_ms(fraction);
}

std::optional<Milliseconds> seconds_to_ms(double seconds) noexcept {
  // Beyond ~3 million years of audio the value is garbage, not a time; stay far from overflow.
  if (!std::isfinite(seconds) || seconds < 0 || seconds > 1e14) return std::nullopt;
  return static_cast<Milliseconds>(std::llround(seconds * 1000.0));
}

std::optional<Milliseconds> parse_decimal_seconds(std::string_view text) noexcept {
  if (text.empty()) return std::nullopt;
  // Exact decimal arithmetic for the common "12.345" form, so no value is off by a rounding error.
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (all_digits(whole) && whole.size() <= 12 &&
      (fraction.empty() || (all_digits(fraction) && fraction.size() <= 18))) {
    return digits_value(whole) * 1000 + fraction_ms(fraction);
  }
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return seconds_to_ms(value);
}

bool split_speaker_prefix(std::string_view line, std::string_view& name, std::string_view& rest) noexcept {
  // A name is at most 64 bytes: look no further than that for its colon.
  const std::size_t colon = line.substr(0, 65).find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (colon + 1 < line.size() && line[colon + 1] != ' ' && line[colon + 1] != '\t') return false;
  const std::string_view candidate = trim(line.substr(0, colon));
  if (candidate.empty() || candidate.front() == '<' || candidate.front() == '-') return false;
  std::size_t words = 1;
  bool any_non_digit = false;
  for (std::size_t k = 0; k < candidate.size(); ++k) {
    const char c = candidate[k];
    switch (c) {
      case '.':
      case ',':
      case ';':
      case '!':
      case '?':
      case '"':
      case '<':
      case '>':
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case '/':
      case '=':
        if (c == '.' && k > 0 && k + 1 < candidate.size() && candidate[k + 1] == ' ') break;  // "Dr. Lee"
        return false;
      case ' ': ++words; break;
      default: break;
    }
    if (c < '0' || c > '9') any_non_digit = true;
  }
  if (words > 5 || !any_non_digit) return false;
  name = candidate;
  rest = trim(line.substr(colon + 1));
  return true;
}

void trim_trailing_space(std::string& out) noexcept {
  while (!out.empty() && out.back() == ' ') out.pop_back();
}

namespace {

void append_code_point(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::size_t decode_entity(std::string_view text, std::string& out) {
  const std::size_t semicolon = text.find(';');
  if (semicolon == std::string_view::npos || semicolon < 2 || semicolon > 10) return 0;
  const std::string_view name = text.substr(1, semicolon - 1);
  if (name[0] == '#') {
    char32_t cp = 0;
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (char c : digits) {
      int value;
      if (c >= '0' && c <= '9')
        value = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        value = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        value = c - 'A' + 10;
      else
        return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(value);
      if (cp > 0x10FFFF) return 0;
    }
    // Surrogates and NUL cannot appear in UTF-8 text.
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    append_code_point(cp, out);
    return semicolon + 1;
  }
  static constexpr std::pair<std::string_view, char32_t> kNamed[] = {
      {"amp", U'&'},   {"lt", U'<'},        {"gt", U'>'},       {"quot", U'"'},
      {"apos", U'\''}, {"nbsp", U'\u00A0'}, {"lrm", U'\u200E'}, {"rlm", U'\u200F'},
  };
  for (const auto& [entity, cp] : kNamed) {
    if (name == entity) {
      append_code_point(cp, out);
      return semicolon + 1;
    }
  }
  return 0;
}

bool ends_sentence(std::string_view word) noexcept {
  // Closing quotes or brackets may follow the stop: "right?" or "done.)".
  while (!word.empty() && (word.back() == '"' || word.back() == '\'' || word.back() == ')'))
    word.remove_suffix(1);
  if (word.empty()) return false;
  const char last = word.back();
  if (last == '.' || last == '?' || last == '!') return true;
  for (std::string_view stop : {"\u2026", "\u3002", "\uFF1F", "\uFF01"}) {
    if (word.ends_with(stop)) return true;
  }
  return false;
}

SpeakerTable::SpeakerTable(Call& call, const ReadOptions& options, std::string_view source)
    : call_(call), options_(options), source_(source) {
  for (std::size_t i = 0; i < call.participants.size(); ++i) {
    by_label_.emplace(call.participants[i].id, static_cast<std::uint32_t>(i));
  }
}

std::optional<std::uint32_t> SpeakerTable::find(std::string_view label) const {
  const auto found = by_label_.find(label);
  if (found == by_label_.end()) return std::nullopt;
  return found->second;
}

std::uint32_t SpeakerTable::add(std::string_view label) {
  if (call_.participants.size() >= options_.limits.max_participants) {
    throw Error(ErrorCode::limit_exceeded,
                fmt::format("{}: more than {} speakers (ModelLimits::max_participants)", source_,
                            options_.limits.max_participants));
  }
  const auto index = static_cast<std::uint32_t>(call_.participants.size());
  call_.participants.push_back(Participant{std::string(label), std::string(label), Role::other, {}});
  by_label_.emplace(std::string(label), index);
  return index;
}

void WordGrouper::add_word(std::uint32_t speaker, Milliseconds start_ms, Milliseconds end_ms,
                           std::string_view text, std::optional<double> confidence) {
  Segment* current = open_ ? &call_.segments.back() : nullptr;
  const bool split = current == nullptr || current->speaker != speaker ||
                     (options_.split_segments_at_sentence_end && sentence_ended_) ||
                     (options_.split_segments_at_gap_ms > 0 &&
                      start_ms - current->end_ms > options_.split_segments_at_gap_ms);
  if (split) {
    Segment& segment = call_.segments.emplace_back();
    segment.speaker = speaker;
    segment.start_ms = start_ms;
    segment.end_ms = end_ms;
    current = &segment;
    open_ = true;
  }
  append_separator(current->text);
  current->text.append(text);
  current->start_ms = std::min(current->start_ms, start_ms);
  current->end_ms = std::max(current->end_ms, end_ms);
  current->words.push_back(WordTiming{start_ms, end_ms, std::string(text), confidence});
  sentence_ended_ = ends_sentence(text);
}

bool WordGrouper::add_punctuation(std::string_view text) {
  if (!open_) return false;  // punctuation before the first word has nothing to attach to
  Segment& current = call_.segments.back();
  current.text.append(text);
  if (!current.words.empty()) current.words.back().text.append(text);
  sentence_ended_ = ends_sentence(text);
  return true;
}

std::optional<TranscriptFormat> sniff_format(std::string_view text) noexcept {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start != std::string_view::npos && text[start] == '{') return detect_json_format(text);
  LineCursor cursor(text);
  std::optional<std::string_view> first;
  while ((first = cursor.next()) && is_blank(*first)) {
  }
  if (!first) return std::nullopt;
  const std::string_view line = trim(*first);
  if (starts_with_word(line, "WEBVTT")) return TranscriptFormat::webvtt;
  if (starts_with_word(line, "SPEAKER") || line.starts_with(";;")) return TranscriptFormat::rttm;
  if (line.find("-->") != std::string_view::npos) return TranscriptFormat::srt;
  if (!line.empty() && std::all_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (const auto second = cursor.next(); second && second->find("-->") != std::string_view::npos) {
      return TranscriptFormat::srt;
    }
  }
  return std::nullopt;
}

std::string other_format_hint(std::string_view text, TranscriptFormat expected) {
  const auto looks_like = sniff_format(text);
  if (!looks_like || *looks_like == expected) return {};
  const std::string_view name = format_name(*looks_like);
  return fmt::format(": the content looks like {}; read it as {} (--input-format {})", name, name, name);
}

std::string call_id_from_source(std::string_view source_name) {
  const std::size_t slash = source_name.find_last_of("/\\");
  if (slash != std::string_view::npos) source_name = source_name.substr(slash + 1);
  const std::size_t dot = source_name.rfind('.');
  if (dot != std::string_view::npos && dot > 0) source_name = source_name.substr(0, dot);
  return std::string(source_name);
}

Call finish_call(Call call, std::string_view source_name, const ReadOptions& options) {
  if (!options.call_id.empty()) {
    call.id = options.call_id;
  } else if (call.id.empty()) {
    call.id = call_id_from_source(source_name);
  }
  if (call.language.empty()) call.language = options.default_language;
  try {
    validate_call(call, options.limits);
  } catch (const Error& error) {
    // Reversed or negative times in a file are malformed input: a parse error, as the host sees it.
    const ErrorCode code = error.code() == ErrorCode::invalid_argument ? ErrorCode::parse : error.code();
    throw Error(code, fmt::format("{}: {}", source_name, error.message()));
  }
  return call;
}

}  // namespace parley::readers
